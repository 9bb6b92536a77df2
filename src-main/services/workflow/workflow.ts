/**
 * The editorial workflow on the desk (SPEC capability 9, DESIGN §5). Only the newsroom server
 * moves an article between statuses; the desk asks it to. A move asked for here is a durable
 * job in desk.json, written before the answer (a crash or a kill -9 loses none), sent as soon
 * as the server answers and again with growing pauses while it does not. A refusal (403, 409,
 * 422, 400) stops the job with its reason until the user drops it; nothing in the article's text
 * is touched either way. Each job carries the status the user saw (`expected`): a job resent
 * after the server made the move (the desk stopped before hearing the answer) finds the status
 * it asked for, which counts as done, so a move is made once.
 *
 * The status itself arrives, like every change, through sync: the server writes the article's
 * `workflow` map as its own change.
 */
import type { Low } from 'lowdb';
import { workflow as workflowMap } from '../../../src-shared/article-doc';
import { DeskError, type ErrorCode } from '../../../src-shared/errors';
import { Status } from '../../../src-shared/models';
import { nfc } from '../../../src-shared/text/vietnamese';
import { APPROVED, movesFor, refusalOf, type Actor, type MoveRefusal } from '../../../src-shared/workflow';
import { AttributedField, changesBase, QueueRow, type WorkflowChanges, type WorkflowPendingMoves, type WorkflowQueue, type WorkflowState } from '../../../src-shared/workflow-desk';
import type { Articles } from '../articles';
import type { DeskData } from '../desk-store';
import type { CoalescingWriter } from '../durable-file';
import type { Hub } from '../hub';
import type { SyncService } from '../sync/service';
import * as api from './workflow-client';
import { assign, assignees, people } from './assignment';
import type { WorkflowAssignees, WorkflowPeople } from '../../../src-shared/assignment';
import type { WorkflowJob } from './records';

export interface WorkflowOptions {
  /** First pause after the server did not answer; doubles each time up to `maxDelayMs`. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
}

interface Deps {
  readonly db: Low<DeskData>;
  readonly writer: CoalescingWriter;
  readonly hub: Hub;
  readonly articles: Articles;
  readonly sync: SyncService;
}

/** How long after a change to an approved article the server is asked whether it came after the approval. */
const RECHECK_MS = 1_500;

const LOCAL_REFUSAL: Record<MoveRefusal, ErrorCode> = {
  sameStatus: 'workflowNotAllowed',
  notAllowed: 'workflowNotAllowed',
  forbidden: 'workflowForbidden',
  noteRequired: 'workflowNoteRequired',
};

export class Workflow {
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private started = false;
  private wasOnline = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Aborts a send in flight when the desk closes (the job stays and is sent again, once, next time). */
  private readonly stopping = new AbortController();
  private readonly statuses = new Map<string, Status>();
  private readonly unlisten: Array<() => void> = [];
  /** Per approved article changed lately: the pending question whether it changed since its approval. */
  private readonly rechecks = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: Deps,
    options: WorkflowOptions = {},
  ) {
    this.minDelay = options.minDelayMs ?? 2_000;
    this.maxDelay = options.maxDelayMs ?? 5 * 60_000;
  }

  private get data(): DeskData['workflow'] {
    return this.deps.db.data.workflow;
  }

  /** Starts sending (the desk's windows; the command line sends with `send`). */
  start(): void {
    this.started = true;
    this.unlisten.push(
      // The server answered again: what waits goes now. Other changes of sync (an article's
      // text acknowledged) may free a job that waited for it, without cutting a backoff short.
      this.deps.sync.onChange(() => {
        const online = this.deps.sync.isOnline();
        const back = online && !this.wasOnline;
        this.wasOnline = online;
        this.wake(back);
      }),
      this.deps.articles.onEntry(({ id, entry }) => {
        if (!entry) return;
        const before = this.statuses.get(id);
        // A status that arrived through sync (or any change of the library row) tells the windows.
        if (before !== entry.status) {
          this.statuses.set(id, entry.status);
          if (before !== undefined) this.deps.hub.broadcast('workflow:changed', { id });
        }
        // A change to an approved article (typed here, or arriving through sync) may be one
        // stored after the approval: the server is asked once it has it, and the windows told if
        // so. Not for an article first seen (a first sync brings thousands): its state is asked
        // of the server when it is shown, and the queue lists it as changed.
        if (before !== undefined && APPROVED.has(entry.status) && !this.data.changedSinceApproved[id]) this.recheck(id);
      }),
      // The server told of the article without a new version: its assignees (or owner) changed.
      this.deps.sync.onArticleTold((id) => this.deps.hub.broadcast('workflow:changed', { id })),
    );
    for (const e of this.deps.articles.entries()) this.statuses.set(e.id, e.status);
    this.wake(true);
  }

