/**
 * Web mode's doors with a real desk and a real server on 127.0.0.1: the token for a cookie,
 * once, 401 without it, 403 for a foreign Host (DNS rebinding) or Origin (cross-site), the same for
 * WebSocket upgrades, no file outside the renderer folder, and a bound on request bodies.
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { headline, setText } from '../../src-shared/article-doc';
import type { Envelope } from '../../src-shared/contract';
import type { ArticleSummary } from '../../src-shared/models';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import type { Desk } from '../../src-main/services/desk';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../src-main/web/server';
import { openTestDesk, replicaOf, updateFrom } from '../support/desk';
import { rawRequest, sendBeforeReading, type RawResponse } from '../support/http';
import { tempDirs } from '../support/temp';

const INDEX = '<!doctype html><title>Bàn Tin</title><p>renderer index</p>';
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER-7f3a';

const temp = tempDirs();
let root: string;
let desk: Desk;
let server: WebServer;
let cookie: string;
/** The answer to the first (and only) exchange of the printed address. */
let login: RawResponse;
let host: string;
let origin: string;

beforeAll(async () => {
  root = await temp.make('bantin-web-');
  const rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // Files next to the renderer folder that must never be served.
  await fs.writeFile(path.join(root, 'secret.txt'), SECRET);
  await fs.mkdir(path.join(root, 'renderer-private'));
  await fs.writeFile(path.join(root, 'renderer-private', 'secret.txt'), SECRET);
  desk = await openTestDesk(path.join(root, 'data'));
  server = await startWebServer({ desk, port: 0, rendererDir });
  host = `127.0.0.1:${server.port}`;
  origin = `http://${host}`;
  login = await get(firstAddress());
  cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
});
afterAll(async () => {
  await server?.close();
  await desk?.close();
  await temp.cleanup();
});

/** The printed URL's path and query, as a browser would request it. */
function firstAddress(): string {
  return new URL(server.url).pathname + new URL(server.url).search;
}

function get(p: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(server.port, { path: p, headers });
}

function callOp(op: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(server.port, {
    method: 'POST',
    path: `/api/call/${op}`,
    headers: { cookie, origin, 'content-type': 'application/json', ...headers },
    body: encodeWire(input),
  });
}

