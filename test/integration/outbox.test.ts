/**
 * The outbox against a real HTTP server on 127.0.0.1 that honours Idempotency-Key: a package
 * arrives exactly once whether the server stops mid-upload and comes back, loses its answer,
 * or the desk restarts with the job waiting; a wrong password stops the job with its reason.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../src-shared/outbox';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, TEST_VERSION } from '../support/desk';
import { tempDirs } from '../support/temp';
import { startUploadServer, type UploadServer } from '../support/upload-server';

const temp = tempDirs();
let open: Desk[] = [];
let servers: UploadServer[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.close().catch(() => undefined)));
  await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
  open = [];
  servers = [];
  await temp.cleanup();
});

async function desk(dataDir: string): Promise<Desk> {
  const d = await openDesk({ dataDir, mode: 'web', version: TEST_VERSION, outbox: { minDelayMs: 40, maxDelayMs: 250, timeoutMs: 5_000 } });
  open.push(d);
  return d;
}

async function server(options: Parameters<typeof startUploadServer>[0] = {}): Promise<UploadServer> {
  const s = await startUploadServer(options);
  servers.push(s);
  return s;
}

/** Queues a package of `size` random bytes (a stand-in for the exported ZIP); returns the job and the bytes' SHA-256. */
async function queue(d: Desk, size = 3 * 1024 * 1024): Promise<{ job: OutboxJob; sha: string }> {
  const bytes = randomBytes(size);
  const { id } = await call<{ id: string }>(d, 'article:create', { language: 'vi' });
  const job = await d.outbox.enqueue(id, 'Hội nghị trực tuyến', (file) => fs.writeFile(file, bytes));
  return { job, sha: createHash('sha256').update(bytes).digest('hex') };
}