  /** The status and last note as the article's document has them now (the library row follows a moment later). */
  private read(id: string): Promise<{ status: Status; lastNote: WorkflowState['lastNote'] }> {
    this.deps.articles.summary(id); // notFound for an article this desk does not hold
    return this.deps.articles.read(id, (doc) => {
      const w = workflowMap(doc);
      const parsed = Status.safeParse(w.get('status'));
      const note = w.get('note');
      return {
        status: parsed.success ? parsed.data : 'draft',
        lastNote: typeof note === 'string' && note !== '' ? { note, by: String(w.get('by') ?? ''), at: String(w.get('at') ?? '') } : null,
      };
    });
  }

  async state(id: string): Promise<WorkflowState> {
    const { status, lastNote } = await this.read(id);
    const job = this.data.jobs[id];
    const actor = this.actor(id);
    return {
      status,
      moves: actor && !job ? movesFor(actor, status) : [],
      pending: job ? { to: job.to, note: job.note, queuedAt: job.queuedAt, refused: job.refused } : null,
      lastNote,
      history: [...(this.data.history[id] ?? [])],
      online: this.deps.sync.isOnline(),
      changedSinceApproved: this.data.changedSinceApproved[id] ?? false,
    };
  }

  /**
   * Queues a move of the article to `to` from the status the user sees now, after the same
   * checks the server makes (role, status, note) with the last known role; refused with a code
   * otherwise, or while another move of the article waits.
   */
  async move(id: string, to: Status, note = ''): Promise<WorkflowState> {
    const { status } = await this.read(id);
    const text = nfc(note).trim();
    const actor = this.actor(id);
    if (!actor) throw new DeskError('syncNotConfigured');
    const pending = this.data.jobs[id];
    if (pending && !pending.refused) throw new DeskError('workflowPending', { to: pending.to });
    const refusal = refusalOf(actor, status, to, text);
    if (refusal) throw new DeskError(LOCAL_REFUSAL[refusal], { status, to });
    const now = new Date().toISOString();
    // The last recorded move known (0: the server had none), when the history was ever fetched.
    const seen = this.data.history[id];
    const after = seen ? (seen.at(-1)?.id ?? 0) : undefined;
    this.data.jobs[id] = { to, note: text, queuedAt: now, refused: null, expected: status, ...(after === undefined ? {} : { after }), attempts: 0, nextAttemptAt: null };
    // Durable before the answer: the move survives whatever happens next.
    await this.deps.writer.request();
    this.deps.hub.broadcast('workflow:changed', { id });
    this.wake(true);
    return this.state(id);
  }

  /** Drops the article's move that waits or was refused (one being sent now may still arrive). */
  async cancel(id: string): Promise<WorkflowState> {
    if (this.data.jobs[id]) {
      delete this.data.jobs[id];
      await this.deps.writer.request();
      this.deps.hub.broadcast('workflow:changed', { id });
    }
    return this.state(id);
  }

  /** The people an editor assigns (src-main/services/workflow/assignment.ts). */
  async people(): Promise<WorkflowPeople> {
    return people(this.deps, !this.started);
  }

  /** Replaces the article's assignees on the server; refused offline. */
  async assign(id: string, users: readonly string[]): Promise<WorkflowAssignees> {
    const answer = await assign(this.deps, id, users, !this.started);
    // This desk's other windows showing the article read its assignees again.
    this.deps.hub.broadcast('workflow:changed', { id });
    return answer;
  }

  /** The article's assignees as the server has them now. */
  async assignees(id: string): Promise<WorkflowAssignees> {
    return assignees(this.deps, id);
  }