describe('session', () => {
  it('the first URL names 127.0.0.1, the port and a long random token', () => {
    const url = new URL(server.url);
    expect(url.host).toBe(host);
    expect(url.searchParams.get('token')!.length).toBeGreaterThanOrEqual(32);
  });

  it('without the cookie: 401 for the page, the assets and the API', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    const res = await callOp('library:list', { trashed: false }, { cookie: '' });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('[');
  });

  it('a wrong or empty token gets 401 and no cookie', async () => {
    for (const token of ['wrong', '', new URL(server.url).searchParams.get('token')!.slice(0, -1)]) {
      const res = await get(`/?token=${encodeURIComponent(token)}`);
      expect(res.status, token).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the right token is exchanged for an HttpOnly SameSite=Strict cookie, and the token leaves the URL', () => {
    const res = login;
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const set = res.headers['set-cookie']!;
    expect(set).toHaveLength(1);
    const attrs = set[0]!.split(';').map((s) => s.trim());
    expect(attrs[0]).toMatch(new RegExp(`^bantin_${server.port}=[A-Za-z0-9_-]{32,}$`));
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('SameSite=Strict');
    expect(attrs).toContain('Path=/');
  });

  it('with the cookie: the page is served with the CSP, and a call works', async () => {
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const res = await callOp('library:list', { trashed: false });
    expect(res.status).toBe(200);
    expect(decodeWire(res.body)).toEqual({ ok: true, value: [] });
  });

  it('the address works once: opened again without the cookie it gets 401 and no cookie, however often', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await get(firstAddress());
      expect(res.status).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.body).toContain('restart web mode');
    }
    // Nor does a stale or unknown cookie make the spent address work.
    const res = await get(firstAddress(), { cookie: `bantin_${server.port}=stale` });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the cookie keeps working for reloads, and the spent address opened again with it just leads home', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/', { cookie })).status).toBe(200);
    const again = await get(firstAddress(), { cookie });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await get('/', { cookie })).status).toBe(200);
  });

  it('two exchanges never give the same cookie, even of the same token on two servers', async () => {
    const token = 'the-same-token-on-two-servers-0123456789';
    const values: string[] = [];
    for (const dir of ['data-same-a', 'data-same-b']) {
      const d = await openTestDesk(path.join(root, dir));
      const s = await startWebServer({ desk: d, port: 0, rendererDir: path.join(root, 'renderer'), token });
      try {
        const res = await rawRequest(s.port, { path: `/?token=${token}` });
        expect(res.status).toBe(303);
        values.push(String(res.headers['set-cookie']![0]).split(';')[0]!.split('=')[1]!);
      } finally {
        await s.close();
        await d.close();
      }
    }
    expect(values[0]!.length).toBeGreaterThanOrEqual(32);
    expect(values[0]).not.toBe(values[1]);
    expect(values).not.toContain(cookie.split('=')[1]);
  });

  it('a forged cookie value or another server’s cookie gets 401', async () => {
    const [name] = cookie.split('=');
    expect((await get('/', { cookie: `${name}=forged` })).status).toBe(401);
    expect((await get('/', { cookie: `bantin_1=${cookie.split('=')[1]}` })).status).toBe(401);
    const other = await openTestDesk(path.join(root, 'data-other'));
    const otherServer = await startWebServer({ desk: other, port: 0, rendererDir: path.join(root, 'renderer') });
    try {
      const login = await rawRequest(otherServer.port, { path: new URL(otherServer.url).pathname + new URL(otherServer.url).search });
      const otherCookie = String(login.headers['set-cookie']![0]).split(';')[0]!;
      expect((await rawRequest(otherServer.port, { path: '/', headers: { cookie: otherCookie } })).status).toBe(200);
      expect((await get('/', { cookie: otherCookie })).status).toBe(401);
    } finally {
      await otherServer.close();
      await other.close();
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  it('refuses a foreign Host with 403, even with the cookie', async () => {
    for (const h of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`, `[::1]:${server.port}`]) {
      expect((await get('/', { cookie, host: h })).status, h).toBe(403);
      expect((await callOp('library:list', { trashed: false }, { host: h })).status, h).toBe(403);
    }
  });

  it('refuses a request with no Host at all', async () => {
    // Node's HTTP server answers 400 itself before the desk sees it; either way, not served.
    const res = await rawRequest(server.port, { path: '/', headers: { cookie }, setHost: false });
    expect([400, 403]).toContain(res.status);
    expect(res.body).not.toContain(INDEX);
  });

  it('refuses a token exchange through a foreign Host (no cookie handed out, the token not spent)', async () => {
    const d = await openTestDesk(path.join(root, 'data-foreign-host'));
    const s = await startWebServer({ desk: d, port: 0, rendererDir: path.join(root, 'renderer') });
    try {
      const address = new URL(s.url).pathname + new URL(s.url).search;
      const res = await rawRequest(s.port, { path: address, headers: { host: `evil.example:${s.port}` } });
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      const own = await rawRequest(s.port, { path: address });
      expect(own.status).toBe(303);
      expect(own.headers['set-cookie']).toHaveLength(1);
    } finally {
      await s.close();
      await d.close();
    }
  });

  it('allows localhost at the same port', async () => {
    const res = await get('/', { cookie, host: `localhost:${server.port}` });
    expect(res.status).toBe(200);
    const call = await callOp('library:list', { trashed: false }, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
    expect(call.status).toBe(200);
  });
});

describe('calls', () => {
  it('refuses a call from a foreign Origin, or with none, with 403', async () => {
    for (const o of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://${host}`, `http://127.0.0.1:${server.port + 1}`]) {
      expect((await callOp('article:create', { language: 'vi' }, { origin: o })).status, o).toBe(403);
    }
    const noOrigin = await rawRequest(server.port, { method: 'POST', path: '/api/call/article:create', headers: { cookie, 'content-type': 'application/json' }, body: '{"language":"vi"}' });
    expect(noOrigin.status).toBe(403);
    // Nothing was created by any refused call.
    expect(decodeWire((await callOp('library:list', { trashed: false })).body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a form-encodable content type (415) and GET on the API (405)', async () => {
    expect((await callOp('article:create', { language: 'vi' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await get('/api/call/library:list', { cookie })).status).toBe(405);
  });

  it('answers malformed JSON and unknown operations with error codes, not crashes', async () => {
    const bad = await rawRequest(server.port, { method: 'POST', path: '/api/call/library:list', headers: { cookie, origin, 'content-type': 'application/json' }, body: '{"trashed":' });
    expect(decodeWire(bad.body)).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    const unknown = await callOp('desk:format', {});
    expect(decodeWire(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
    const badlyEncoded = await callOp('%ZZ', {});
    expect(badlyEncoded.status).toBe(200);
    expect(decodeWire(badlyEncoded.body)).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
    const encoded = await callOp(encodeURIComponent('library:list'), { trashed: false });
    expect(decodeWire(encoded.body)).toMatchObject({ ok: true });
  });

  it('refuses a body announced over the limit at once (413)', async () => {
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/call/library:list',
        headers: { cookie, origin, 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
        agent: false,
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => (answered ? undefined : reject(e)));
      req.write('{"trashed":'); // a few bytes, never the announced 64 MiB
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a streamed (chunked) body once it passes the limit (413)', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/call/library:list', headers: { cookie, origin, 'content-type': 'application/json' }, agent: false });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      // A reset before the answer would be a refusal the user never sees explained: fail on it.
      req.on('error', (e) => (answered ? undefined : reject(e)));
      const pump = () => {
        // The client would go on for ever; the server must cut it off past the limit.
        while (!answered && sent < MAX_BODY_BYTES * 4) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('lets a client that sends past the limit before it reads still read the 413 (no reset)', async () => {
    // 8 MiB past the limit, unread by the server when it answers.
    const head = `POST /api/call/library:list HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\n`;
    const { answer, error } = await sendBeforeReading(server.port, head, MAX_BODY_BYTES + 8 * 1024 * 1024);
    expect(error).toBeNull();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });
});

describe('static files', () => {
  const traversals = [
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2E%2E%5Csecret.txt',
    '/..%5c..%5csecret.txt',
    '/../renderer-private/secret.txt',
    '/%2e%2e/renderer-private/secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/etc/passwd',
    '/secret.txt%00.html',
    '/%252e%252e/secret.txt',
    '/%ZZ',
  ];

  it.each(traversals)('never serves a file outside the renderer folder: %s', async (p) => {
    const res = await get(p, { cookie });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    // Either refused or the app's own page (the renderer routes unknown paths itself).
    if (res.status === 200) expect(res.body).toBe(INDEX);
    else expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('serves files inside it with their type', async () => {
    const res = await get('/assets/app.js', { cookie });
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log("app")');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('exported packages', () => {
  it('serves a package of exports/ by its plain name, with the cookie only, and nothing else of the data folder', async () => {
    const exportsDir = path.join(root, 'data', 'exports');
    await fs.mkdir(exportsDir, { recursive: true });
    await fs.writeFile(path.join(exportsDir, 'bai-mau-20260109T092000Z.zip'), 'PK-package-bytes');
    const ok = await get('/api/exports/bai-mau-20260109T092000Z.zip', { cookie });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('PK-package-bytes');
    expect(ok.headers['content-disposition']).toBe(`attachment; filename="bai-mau-20260109T092000Z.zip"; filename*=UTF-8''bai-mau-20260109T092000Z.zip`);
    expect((await get('/api/exports/bai-mau-20260109T092000Z.zip')).status).toBe(401);
    for (const p of ['/api/exports/..%2Fdesk.json', '/api/exports/%2E%2E%2Fdesk.json', '/api/exports/../desk.json', '/api/exports/desk.json', '/api/exports/missing.zip', '/api/exports/..%2F..%2Fsecret.zip']) {
      const res = await get(p, { cookie });
      expect(res.body, p).not.toContain('"settings"');
      expect([404, 200], p).toContain(res.status);
      if (res.status === 200) expect(res.body, p).toBe(INDEX); // normalised away from /api/exports/: the renderer's index
    }
  });
});

describe('WebSocket', () => {
  type Inbox = ReturnType<typeof inbox>;

  /** Messages in arrival order, decoded. */
  function inbox(ws: WebSocket) {
    const messages: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    ws.on('message', (data) => {
      messages.push(decodeWire(String(data)) as Record<string, unknown>);
      waiters.splice(0).forEach((w) => w());
    });
    return {
      messages,
      async next(match: (m: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const found = messages.find(match);
          if (found) return found;
          if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(messages)}`);
          await new Promise<void>((r) => {
            waiters.push(r);
            setTimeout(r, 50);
          });
        }
      },
    };
  }

  /**
   * Opens a WebSocket; resolves with the socket and its inbox (listening from the first byte:
   * the hello arrives with the upgrade), or with the HTTP status it was refused with.
   */
  function connect(headers: { cookie?: string; origin?: string; host?: string }, p = '/api/events'): Promise<{ ws: WebSocket; box: Inbox } | number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${host}${p}`, {
        headers: { ...(headers.cookie ? { cookie: headers.cookie } : {}), ...(headers.host ? { host: headers.host } : {}) },
        ...(headers.origin ? { origin: headers.origin } : {}),
      });
      const box = inbox(ws);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve({ ws, box }));
      ws.on('error', reject);
    });
  }

  async function connected(): Promise<{ ws: WebSocket; box: Inbox }> {
    const c = await connect({ cookie, origin });
    if (typeof c === 'number') throw new Error(`refused with ${c}`);
    return c;
  }

  it('refuses an upgrade without the cookie (401)', async () => {
    expect(await connect({ origin })).toBe(401);
  });

  it('refuses an upgrade with the cookie from a foreign Origin, or none (403)', async () => {
    expect(await connect({ cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await connect({ cookie, origin: `http://evil.example:${server.port}` })).toBe(403);
    expect(await connect({ cookie })).toBe(403);
  });

  it('refuses an upgrade through a foreign Host (403)', async () => {
    expect(await connect({ cookie, origin, host: `evil.example:${server.port}` })).toBe(403);
  });

  it('refuses an upgrade on another path (404)', async () => {
    expect(await connect({ cookie, origin }, '/api/other')).toBe(404);
  });

  it('with the cookie and this origin: connects, says hello, then pushes library:changed after a create', async () => {
    const { ws, box } = await connected();
    try {
      const hello = await box.next((m) => 'hello' in m);
      expect(String(hello.hello)).toMatch(/^web-/);
      expect(box.messages[0]).toBe(hello);
      const created = decodeWire((await callOp('article:create', { language: 'vi' })).body) as Envelope<ArticleSummary>;
      expect(created.ok).toBe(true);
      await box.next((m) => m.event === 'library:changed');
    } finally {
      ws.close();
    }
  });

  it('sends an article update to the other replica only', async () => {
    const [a, b] = await Promise.all([connected(), connected()]);
    try {
      const idA = String((await a.box.next((m) => 'hello' in m)).hello);
      const idB = String((await b.box.next((m) => 'hello' in m)).hello);
      const created = decodeWire((await callOp('article:create', { language: 'vi' })).body) as Envelope<ArticleSummary>;
      if (!created.ok) throw new Error(created.error.code);
      const id = created.value.id;
      const openedA = decodeWire((await callOp('article:open', { id }, { 'x-desk-client': idA })).body) as Envelope<{ state: Uint8Array }>;
      if (!openedA.ok) throw new Error(openedA.error.code);
      await callOp('article:open', { id }, { 'x-desk-client': idB });
      const replica = replicaOf(openedA.value.state);
      const update = updateFrom(replica, (d) => setText(headline(d), 'Tít gửi qua web'));
      const saved = decodeWire((await callOp('article:update', { id, update }, { 'x-desk-client': idA })).body) as Envelope<unknown>;
      expect(saved.ok).toBe(true);
      const changed = await b.box.next((m) => m.event === 'article:changed');
      const payload = changed.payload as { id: string; update: Uint8Array };
      expect(payload.id).toBe(id);
      expect(payload.update).toBeInstanceOf(Uint8Array);
      const other = replicaOf(openedA.value.state);
      Y.applyUpdate(other, payload.update);
      expect(headline(other).toString()).toBe('Tít gửi qua web');
      await new Promise((r) => setTimeout(r, 100));
      expect(a.box.messages.some((m) => m.event === 'article:changed')).toBe(false);
    } finally {
      a.ws.close();
      b.ws.close();
    }
  });
});
