/**
 * The outbox: packages waiting to reach the newsroom's upload endpoint. Jobs live in desk.json
 * (so they survive a restart), each package in `outbox/<job>.zip`. One job is sent at a time;
 * a server that does not answer is tried again with growing pauses (and at once when asked);
 * a refusal (wrong password, a 4xx) stops the job with its reason until the user retries it.
 * A job caught mid-send by a crash or a quit is sent again with the same idempotency key.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Low } from 'lowdb';
import { DeskError } from '../../../src-shared/errors';
import { type OutboxJob, UploadConfigInput, type UploadConfig, type UploadProbe } from '../../../src-shared/outbox';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { DeskData } from '../desk-store';
import { ensureDir, removeStaleTemps } from '../durable-file';
import type { CoalescingWriter } from '../durable-file';
import type { Hub } from '../hub';
import { probeUpload, uploadPackage, type UploadOutcome, type UploadTarget } from './upload';

export interface OutboxOptions {
  /** First pause after a failed attempt; doubles each time up to `maxDelayMs`. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly timeoutMs?: number;
}

export class Outbox {
  readonly dir: string;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private inFlight: AbortController | null = null;
  private closed = false;
  private started = false;

  constructor(
    dataDir: string,
    private readonly db: Low<DeskData>,
    private readonly writer: CoalescingWriter,
    private readonly hub: Hub,
    options: OutboxOptions = {},
  ) {
    this.dir = path.join(dataDir, 'outbox');
    this.minDelay = options.minDelayMs ?? 2_000;
    this.maxDelay = options.maxDelayMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Opens the folder; a job that was sending when the desk stopped goes back to the queue. */
  async open(): Promise<void> {
    await ensureDir(this.dir);
    await removeStaleTemps(this.dir);
    let changed = false;
    for (const job of this.jobs()) {
      if (job.state === 'sending') {
        job.state = 'queued';
        job.nextAttemptAt = new Date().toISOString();
        changed = true;
      }
    }
    if (changed) await this.writer.request();
  }

  /** Starts sending (the desk's windows; a one-off command line run only queues). */
  start(): void {
    this.started = true;
    this.wake();
  }

  list(): OutboxJob[] {
    return this.jobs().map((j) => ({ ...j }));
  }

  config(): UploadConfig | null {
    const u = this.db.data.upload;
    return u ? { url: u.url, fileField: u.fileField, fields: { ...u.fields }, auth: u.auth, username: u.username, hasSecret: u.secret !== '' } : null;
  }

  async setConfig(input: UploadConfigInput | null): Promise<UploadConfig | null> {
    if (input === null) {
      this.db.data.upload = null;
    } else {
      const c = UploadConfigInput.parse(input);
      const secret = c.secret ?? this.db.data.upload?.secret ?? '';
      this.db.data.upload = { url: c.url, fileField: nfc(c.fileField), fields: Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [nfc(k), nfc(v)])), auth: c.auth, username: nfc(c.username), secret };
    }
    await this.writer.request();
    this.wake(true);
    return this.config();
  }

  /**
   * Tries an upload address as the settings page has it (not yet saved, perhaps), with the
   * stored password or token when the form leaves it empty. Nothing is sent or stored.
   */
  async probe(input: UploadConfigInput): Promise<UploadProbe> {
    const c = UploadConfigInput.parse(input);
    const secret = c.secret ?? this.db.data.upload?.secret ?? '';
    return probeUpload({ url: c.url, fileField: c.fileField, fields: c.fields, auth: c.auth, username: nfc(c.username), secret }, Math.min(this.timeoutMs, 10_000));
  }

  /**
   * Makes the package with `make(file)` (into the outbox folder) and queues it. Nothing is
   * queued when making it fails.
   */
  async enqueue(articleId: string, headline: string, make: (file: string) => Promise<void>): Promise<OutboxJob> {
    if (!this.db.data.upload) throw new DeskError('uploadNotConfigured');
    const id = randomUUID();
    const file = `${id}.zip`;
    const full = path.join(this.dir, file);
    await make(full);
    const size = (await fs.stat(full)).size;
    const now = new Date().toISOString();
    const job: OutboxJob = { id, articleId, headline, file, size, idempotencyKey: randomUUID(), state: 'queued', attempts: 0, lastError: null, createdAt: now, nextAttemptAt: now, sentAt: null };
    this.db.data.outbox.push(job);
    await this.changed();
    this.wake();
    return { ...job };
  }

  /** A failed or waiting job: try it now (same key). */
  async retry(jobId: string): Promise<OutboxJob> {
    const job = this.find(jobId);
    if (job.state === 'failed' || job.state === 'queued') {
      job.state = 'queued';
      job.nextAttemptAt = new Date().toISOString();
      await this.changed();
      this.wake(true);
    }
    return { ...job };
  }

  /** Removes a job that is not being sent, and its package. */
  async remove(jobId: string): Promise<void> {
    const job = this.find(jobId);
    if (job.state === 'sending') throw new DeskError('outboxBusy');
    this.db.data.outbox = this.jobs().filter((j) => j.id !== jobId);
    await this.changed();
    await fs.rm(path.join(this.dir, job.file), { force: true });
  }

  /** Stops sending (an upload in flight is abandoned: its job is sent again, same key, next time). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.inFlight?.abort();
    await this.running?.catch(() => undefined);
  }

  private jobs(): OutboxJob[] {
    return this.db.data.outbox;
  }

  private find(jobId: string): OutboxJob {
    const job = this.jobs().find((j) => j.id === jobId);
    if (!job) throw new DeskError('notFound', { job: jobId });
    return job;
  }

  private async changed(): Promise<void> {
    await this.writer.request();
    this.hub.broadcast('outbox:changed', { jobs: this.list() });
  }

  /** Runs due jobs now, or sets a timer for the next one. `now` makes waiting jobs due at once. */
  private wake(now = false): void {
    if (now) for (const j of this.jobs()) if (j.state === 'queued') j.nextAttemptAt = new Date().toISOString();
    if (this.closed || !this.started) return;
    if (this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.jobs()
      .filter((j) => j.state === 'queued' && j.nextAttemptAt)
      .map((j) => Date.parse(j.nextAttemptAt!))
      .sort((a, b) => a - b)[0];
    if (next === undefined || !this.db.data.upload) return;
    const delay = Math.max(0, next - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        this.wake();
      });
    }, delay);
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const upload = this.db.data.upload;
      const job = this.jobs().find((j) => j.state === 'queued' && j.nextAttemptAt !== null && Date.parse(j.nextAttemptAt) <= Date.now());
      if (!job || !upload) return;
      job.state = 'sending';
      job.attempts++;
      await this.changed();
      const target: UploadTarget = upload;
      this.inFlight = new AbortController();
      let outcome: UploadOutcome;
      try {
        outcome = await uploadPackage(path.join(this.dir, job.file), `${job.articleId}.zip`, target, job.idempotencyKey, this.inFlight.signal, this.timeoutMs);
      } catch {
        outcome = { kind: 'retry', code: 'uploadUnreachable' };
      } finally {
        this.inFlight = null;
      }
      if (this.closed) {
        job.state = 'queued'; // abandoned by close(): sent again, with the same key, next time
        await this.writer.request();
        return;
      }
      const now = Date.now();
      if (outcome.kind === 'sent') {
        job.state = 'sent';
        job.sentAt = new Date(now).toISOString();
        job.nextAttemptAt = null;
        job.lastError = null;
      } else if (outcome.kind === 'retry') {
        job.state = 'queued';
        job.lastError = { code: outcome.code, ...(outcome.status ? { status: outcome.status } : {}) };
        job.nextAttemptAt = new Date(now + Math.min(this.maxDelay, this.minDelay * 2 ** Math.min(20, job.attempts - 1))).toISOString();
      } else {
        job.state = 'failed';
        job.lastError = { code: outcome.code, status: outcome.status };
        job.nextAttemptAt = null;
      }
      await this.changed();
    }
  }
}
