/**
 * The newsroom server's accounts against a real server on 127.0.0.1: the first start's admin,
 * login and its limit, tokens on every HTTP call and WebSocket connection, users created and
 * disabled by an admin only.
 */
import { describe, expect, it } from 'vitest';
import { acknowledged, api, login, refusedWith, serverFixtures, startTestServer, userWithToken, type TestServer } from '../support/server';
import { startServer } from '../../src-server/server';
import type { SqliteStorage } from '../../src-server/storage';

const fx = serverFixtures();
const server = (options: Parameters<typeof startTestServer>[1] = {}): Promise<TestServer> => fx.start(options);
const client = (wsUrl: string, token: string) => fx.client(wsUrl, token);

describe('newsroom server: first start', () => {
  it('prints a one-time admin password that logs in, and only on the first start; SIGTERM stops it cleanly', async () => {
    const dir = await fx.temp();
    const first = await fx.spawn(dir);
    const line = await first.lines.next((l) => l.startsWith('Admin password'));
    const password = /: (\S+)$/.exec(line)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const token = await login(first.url, 'admin', password);
    expect((await api(first.url, 'GET', '/api/me', { token })).json.user).toMatchObject({ name: 'admin', role: 'admin' });
    expect(first.child.exitCode).toBeNull();
    expect(await first.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    const again = await fx.spawn(dir);
    expect(again.lines.all.some((l) => l.startsWith('Admin'))).toBe(false);
    expect(again.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await login(again.url, 'admin', password); // the account and its password were kept
  });

  it('takes the admin password from BANTIN_ADMIN_PASSWORD and does not print it', async () => {
    const child = await fx.spawn(await fx.temp(), { BANTIN_ADMIN_PASSWORD: 'từ-biến-môi-trường-123' });
    expect(child.lines.all.join('\n')).not.toContain('từ-biến-môi-trường-123');
    await login(child.url, 'admin', 'từ-biến-môi-trường-123');
  });
});

describe('newsroom server: one per data folder', () => {
  it('refuses to start on a data folder another server is using, and starts once it has stopped', async () => {
    const dir = await fx.temp();
    const first = await startTestServer(dir);
    await expect(startServer({ dataDir: dir, port: 0, log: () => undefined })).rejects.toThrow(/another newsroom server is using/);
    await first.server.close();
    const second = await fx.start({}, dir);
    expect((await api(second.url, 'GET', '/api/me', { token: second.adminToken })).status).toBe(200);
  });
});

describe('newsroom server: login and tokens', () => {
  it('logs in with the right password only; the token opens the API, logout revokes it', async () => {
    const s = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const me = await api(s.url, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ name: 'minhthu', role: 'reporter', disabled: false });

    const wrong = await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'sai-mật-khẩu' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'badCredentials' });
    const nobody = await api(s.url, 'POST', '/api/login', { json: { name: 'không-có', password: 'x' } });
    expect(nobody.json).toEqual({ error: 'badCredentials' });
    const malformed = await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toBe('invalidPayload');

    expect((await api(s.url, 'POST', '/api/logout', { token })).status).toBe(200);
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(401);
  });

  it('refuses every HTTP call without a token or with a wrong one, with a JSON code and no stack', async () => {
    const s = await server();
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/directory'],
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PUT', '/api/articles/bai-viet-0001/assignees'],
      ['GET', `/api/photos/${'a'.repeat(64)}`],
      ['PUT', `/api/photos/${'a'.repeat(64)}`],
    ] as const) {
      for (const token of [undefined, 'sai-token', s.adminToken.slice(0, -2) + 'xx']) {
        const answer = await api(s.url, method, path, { token });
        expect(answer.status, `${method} ${path} ${token}`).toBe(401);
        expect(answer.json).toEqual({ error: 'unauthorized' });
      }
    }
    const unknown = await api(s.url, 'GET', '/api/nothing-here', { token: s.adminToken });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: 'notFound' });
  });

  it('refuses a WebSocket connection without a token or with a wrong one, and accepts the right one', async () => {
    const s = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    expect(await refusedWith(client(s.wsUrl, '').open('bai-viet-0001'))).toBe('unauthorized');
    expect(await refusedWith(client(s.wsUrl, 'sai-token').open('bai-viet-0001'))).toBe('unauthorized');
    const good = client(s.wsUrl, token).open('bai-viet-0001');
    await acknowledged(good);
    // An article id that is not one is refused too.
    expect(await refusedWith(client(s.wsUrl, token).open('../etc/passwd'))).toBe('notFound');
  });

  it('closes a WebSocket that authenticates no document in time', async () => {
    const s = await server({ authTimeoutMs: 300 });
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(s.wsUrl);
    const code = await new Promise<number>((resolve, reject) => {
      ws.on('close', (c) => resolve(c));
      ws.on('error', reject);
    });
    expect(code).toBe(4401);
  });

  it('limits failed logins per user and address: after five, even the right password waits', async () => {
    const s = await server({ loginLimit: { max: 5, windowMs: 60_000 } });
    await userWithToken(s, 'minhthu', 'reporter');
    for (let i = 0; i < 5; i++) expect((await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: `sai-${i}` } })).status).toBe(401);
    const limited = await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'minhthu-mật-khẩu-dài' } });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toBe('tooManyAttempts');
    expect(limited.json.retryAfter).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user from the same address is not held up.
    await login(s.url, 'admin', 'mật-khẩu-quản-trị-đủ-dài');
  });

  it('limits one address trying many user names, at ten times the per-name allowance', async () => {
    const s = await server({ loginLimit: { max: 2, windowMs: 60_000 } });
    for (let i = 0; i < 20; i++) expect((await api(s.url, 'POST', '/api/login', { json: { name: `ten-${i}`, password: 'sai' } })).status).toBe(401);
    const limited = await api(s.url, 'POST', '/api/login', { json: { name: 'admin', password: 'mật-khẩu-quản-trị-đủ-dài' } });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toBe('tooManyAttempts');
  });

  it('lets the attempts through again once the window has passed', async () => {
    const s = await server({ loginLimit: { max: 2, windowMs: 400 } });
    await userWithToken(s, 'minhthu', 'reporter');
    for (let i = 0; i < 2; i++) await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'sai' } });
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'minhthu-mật-khẩu-dài' } })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 450));
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'minhthu-mật-khẩu-dài' } })).status).toBe(200);
  });
});

