/**
 * Running the newsroom server: the bundle `npm run server` runs (dist/server.cjs, plain node),
 * health for load balancers, Prometheus metrics for admins only, and the JSON-lines log —
 * one line per request, with no password or token in it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headline } from '../../src-shared/article-doc';
import { exited, Lines, ROOT, stderrOf } from '../support/child';
import { parsePrometheus } from '../support/prometheus';
import { acknowledged, ADMIN_PASSWORD, api, serverFixtures, startTestServer, userWithToken, wsUrlOf } from '../support/server';

const fx = serverFixtures();
const ARTICLE = 'bai-van-hanh-00001';

/**
 * The command line deploy/bantin-server.service starts, here: the repository for /opt/ban-tin,
 * this node, a temporary data folder and any free port. The bundle is the one `npm run build`
 * makes (made here when a test run comes before any build).
 */
function unitCommand(dataDir: string): string[] {
  if (!existsSync(path.join(ROOT, 'dist/server.cjs'))) execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const unit = readFileSync(path.join(ROOT, 'deploy/bantin-server.service'), 'utf8');
  const exec = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(' ');
  expect(exec.slice(0, 2)).toEqual(['/usr/bin/node', '/opt/ban-tin/dist/server.cjs']);
  return [path.join(ROOT, 'dist/server.cjs'), ...exec.slice(2).map((a) => (a === '/var/lib/bantin' ? dataDir : a === '8787' ? '0' : a))];
}