  /** The editors' queue: fetched from the server when it answers, else the last answer. */
  async queue(): Promise<WorkflowQueue> {
    const account = this.deps.sync.credentials();
    if (account && (this.deps.sync.isOnline() || !this.started)) {
      try {
        const answer = await api.queue(account);
        const rows = answer.articles.map((r) => QueueRow.parse(r));
        const same = JSON.stringify(rows) === JSON.stringify(this.data.queue.rows);
        this.data.queue = { rows, fetchedAt: new Date().toISOString() };
        // Kept for reading offline. desk.json holds the whole library's index (megabytes): the
        // same rows again are not worth a write of their own, and a page open on the queue asks
        // at every change; the time goes to disk with desk.json's next write.
        if (!same) await this.deps.writer.request();
      } catch (err) {
        // Offline, the last answer; a refusal (a reporter asking) is the caller's to hear.
        if (!(err instanceof DeskError) || err.code !== 'syncUnreachable' || this.data.queue.fetchedAt === null) throw err;
      }
    }
    return { rows: this.data.queue.rows.map((r) => ({ ...r })), fetchedAt: this.data.queue.fetchedAt };
  }

  /**
   * What changed since the article's last submission or return, or since its approval when it
   * changed after it (changesBase): asked of the server while it answers and kept; offline, the
   * kept answer when it counts from that same move.
   */
  async changes(id: string): Promise<WorkflowChanges> {
    this.deps.articles.summary(id); // notFound for an article this desk does not hold
    const history = this.data.history[id] ?? [];
    let since = changesBase(history, this.data.changedSinceApproved[id] ?? false);
    if (!since) return { changes: null, reason: 'noSubmission' };
    const account = this.deps.sync.credentials();
    if (account && this.deps.sync.isOnline()) {
      try {
        let answer;
        try {
          answer = await api.changesSince(account, id, since.id);
        } catch (err) {
          // An approval recorded before the server kept states at approvals has none: counted
          // from the submission or return before it, as then.
          const before = changesBase(history);
          if (!(err instanceof DeskError) || err.code === 'syncUnreachable' || !before || before.id === since.id) throw err;
          since = before;
          answer = await api.changesSince(account, id, since.id);
        }
        const fields = answer.fields.map((f) => AttributedField.parse(f));
        this.data.changes[id] = { since, fields, fetchedAt: new Date().toISOString() };
        await this.deps.writer.request();
        return { changes: this.data.changes[id]!, reason: null };
      } catch (err) {
        // Not reachable: the kept answer below; any other refusal is the caller's to hear.
        if (!(err instanceof DeskError) || err.code !== 'syncUnreachable') throw err;
      }
    }
    const kept = this.data.changes[id];
    const fallback = changesBase(history);
    return { changes: kept && (kept.since.id === since.id || kept.since.id === fallback?.id) ? kept : null, reason: 'offline' };
  }

  /** The article's recorded moves from the server (kept for offline reading); the kept ones when it does not answer. */
  async refreshHistory(id: string): Promise<void> {
    const account = this.deps.sync.credentials();
    if (!account) return;
    try {
      const answer = await api.transitions(account, id);
      const changed = answer.changedSinceApproved === true;
      // Asked at every showing of the article's state (a library's returned rows each ask):
      // desk.json, megabytes, is written only when what is kept changes.
      if (this.data.changedSinceApproved[id] === changed && JSON.stringify(this.data.history[id]) === JSON.stringify(answer.transitions)) return;
      this.data.history[id] = [...answer.transitions];
      this.data.changedSinceApproved[id] = changed;
      await this.deps.writer.request();
    } catch {
      // Not reachable or not readable there: what was kept stays.
    }
  }

  /**
   * Asks the server, a moment from now, whether an approved article changed since its approval
   * (its recorded moves say so), once this desk has nothing of it left to send; tells the
   * windows when it did. Offline, nothing: the article's state is asked again when it is shown.
   */
  private recheck(id: string): void {
    if (this.closed || this.rechecks.has(id)) return;
    const timer = setTimeout(() => {
      this.rechecks.delete(id);
      if (this.closed || !this.deps.sync.isOnline()) return;
      if (this.deps.sync.unsent(id)) return this.recheck(id);
      void this.refreshHistory(id).then(() => {
        if (!this.closed && this.data.changedSinceApproved[id]) this.deps.hub.broadcast('workflow:changed', { id });
      });
    }, RECHECK_MS);
    timer.unref?.();
    this.rechecks.set(id, timer);
  }

  /** Sends every job that waits now, whatever the pauses (the command line, which has no background sync). */
  async send(): Promise<void> {
    for (const job of Object.values(this.data.jobs)) if (!job.refused) job.nextAttemptAt = null;
    await this.drain();
  }