describe('newsroom server: login limits under attack', () => {
  const RIGHT = 'minhthu-mật-khẩu-dài';
  const attempt = (s: TestServer, password: string, forwardedFor?: string) =>
    api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('counts an attempt before its password is checked: of 40 sent at once, at most the limit are checked, and the right password is then refused', async () => {
    const s = await server({ loginLimit: { max: 5, windowMs: 60_000 } });
    await userWithToken(s, 'minhthu', 'reporter');
    let limited!: () => void;
    const firstLimited = new Promise<void>((resolve) => (limited = resolve));
    const wrong = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attempt(s, `sai-${i}`).then((a) => {
          if (a.status === 429) limited();
          return a.status;
        }),
      ),
    );
    // Sent while wrong guesses are still being answered, once the limit is known to be reached.
    const right = await Promise.race([firstLimited, wrong]).then(() => attempt(s, RIGHT));
    const statuses = await wrong;
    expect(statuses.filter((x) => x === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((x) => x !== 401 && x !== 429)).toEqual([]);
    expect(right.status).toBe(429);
    expect(right.json.error).toBe('tooManyAttempts');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const s = await server({ loginLimit: { max: 2, windowMs: 60_000 }, trustProxy: ['10.0.0.1'] });
    await userWithToken(s, 'minhthu', 'reporter');
    expect((await attempt(s, 'sai', '203.0.113.1')).status).toBe(401);
    expect((await attempt(s, 'sai', '203.0.113.2')).status).toBe(401);
    // The same socket address, whatever the header says.
    expect((await attempt(s, RIGHT, '203.0.113.3')).status).toBe(429);
  });

  it('honours X-Forwarded-For from a trusted proxy: two clients behind it are limited separately, forged entries to the left do not help', async () => {
    const s = await server({ loginLimit: { max: 2, windowMs: 60_000 }, trustProxy: ['127.0.0.1'] });
    await userWithToken(s, 'minhthu', 'reporter');
    expect((await attempt(s, 'sai', '203.0.113.1')).status).toBe(401);
    expect((await attempt(s, 'sai', '198.51.100.7, 203.0.113.1')).status).toBe(401);
    expect((await attempt(s, RIGHT, '203.0.113.1')).status).toBe(429);
    expect((await attempt(s, RIGHT, '198.51.100.7, 203.0.113.1, 127.0.0.1')).status).toBe(429);
    // Another reporter behind the same proxy logs in.
    expect((await attempt(s, RIGHT, '203.0.113.2')).status).toBe(200);
  });

  it("delays an account's attempts from anywhere after its free failures, doubling the delay; a login after the delay works and resets it", async () => {
    // Each check below is made at once after the answer before it, with the account's delay
    // (1 s, then 2 s) as the margin, so a slow machine cannot turn a hold into a pass.
    const DELAY = 1000;
    const s = await server({ loginLimit: { max: 5, windowMs: 60_000, accountFree: 2, accountDelayMs: DELAY, accountMaxDelayMs: 10_000 }, trustProxy: ['127.0.0.1'] });
    await userWithToken(s, 'minhthu', 'reporter');
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let n = 0;
    const from = () => `203.0.113.${++n}`; // a new address each time: only the account's count applies
    expect((await attempt(s, 'sai', from())).status).toBe(401);
    expect((await attempt(s, 'sai', from())).status).toBe(401);
    const held = await attempt(s, RIGHT, from());
    expect(held.status).toBe(429);
    expect(held.json).toEqual({ error: 'tooManyAttempts', retryAfter: 1 });
    expect(held.headers.get('retry-after')).toBe('1');
    await sleep(DELAY + 50);
    expect((await attempt(s, 'sai', from())).status).toBe(401);
    // The delay has doubled: held again, told to wait two seconds (over one second is left).
    const doubled = await attempt(s, RIGHT, from());
    expect(doubled.status).toBe(429);
    expect(doubled.headers.get('retry-after')).toBe('2');
    await sleep(2 * DELAY + 50);
    expect((await attempt(s, RIGHT, from())).status).toBe(200);
    // The success reset the count: the next failures are free again.
    expect((await attempt(s, 'sai', from())).status).toBe(401);
    expect((await attempt(s, RIGHT, from())).status).toBe(200);
  });
});

