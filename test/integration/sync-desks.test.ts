/**
 * Two desks with their own data folders and one real newsroom server on a free port: logging in,
 * background sync, edits made apart converging with every word, the server away and back on the
 * same port, refusals (another reporter's article, a disabled account, a wrong password, an
 * address that is not a newsroom server), photos by hash, and the command line's login and sync.
 */
import { createServer } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '../../src-shared/article-doc';
import { readPhotos } from '../../src-shared/article-photos';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { cli } from '../support/cli';
import { call, replicaOf } from '../support/desk';
import { makePhoto } from '../support/photos';
import { api, type TestServer } from '../support/server';
import { addParagraph, allSynced, deskFixtures, editAs, syncStatus } from '../support/sync-desk';

const { server, desk, stop, temp: fixtureTemp } = deskFixtures();

const PASSWORD = 'mật-khẩu-phóng-viên-dài';

async function user(s: TestServer, name: string, role: 'reporter' | 'editor'): Promise<void> {
  const created = await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name, role, password: PASSWORD } });
  expect(created.status).toBe(201);
}

const loginAs = (d: Desk, s: TestServer, name: string) => call(d, 'sync:login', { server: s.url, user: name, password: PASSWORD });

async function text(d: Desk, id: string): Promise<{ headline: string; body: string }> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  const view = readArticle(replicaOf(state));
  return { headline: view.headline, body: view.body };
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function newArticle(d: Desk, headline: string): Promise<string> {
  const { id } = await call<ArticleSummary>(d, 'article:create', { language: 'vi' });
  await editAs(d, 'writer', id, (doc) => doc.getText('headline').insert(0, headline));
  return id;
}