const text = async (url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> => {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
};

describe('the bundled server', () => {
  const children: Array<ReturnType<typeof spawn>> = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  it('runs with plain node as the systemd unit starts it, answers health and the API, logs each request as a JSON line without passwords or tokens', async () => {
    const dir = await fx.temp();
    const child = spawn(process.execPath, unitCommand(dir), { cwd: ROOT, stdio: 'pipe', env: { ...process.env, BANTIN_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    children.push(child);
    const lines = new Lines(child);
    const stderr = stderrOf(child);
    const listening = await lines.next((l) => l.startsWith('Newsroom server listening on ')).catch((err: Error) => {
      throw new Error(`${err.message}\nstderr:\n${stderr()}`);
    });
    const url = /listening on (http:\/\/[^ ]+)/.exec(listening)![1]!;

    expect(await text(`${url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    expect(await text(`${url}/readyz`)).toMatchObject({ status: 200, body: 'ready\n' });
    expect(await text(`${url}/healthz?ready`)).toMatchObject({ status: 200, body: 'ready\n' });

    const wrong = 'sai-mật-khẩu-không-được-ghi';
    expect((await api(url, 'POST', '/api/login', { json: { name: 'admin', password: wrong } })).status).toBe(401);
    const login = await api(url, 'POST', '/api/login', { json: { name: 'admin', password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const token = login.json.token as string;
    const me = await fetch(`${url}/api/me?token=${token}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'proxy-7f3a' } });
    expect(me.status).toBe(200);
    expect(me.headers.get('x-request-id')).toBe('proxy-7f3a');
    expect((await api(url, 'GET', '/api/users', { token: 'not-a-real-token-1234567890' })).status).toBe(401);
    // An account made with a password, then given another one.
    const made = 'mật-khẩu-người-mới-đủ-dài';
    const changed = 'mật-khẩu-đổi-lần-hai-dài';
    const newcomer = `/api/users/${encodeURIComponent('Người Mới')}`;
    expect((await api(url, 'POST', '/api/users', { token, json: { name: 'Người Mới', role: 'reporter', password: made } })).status).toBe(201);
    expect((await api(url, 'PATCH', newcomer, { token, json: { password: changed } })).status).toBe(200);
    // A desk's sync socket: the token goes inside its messages.
    const desk = fx.client(wsUrlOf(url), token);
    await acknowledged(desk.open(ARTICLE));
    desk.destroy();

    expect(await child.kill('SIGTERM')).toBe(true);
    expect(await exited(child)).toEqual({ code: 0, signal: null });

    const log = stderr();
    expect(log).not.toContain(ADMIN_PASSWORD);
    expect(log).not.toContain(wrong);
    expect(log).not.toContain(made);
    expect(log).not.toContain(changed);
    expect(log).not.toContain(token);
    expect(log).not.toContain('not-a-real-token');
    const records = log
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.map((r) => [r.method, r.path, r.status, r.user])).toEqual([
      ['GET', '/healthz', 200, undefined],
      ['GET', '/readyz', 200, undefined],
      ['GET', '/healthz', 200, undefined],
      ['POST', '/api/login', 401, undefined],
      ['POST', '/api/login', 200, 'admin'],
      ['GET', '/api/me', 200, 'admin'],
      ['GET', '/api/users', 401, undefined],
      ['POST', '/api/users', 201, 'admin'],
      ['PATCH', newcomer, 200, 'admin'],
    ]);
    for (const r of requests) {
      expect(typeof r.time).toBe('string');
      expect(typeof r.ms).toBe('number');
      expect(r.id).toMatch(/^[A-Za-z0-9._:-]+$/);
    }
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length);
    expect(requests[5]!.id).toBe('proxy-7f3a');
    expect(records.filter((r) => r.msg === 'socket')).toEqual([expect.objectContaining({ path: '/sync', code: expect.any(Number), seconds: expect.any(Number) })]);
  });
});

describe('metrics and readiness', () => {
  it('metrics in Prometheus format for an admin (or on the loopback port), refused to a reporter, counting updates, commits, fan-out and login failures', async () => {
    const s = await fx.start({ metricsPort: 0 });
    const reporter = await userWithToken(s, 'Phóng viên', 'reporter');
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'Phóng viên', password: 'sai-mật-khẩu-rồi' } })).status).toBe(401);

    // Two desks on one article: each update stored, committed, and sent to both sockets.
    const one = fx.client(s, reporter).open(ARTICLE);
    await acknowledged(one);
    const two = fx.client(s, s.adminToken).open(ARTICLE);
    await acknowledged(two);
    for (const word of ['Lũ ', 'quét ', 'ở ', 'Hà Giang']) {
      headline(one.document).insert(headline(one.document).length, word);
      await acknowledged(one);
    }

    expect((await text(`${s.url}/metrics`)).status).toBe(401);
    expect((await text(`${s.url}/metrics`, { authorization: `Bearer ${reporter}` })).status).toBe(403);
    const scraped = await text(`${s.url}/metrics`, { authorization: `Bearer ${s.adminToken}` });
    expect(scraped.status).toBe(200);
    expect(scraped.type).toBe('text/plain; version=0.0.4; charset=utf-8');
    const m = parsePrometheus(scraped.body);
    expect(m.get('bantin_connections')).toBe(2);
    expect(m.get('bantin_documents_loaded')).toBe(1);
    expect(m.get('bantin_updates_total')).toBeGreaterThanOrEqual(4);
    expect(m.get('bantin_commit_seconds_count')).toBe(m.get('bantin_updates_total'));
    expect(m.get('bantin_delivery_fanout_count')).toBeGreaterThanOrEqual(4);
    expect(m.get('bantin_delivery_fanout_bucket{le="1"}')).toBe(0); // every update went to both sockets
    expect(m.get('bantin_login_failures_total{reason="badCredentials"}')).toBe(1);
    expect(m.get('bantin_login_failures_total{reason="tooManyAttempts"}')).toBe(0);

    // The loopback port answers without a token, and nothing else.
    expect(s.server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const open = await text(`${s.server.metricsUrl}/metrics`);
    expect(open.status).toBe(200);
    expect(parsePrometheus(open.body).get('bantin_connections')).toBe(2);
    expect((await text(`${s.server.metricsUrl}/api/users`)).status).toBe(404);
  });

  it('readiness fails when the database does not answer, liveness does not; neither tells why', async () => {
    const dir = await fx.temp();
    const s = await startTestServer(dir);
    try {
      expect(await text(`${s.url}/readyz`)).toMatchObject({ status: 200, body: 'ready\n' });
      await s.server.storage.close(); // the database gone from under the server
      expect(await text(`${s.url}/readyz`)).toMatchObject({ status: 503, body: 'unavailable\n' });
      expect(await text(`${s.url}/healthz?ready`)).toMatchObject({ status: 503, body: 'unavailable\n' });
      expect(await text(`${s.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    } finally {
      await s.server.close().catch(() => undefined); // its database is already closed
    }
  });
});