async function until(d: Desk, jobId: string, state: OutboxJob['state'], timeoutMs = 15_000): Promise<OutboxJob> {
  const t0 = Date.now();
  for (;;) {
    const job = (await call<OutboxJob[]>(d, 'outbox:list', {})).find((j) => j.id === jobId);
    if (job?.state === state) return job;
    if (Date.now() - t0 > timeoutMs) throw new Error(`job ${jobId} still ${job?.state} (${JSON.stringify(job?.lastError)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the outbox', () => {
  it('sends a package with its fields and credentials; the secret never comes back to the interface', async () => {
    const dir = await temp.make();
    const s = await server({ basic: { user: 'minhthu', password: 'mật-khẩu' } });
    const d = await desk(path.join(dir, 'desk'));
    const config = await call(d, 'outbox:setConfig', { config: { url: s.url, fileField: 'package', fields: { desk: 'Thời sự' }, auth: 'basic', username: 'minhthu', secret: 'mật-khẩu' } });
    expect(config).toEqual({ url: s.url, fileField: 'package', fields: { desk: 'Thời sự' }, auth: 'basic', username: 'minhthu', hasSecret: true });
    expect(JSON.stringify(await call(d, 'outbox:config', {}))).not.toContain('mật-khẩu');
    const { job, sha } = await queue(d);
    const sent = await until(d, job.id, 'sent');
    expect(sent.sentAt).not.toBeNull();
    expect(s.deliveries).toEqual([{ key: job.idempotencyKey, sha256: sha, size: job.size, filename: `${job.articleId}.zip`, fields: { desk: 'Thời sự' } }]);
  });

  it('a wrong password stops the job with its reason; with the right one it goes on retry, once', async () => {
    const dir = await temp.make();
    const s = await server({ basic: { user: 'minhthu', password: 'dung' } });
    const d = await desk(path.join(dir, 'desk'));
    await call(d, 'outbox:setConfig', { config: { url: s.url, auth: 'basic', username: 'minhthu', secret: 'sai' } });
    const { job } = await queue(d, 1024);
    const failed = await until(d, job.id, 'failed');
    expect(failed.lastError).toEqual({ code: 'uploadUnauthorized', status: 401 });
    await call(d, 'outbox:setConfig', { config: { url: s.url, auth: 'basic', username: 'minhthu', secret: 'dung' } });
    // A failed job waits for the user: the new password alone does not resend it.
    expect((await call<OutboxJob[]>(d, 'outbox:list', {}))[0]!.state).toBe('failed');
    await call(d, 'outbox:retry', { job: job.id });
    await until(d, job.id, 'sent');
    expect(s.deliveries.map((x) => x.key)).toEqual([job.idempotencyKey]);
  });

  it('the server stopped mid-upload and started again: the package arrives exactly once', async () => {
    const dir = await temp.make();
    let s = await server();
    const port = s.port;
    const d = await desk(path.join(dir, 'desk'));
    await call(d, 'outbox:setConfig', { config: { url: s.url } });
    // The first upload is cut after 1 MB of 4 and the server goes away with it.
    s.dropAfterBytes = 1024 * 1024;
    s.stopOnDrop = true;
    const { job, sha } = await queue(d, 4 * 1024 * 1024);
    await s.stopped;
    expect(s.attempts).toEqual([job.idempotencyKey]);
    expect(s.deliveries).toEqual([]);
    // While it is away the job waits with its reason, and is tried again (refused connections).
    const waiting = await until(d, job.id, 'queued');
    expect(waiting.lastError).toEqual({ code: 'uploadUnreachable' });
    await new Promise((r) => setTimeout(r, 400));
    expect((await call<OutboxJob[]>(d, 'outbox:list', {}))[0]!.attempts).toBeGreaterThan(2);
    s = await server({ port, previous: s });
    const sent = await until(d, job.id, 'sent');
    expect(s.deliveries).toHaveLength(1);
    expect(s.deliveries[0]).toMatchObject({ key: job.idempotencyKey, sha256: sha, size: 4 * 1024 * 1024 });
    expect(sent.lastError).toBeNull();
  });

  it('a server that stores the package and loses its answer is sent the same key again, and keeps one copy', async () => {
    const dir = await temp.make();
    const s = await server();
    const d = await desk(path.join(dir, 'desk'));
    s.loseAnswer = true;
    await call(d, 'outbox:setConfig', { config: { url: s.url } });
    const { job, sha } = await queue(d);
    const sent = await until(d, job.id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(s.attempts).toEqual([job.idempotencyKey, job.idempotencyKey]);
    expect(s.deliveries).toEqual([expect.objectContaining({ key: job.idempotencyKey, sha256: sha })]);
  });

  it('a job queued while the server is away survives a restart of the desk, and is sent once when the server answers', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    const probe = await server();
    const { port, url } = probe;
    await probe.stop();
    let d = await desk(dataDir);
    await call(d, 'outbox:setConfig', { config: { url } });
    const { job, sha } = await queue(d);
    await until(d, job.id, 'queued');
    await new Promise((r) => setTimeout(r, 150));
    expect((await call<OutboxJob[]>(d, 'outbox:list', {}))[0]!.lastError?.code).toBe('uploadUnreachable');
    await d.close();
    open = [];
    const s = await server({ port });
    d = await desk(dataDir);
    await until(d, job.id, 'sent');
    expect(s.deliveries).toEqual([expect.objectContaining({ key: job.idempotencyKey, sha256: sha })]);
    // Removing a sent job removes its package.
    await call(d, 'outbox:remove', { job: job.id });
    expect(await fs.readdir(path.join(dataDir, 'outbox'))).toEqual([]);
  });

  it('tries an address before it is saved: the login refused, then right with the stored password, then no answer — nothing sent or saved', async () => {
    const d = await desk(await temp.make());
    const s = await server({ basic: { user: 'minhthu', password: 'mật-khẩu' } });
    await call(d, 'outbox:setConfig', { config: { url: s.url, auth: 'basic', username: 'minhthu', secret: 'mật-khẩu' } });
    const saved = await call(d, 'outbox:config', {});

    expect(await call(d, 'outbox:test', { config: { url: s.url, auth: 'basic', username: 'minhthu', secret: 'sai' } })).toEqual({ result: 'unauthorized', status: 401 });
    // The password left empty is the stored one; the endpoint wants a package, and says so.
    expect(await call(d, 'outbox:test', { config: { url: s.url, auth: 'basic', username: 'minhthu' } })).toEqual({ result: 'reachable', status: 400 });
    await s.stop();
    expect(await call(d, 'outbox:test', { config: { url: s.url, auth: 'basic', username: 'minhthu' } })).toEqual({ result: 'unreachable' });

    expect(s.deliveries).toEqual([]);
    expect(await call(d, 'outbox:config', {})).toEqual(saved);
  });

  it('nothing is queued without an endpoint', async () => {
    const dir = await temp.make();
    const d = await desk(path.join(dir, 'desk'));
    await expect(queue(d)).rejects.toMatchObject({ code: 'uploadNotConfigured' });
    expect(await call(d, 'outbox:list', {})).toEqual([]);
  });
});