describe('two desks and a newsroom server', () => {
  it('edits made apart while the server was away all arrive on both desks, which end identical', async () => {
    const serverDir = await fixtureTemp('bantin-server-');
    const s = await server(serverDir);
    await user(s, 'biên-tập-1', 'editor');
    await user(s, 'biên-tập-2', 'editor');
    const a = await desk();
    const b = await desk();

    // An article written on A before anyone logged in is not on the server: it counts as pending.
    const id = await newArticle(a, 'Lũ quét ở Hà Giang');
    await loginAs(a, s, 'biên-tập-1');
    expect(a.sync.status()).toMatchObject({ user: 'biên-tập-1', role: 'editor', server: s.url });
    const synced = await syncStatus(a, allSynced, 'desk A synced');
    expect(Date.parse(synced.lastSyncedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // B logs in and gets the article from the directory.
    await loginAs(b, s, 'biên-tập-2');
    await syncStatus(b, allSynced, 'desk B synced');
    expect(await text(b, id)).toEqual(await text(a, id));

    // The server goes away; both write different words.
    const port = s.server.port;
    await stop(s);
    await editAs(a, 'writer', id, addParagraph('Đoàn cứu hộ đã đến xã Lũng Cú lúc 17:53.'));
    await editAs(b, 'writer', id, addParagraph('UBND tỉnh ước tính thiệt hại ban đầu.'));
    await editAs(b, 'writer', id, (doc) => doc.getText('headline').insert(doc.getText('headline').length, ' (cập nhật)'));
    await syncStatus(a, (st) => st.state === 'offline' && st.pending.includes(id), 'desk A offline with the article pending');
    await syncStatus(b, (st) => st.state === 'offline' && st.pending.includes(id), 'desk B offline with the article pending');

    // Back on the same folder and port: both desks find it again by themselves.
    await server(serverDir, port);
    await syncStatus(a, allSynced, 'desk A synced again');
    await syncStatus(b, allSynced, 'desk B synced again');
    await until(async () => JSON.stringify(await text(a, id)) === JSON.stringify(await text(b, id)), 'the desks to converge');
    const merged = await text(a, id);
    expect(merged.headline).toBe('Lũ quét ở Hà Giang (cập nhật)');
    expect(merged.body).toContain('Đoàn cứu hộ đã đến xã Lũng Cú lúc 17:53.');
    expect(merged.body).toContain('UBND tỉnh ước tính thiệt hại ban đầu.');
    // Identical documents, not only identical text.
    const stateA = await call<{ state: Uint8Array }>(a, 'article:open', { id }, 'cmp');
    const stateB = await call<{ state: Uint8Array }>(b, 'article:open', { id }, 'cmp');
    expect(Y.encodeStateVector(replicaOf(stateA.state))).toEqual(Y.encodeStateVector(replicaOf(stateB.state)));
  });

  it('while both have the article open, a change on one reaches the other at once', async () => {
    const s = await server();
    await user(s, 'biên-tập-1', 'editor');
    await user(s, 'biên-tập-2', 'editor');
    const a = await desk();
    const b = await desk();
    const id = await newArticle(a, 'Phiên họp HĐND tỉnh');
    await loginAs(a, s, 'biên-tập-1');
    await syncStatus(a, allSynced, 'desk A synced');
    await loginAs(b, s, 'biên-tập-2');
    await syncStatus(b, allSynced, 'desk B synced');

    // B's window holds the article: it receives A's change as an article:changed event.
    const seen: Uint8Array[] = [];
    b.hub.connect('window-b', (event, payload) => {
      if (event === 'article:changed') seen.push((payload as { update: Uint8Array }).update);
    });
    const { state } = await call<{ state: Uint8Array }>(b, 'article:open', { id }, 'window-b');
    const replica = replicaOf(state);
    await editAs(a, 'writer', id, addParagraph('Kỳ họp thứ 12 khai mạc sáng nay.'));
    await until(() => {
      for (const u of seen.splice(0)) Y.applyUpdate(replica, u);
      return readArticle(replica).body.includes('Kỳ họp thứ 12 khai mạc sáng nay.');
    }, 'A’s paragraph in B’s window');
  });

  it('a reporter cannot get another reporter’s article: refused, and kept untouched on the desk', async () => {
    const s = await server();
    await user(s, 'phóng-viên-1', 'reporter');
    await user(s, 'phóng-viên-2', 'reporter');
    const dirA = await fixtureTemp('bantin-desk-');
    const dirB = await fixtureTemp('bantin-desk-');
    const a = await desk(dirA);
    const id = await newArticle(a, 'Bài riêng của phóng viên 1');
    await loginAs(a, s, 'phóng-viên-1');
    await syncStatus(a, allSynced, 'desk A synced');

    // Desk B gets a copy of the file by other means, and B's reporter has no right to it.
    await fs.mkdir(path.join(dirB, 'articles'), { recursive: true });
    await fs.copyFile(path.join(dirA, 'articles', `${id}.ydoc`), path.join(dirB, 'articles', `${id}.ydoc`));
    const b = await desk(dirB);
    const before = await text(b, id);
    await editAs(b, 'writer', id, addParagraph('Thêm một đoạn không được phép.'));
    await loginAs(b, s, 'phóng-viên-2');
    const status = await syncStatus(b, (st) => st.refused.some((r) => r.id === id), 'the refusal');
    expect(status.refused).toEqual([{ id, code: 'syncForbidden' }]);
    expect((await text(b, id)).body).toContain('Thêm một đoạn không được phép.');
    expect((await text(b, id)).headline).toBe(before.headline);
    // Nothing of B's reached A.
    await new Promise((r) => setTimeout(r, 500));
    expect((await text(a, id)).body).not.toContain('Thêm một đoạn không được phép.');
  });

  it('a disabled account stops sync with a reason; a wrong password, an unreachable server and a non-server are told apart', async () => {
    const s = await server();
    await user(s, 'phóng-viên-1', 'reporter');
    const a = await desk();
    await newArticle(a, 'Tin ngắn');

    const refusal = async (input: { server: string; user: string; password: string }): Promise<string> => {
      const envelope = await a.dispatch('sync:login', input, { client: 'test' });
      expect(envelope.ok).toBe(false);
      return envelope.ok ? '' : envelope.error.code;
    };
    expect(await refusal({ server: s.url, user: 'phóng-viên-1', password: 'sai-mật-khẩu' })).toBe('syncBadCredentials');
    const web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Trang chủ</h1>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    try {
      expect(await refusal({ server: `http://127.0.0.1:${(web.address() as AddressInfo).port}`, user: 'x', password: 'y' })).toBe('syncNotServer');
    } finally {
      web.close();
    }
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const gonePort = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    expect(await refusal({ server: `http://127.0.0.1:${gonePort}`, user: 'x', password: 'y' })).toBe('syncUnreachable');
    expect(a.sync.status().state).toBe('off'); // nothing kept from a failed login

    await loginAs(a, s, 'phóng-viên-1');
    await syncStatus(a, allSynced, 'synced');
    const disabled = await api(s.url, 'PATCH', `/api/users/${encodeURIComponent('phóng-viên-1')}`, { token: s.adminToken, json: { disabled: true } });
    expect(disabled.status).toBe(200);
    await call(a, 'sync:retry', {});
    const status = await syncStatus(a, (st) => st.state === 'error', 'the error');
    expect(status.error?.code).toBe('syncUnauthorized');
  });

  it('logging out while the socket is still connecting (a server that accepts but never answers) stops cleanly', async () => {
    const s = await server();
    await user(s, 'biên-tập-1', 'editor');
    const a = await desk();
    const id = await newArticle(a, 'Tin nóng');
    await loginAs(a, s, 'biên-tập-1');
    await syncStatus(a, allSynced, 'synced');
    // A window holds the article: its provider stays and the socket keeps trying to reconnect.
    a.hub.connect('window', () => undefined);
    await call(a, 'article:open', { id }, 'window');
    const port = s.server.port;
    await stop(s);
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => void sockets.push(socket)); // takes the upgrade request, never answers
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', r));
    try {
      await until(() => sockets.length > 0, 'a reconnect attempt to reach the silent server');
      // Closing a WebSocket that is still connecting makes ws emit 'error': main must not crash.
      await call(a, 'sync:logout', {});
      expect(a.sync.status().state).toBe('off');
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('a photo reaches the server once by its hash, and another desk fetches it when it is shown', async () => {
    const s = await server();
    await user(s, 'biên-tập-1', 'editor');
    await user(s, 'biên-tập-2', 'editor');
    const a = await desk();
    const id = await newArticle(a, 'Ảnh hiện trường');
    const { bytes } = await makePhoto(await fixtureTemp('bantin-photo-'), 'hiện-trường.jpg');
    const { photo } = await call<{ photo: { id: string } }>(a, 'photo:add', { id, name: 'hiện-trường.jpg', bytes });
    await loginAs(a, s, 'biên-tập-1');
    await syncStatus(a, allSynced, 'desk A synced');
    await until(async () => (await api(s.url, 'HEAD', `/api/photos/${photo.id}`, { token: s.adminToken })).status === 200, 'the photo on the server');

    const b = await desk();
    await loginAs(b, s, 'biên-tập-2');
    await syncStatus(b, allSynced, 'desk B synced');
    const { state } = await call<{ state: Uint8Array }>(b, 'article:open', { id }, 'reader');
    expect(readPhotos(replicaOf(state)).map((p) => p.id)).toEqual([photo.id]);
    const original = await call<{ bytes: Uint8Array }>(b, 'photo:original', { photo: photo.id });
    expect(Buffer.from(original.bytes).equals(Buffer.from(bytes))).toBe(true);
    const thumb = await call<{ bytes: Uint8Array }>(b, 'photo:thumb', { photo: photo.id });
    expect(thumb.bytes.byteLength).toBeGreaterThan(0);
  });
});

describe('command line: login and sync', () => {
  it('logs in with the password on standard input, syncs once, and fails with the reason when the server is away', async () => {
    const s = await server();
    await user(s, 'phóng-viên-1', 'reporter');
    const dir = await fixtureTemp('bantin-desk-');
    const imported = path.join(dir, '..', `tin-${path.basename(dir)}.txt`);
    await fs.writeFile(imported, 'Mưa lớn ở Tuyên Quang\n\nNước sông Lô dâng cao.\n');
    try {
      const made = await cli(['--data', dir, 'import', imported]);
      expect(made.code, made.stderr).toBe(0);
    } finally {
      await fs.rm(imported, { force: true });
    }

    const wrong = await cli(['--data', dir, 'login', '--server', s.url, '--user', 'phóng-viên-1'], 'vi_VN.UTF-8', 'sai-mật-khẩu\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Sai tên đăng nhập hoặc mật khẩu');

    const ok = await cli(['--data', dir, 'login', '--server', s.url, '--user', 'phóng-viên-1'], 'en_US.UTF-8', `${PASSWORD}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Logged in');
    expect(await fs.readFile(path.join(dir, 'desk.json'), 'utf8')).not.toContain(PASSWORD);

    const synced = await cli(['--data', dir, 'sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout).status.pending).toEqual([]);
    const listed = await api(s.url, 'GET', '/api/directory', { token: s.adminToken });
    expect((listed.json.articles as unknown[]).length).toBe(1);

    await stop(s);
    const away = await cli(['--data', dir, 'sync']);
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('Không kết nối được máy chủ toà soạn');
  });
});