  /** The articles with a move waiting to be sent or refused, for the library's rows. */
  pendingMoves(): WorkflowPendingMoves {
    return { moves: Object.entries(this.data.jobs).map(([id, job]) => ({ id, to: job.to, refused: job.refused !== null })) };
  }

  /** The articles with a move waiting or refused. */
  jobs(): ReadonlyArray<{ id: string; job: WorkflowJob }> {
    return Object.entries(this.data.jobs).map(([id, job]) => ({ id, job: { ...job } }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const timer of this.rechecks.values()) clearTimeout(timer);
    this.rechecks.clear();
    this.stopping.abort();
    for (const stop of this.unlisten.splice(0)) stop();
    await this.running?.catch(() => undefined);
  }

  /**
   * Whether the server recorded this very move already and the article moved on since (an
   * editor took it before this desk, stopped between sending and hearing the answer, sent it
   * again): a move from `expected` to `to` by this user, after the last move the desk knew of
   * when it was asked for. Without such a mark the refusal stands (shown, not made twice).
   */
  private async madeAlready(account: api.Account & { user: string }, id: string, job: WorkflowJob): Promise<boolean> {
    if (job.after === undefined || job.attempts < 2) return false;
    try {
      const { transitions } = await api.transitions(account, id);
      return transitions.some((t) => t.id > job.after! && t.from === job.expected && t.to === job.to && t.by === account.user);
    } catch {
      return false;
    }
  }

  /**
   * Who the user is for this article, as the desk last knew it: the role from the login; the
   * writer's side when a reporter's desk holds it (the server gives a reporter only the
   * articles they own or are assigned) or when it was made on this desk. Null when not logged in.
   */
  private actor(id: string): Actor | null {
    const account = this.deps.db.data.sync.account;
    if (!account) return null;
    return { role: account.role, writer: account.role === 'reporter' || id in this.deps.db.data.sync.secrets };
  }

  /**
   * The jobs that may go now: not refused, and whose article has nothing left to send to the
   * server (a submission is checked on the server's copy: it must hold what the user saw).
   */
  private sendable(): Array<[string, WorkflowJob]> {
    return Object.entries(this.data.jobs).filter(([id, job]) => !job.refused && !this.deps.sync.unsent(id));
  }

  /** Sends what is due now, or sets a timer for the next retry. `now`: every waiting job is due at once. */
  private wake(now = false): void {
    if (now) for (const job of Object.values(this.data.jobs)) if (!job.refused) job.nextAttemptAt = null;
    if (this.closed || !this.started || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Offline, or an article still sending its text: sync's change listener wakes us again.
    if (!this.deps.sync.isOnline()) return;
    const next = this.sendable()
      .map(([, j]) => (j.nextAttemptAt ? Date.parse(j.nextAttemptAt) : 0))
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        this.wake();
      });
    }, Math.max(0, next - Date.now()));
  }

  private async drain(): Promise<void> {
    const account = this.deps.sync.credentials();
    if (!account) return;
    for (const [id, job] of this.sendable()) {
      if (this.closed) return;
      if (job.nextAttemptAt && Date.parse(job.nextAttemptAt) > Date.now()) continue;
      job.attempts++;
      // Written before sending: after a crash mid-send, the desk knows this move may have been made.
      await this.deps.writer.request();
      let outcome = await api.sendMove(account, id, { to: job.to, expected: job.expected, ...(job.note ? { note: job.note } : {}) }, this.stopping.signal);
      if (this.closed) return; // abandoned: kept as it is, sent again next time
      if (outcome.kind === 'refused' && outcome.refused.code === 'statusChanged' && (await this.madeAlready(account, id, job))) outcome = { kind: 'done', answer: null };
      // Dropped (cancelled) meanwhile, or replaced: the answer is not this job's to keep.
      if (this.data.jobs[id] !== job) continue;
      if (outcome.kind === 'done') {
        delete this.data.jobs[id];
        if (outcome.answer?.transition) this.data.history[id] = [...(this.data.history[id] ?? []), outcome.answer.transition];
      } else if (outcome.kind === 'refused') {
        job.refused = outcome.refused;
        job.nextAttemptAt = null;
      } else {
        job.nextAttemptAt = new Date(Date.now() + Math.min(this.maxDelay, this.minDelay * 2 ** Math.min(20, job.attempts - 1))).toISOString();
      }
      await this.deps.writer.request();
      if (outcome.kind === 'done') await this.refreshHistory(id);
      this.deps.hub.broadcast('workflow:changed', { id });
    }
  }
}