describe('newsroom server: users', () => {
  it('an admin creates users (with a password the server makes when none is given); others may not', async () => {
    const s = await server();
    const made = await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name: 'Hoàng Anh', role: 'editor' } });
    expect(made.status).toBe(201);
    expect(made.json.user).toMatchObject({ name: 'Hoàng Anh', role: 'editor', disabled: false });
    const editorToken = await login(s.url, 'Hoàng Anh', made.json.password as string);

    const again = await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name: 'hoàng anh', role: 'reporter', password: 'mười-ký-tự-trở-lên' } });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: 'userExists' });
    const badRole = await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name: 'x', role: 'owner' } });
    expect(badRole.json).toEqual({ error: 'invalidPayload', field: 'role' });

    const byEditor = await api(s.url, 'POST', '/api/users', { token: editorToken, json: { name: 'lan', role: 'admin' } });
    expect(byEditor.status).toBe(403);
    expect(byEditor.json).toEqual({ error: 'forbidden' });
    expect((await api(s.url, 'GET', '/api/users', { token: editorToken })).status).toBe(403);

    const list = await api(s.url, 'GET', '/api/users', { token: s.adminToken });
    expect((list.json.users as Array<{ name: string }>).map((u) => u.name)).toEqual(['admin', 'Hoàng Anh']);
    expect(JSON.stringify(list.json)).not.toMatch(/scrypt|hash/i);
  });

  it('disabling a user revokes their tokens, closes their connections and refuses their login', async () => {
    const s = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const c = client(s.wsUrl, token);
    const provider = c.open('bai-viet-0001');
    await acknowledged(provider);
    provider.document.getText('headline').insert(0, 'Tin nóng');
    await acknowledged(provider);

    const refused = refusedWith(provider);
    const off = await api(s.url, 'PATCH', '/api/users/minhthu', { token: s.adminToken, json: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.json.user).toMatchObject({ name: 'minhthu', disabled: true });
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(401);
    // The socket was closed; when the provider reconnects its token is refused.
    expect(await refused).toBe('unauthorized');
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'minhthu', password: 'minhthu-mật-khẩu-dài' } })).status).toBe(401);

    await api(s.url, 'PATCH', '/api/users/minhthu', { token: s.adminToken, json: { disabled: false } });
    const back = await login(s.url, 'minhthu', 'minhthu-mật-khẩu-dài');
    expect((await api(s.url, 'GET', '/api/me', { token: back })).status).toBe(200);
    expect((await api(s.url, 'PATCH', '/api/users/nobody', { token: s.adminToken, json: { disabled: true } })).status).toBe(404);
  });

  it('stores no password or token in the clear', async () => {
    const s = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const { db } = s.server.storage as SqliteStorage;
    const rows = db.prepare('SELECT password_hash AS v FROM users UNION ALL SELECT hash FROM tokens').all() as Array<{ v: string }>;
    const all = rows.map((r) => r.v).join('\n');
    expect(all).not.toContain('minhthu-mật-khẩu-dài');
    expect(all).not.toContain(token);
    expect(all).toMatch(/^scrypt\$/m);
  });
});

