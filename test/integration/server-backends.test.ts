/**
 * The newsroom server's behaviours on both storage backends: SQLite in the data folder (the
 * default) and PostgreSQL (`--database postgres://…`), the same test bodies against each —
 * accounts and tokens, access and the directory, documents kept across a restart and compacted
 * at a clean stop, nothing acknowledged lost to SIGKILL, photos listed — and, on PostgreSQL
 * only, two server instances sharing one database.
 *
 * PostgreSQL runs as a throwaway cluster in a temporary folder (test/support/postgres.ts).
 * Without its binaries the PostgreSQL tests are skipped, with the reason in their name and on
 * stderr; CI installs them (.ci/run).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../src-shared/server-api';
import type { Limits } from '../../src-server/access';
import { serverBackends } from '../support/backends';
import { acknowledged, api, login, readThroughServer, refusedWith, spawnServer, startTestServer, SyncClient, until, userWithToken, wsUrlOf, type ServerChild, type TestServer } from '../support/server';
import { tempDirs } from '../support/temp';

const { postgres, backends: BACKENDS } = serverBackends('the newsroom server tests');

const temp = tempDirs();
const servers: TestServer[] = [];
const children: ServerChild[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
  await temp.cleanup();
});



const PASSWORD = 'mật-khẩu-quản-trị-đủ-dài';
const ARTICLE = 'bai-hai-kho-00001';

function client(wsUrl: string, token: string): SyncClient {
  const c = new SyncClient(wsUrl, token);
  clients.push(c);
  return c;
}

async function directory(s: TestServer, token: string): Promise<DirectoryEntry[]> {
  const answer = await api(s.url, 'GET', '/api/directory', { token });
  expect(answer.status).toBe(200);
  return answer.json.articles as DirectoryEntry[];
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`newsroom server on ${backend.name}`, () => {
    /** A server on a fresh data folder and (PostgreSQL) a fresh database. */
    async function server(limits?: Partial<Limits>): Promise<TestServer & { dir: string; databaseUrl: string | undefined }> {
      const dir = await temp.make('bantin-server-');
      const databaseUrl = await backend.database();
      const s = await startTestServer(dir, { databaseUrl, limits });
      servers.push(s);
      return { ...s, dir, databaseUrl };
    }

    it('accounts: names unique whatever their ASCII case, login, a disabled user’s token refused, logout', async () => {
      const s = await server();
      expect(s.server.storage.kind).toBe(backend.name.startsWith('SQLite') ? 'sqlite' : 'postgres');
      const thu = await userWithToken(s, 'MinhThu', 'reporter');
      await userWithToken(s, 'Đức Anh', 'editor');
      expect((await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name: 'minhthu', role: 'editor' } })).json).toEqual({ error: 'userExists' });
      const list = await api(s.url, 'GET', '/api/users', { token: s.adminToken });
      expect((list.json.users as Array<{ name: string }>).map((u) => u.name)).toEqual(['admin', 'MinhThu', 'Đức Anh']);
      // Logs in by any ASCII case of the name, with the right password only.
      await login(s.url, 'minhthu', 'MinhThu-mật-khẩu-dài');
      expect((await api(s.url, 'POST', '/api/login', { json: { name: 'MinhThu', password: 'sai-mật-khẩu-rồi' } })).status).toBe(401);
      expect((await api(s.url, 'GET', '/api/me', { token: thu })).json.user).toMatchObject({ name: 'MinhThu', role: 'reporter' });

      await api(s.url, 'PATCH', '/api/users/MinhThu', { token: s.adminToken, json: { disabled: true } });
      expect((await api(s.url, 'GET', '/api/me', { token: thu })).status).toBe(401);
      expect((await api(s.url, 'POST', '/api/login', { json: { name: 'MinhThu', password: 'MinhThu-mật-khẩu-dài' } })).status).toBe(401);
      await api(s.url, 'PATCH', '/api/users/MinhThu', { token: s.adminToken, json: { disabled: false } });
      const again = await login(s.url, 'MinhThu', 'MinhThu-mật-khẩu-dài');
      expect((await api(s.url, 'POST', '/api/logout', { token: again })).status).toBe(200);
      expect((await api(s.url, 'GET', '/api/me', { token: again })).status).toBe(401);
    });

    it('access: the first writer owns the article, another reporter is refused until assigned; the directory’s version grows', async () => {
      const s = await server();
      const thu = await userWithToken(s, 'minhthu', 'reporter');
      const nam = await userWithToken(s, 'vannam', 'reporter');
      const editor = await userWithToken(s, 'bientap', 'editor');

      const mine = client(s.wsUrl, thu).open(ARTICLE);
      await acknowledged(mine);
      mine.document.getText('headline').insert(0, 'Lũ quét ở Hà Giang');
      await acknowledged(mine);
      const first = await directory(s, thu);
      expect(first).toEqual([expect.objectContaining({ id: ARTICLE, owner: 'minhthu', assignees: [] })]);

      expect(await refusedWith(client(s.wsUrl, nam).open(ARTICLE))).toBe('forbidden');
      expect(await directory(s, nam)).toEqual([]);
      expect((await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: nam, json: { users: ['vannam'] } })).status).toBe(403);
      expect((await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: editor, json: { users: ['vannam', 'bientap'] } })).json).toEqual({ id: ARTICLE, assignees: ['bientap', 'vannam'], owner: 'minhthu' });

      const theirs = client(s.wsUrl, nam).open(ARTICLE);
      await acknowledged(theirs);
      expect(theirs.document.getText('headline').toString()).toBe('Lũ quét ở Hà Giang');
      theirs.document.getText('headline').insert(0, 'Cập nhật: ');
      await acknowledged(theirs);
      const after = await directory(s, nam);
      expect(after).toEqual([expect.objectContaining({ id: ARTICLE, owner: 'minhthu', assignees: ['bientap', 'vannam'] })]);
      expect(after[0]!.version).toBeGreaterThan(first[0]!.version);
      expect((await directory(s, editor)).map((a) => a.id)).toEqual([ARTICLE]);
    });

    it('ownership and limits: an editor gives an article away; new articles and photos per hour counted in the database', async () => {
      const s = await server({ articlesPerHour: 1, photosPerHour: 1 });
      const thu = await userWithToken(s, 'minhthu', 'reporter');
      const nam = await userWithToken(s, 'vannam', 'reporter');
      const editor = await userWithToken(s, 'bientap', 'editor');
      await acknowledged(client(s.wsUrl, thu).open(ARTICLE));
      expect(await refusedWith(client(s.wsUrl, thu).open('bai-hai-kho-00002'))).toBe('tooManyArticles');
      expect((await api(s.url, 'POST', `/api/articles/${ARTICLE}/owner`, { token: editor, json: { user: 'vannam' } })).json).toEqual({ id: ARTICLE, owner: 'vannam' });
      expect((await directory(s, nam)).map((a) => [a.id, a.owner])).toEqual([[ARTICLE, 'vannam']]);
      expect(await directory(s, thu)).toEqual([]);
      const [first, second] = ['ảnh thứ nhất', 'ảnh thứ hai'].map((t) => new TextEncoder().encode(t));
      const put = (bytes: Uint8Array) => api(s.url, 'PUT', `/api/photos/${createHash('sha256').update(bytes).digest('hex')}`, { token: nam, body: bytes });
      expect((await put(first!)).status).toBe(201);
      expect((await put(second!)).json).toEqual({ error: 'tooManyPhotos' });
    });

    it('documents: kept across a restart, the log compacted at a clean stop; a photo listed once', async () => {
      const s = await server();
      const editor = await userWithToken(s, 'bientap', 'editor');
      const p = client(s.wsUrl, editor).open(ARTICLE);
      await acknowledged(p);
      for (const word of ['Bão', ' số 3', ' đổ bộ', ' Quảng Ninh']) {
        p.document.getText('headline').insert(p.document.getText('headline').length, word);
        await acknowledged(p);
      }
      expect(await s.server.storage.pendingUpdates(ARTICLE)).toBeGreaterThan(0);
      const bytes = new TextEncoder().encode('không phải ảnh thật, chỉ là byte');
      const id = createHash('sha256').update(bytes).digest('hex');
      expect((await api(s.url, 'PUT', `/api/photos/${id}`, { token: editor, body: bytes })).status).toBe(201);
      expect((await api(s.url, 'PUT', `/api/photos/${id}`, { token: editor, body: bytes })).status).toBe(200);
      for (const c of clients.splice(0)) c.destroy();
      await s.server.close();
      servers.splice(servers.indexOf(s), 1);

      const again = await startTestServer(s.dir, { databaseUrl: s.databaseUrl });
      servers.push(again);
      expect(await again.server.storage.pendingUpdates(ARTICLE)).toBe(0);
      expect((await again.server.storage.documentParts(ARTICLE)).length).toBe(1);
      const token = await login(again.url, 'bientap', 'bientap-mật-khẩu-dài');
      expect((await readThroughServer(again.wsUrl, token, ARTICLE)).getText('headline').toString()).toBe('Bão số 3 đổ bộ Quảng Ninh');
      const head = await api(again.url, 'HEAD', `/api/photos/${id}`, { token });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(bytes.length));
    });

    it('SIGKILL of the server in the middle of a stream of edits loses nothing it acknowledged', async () => {
      const dir = await temp.make('bantin-server-');
      const databaseUrl = await backend.database();
      const env: Record<string, string> = { BANTIN_ADMIN_PASSWORD: PASSWORD, ...(databaseUrl ? { BANTIN_DATABASE_URL: databaseUrl } : {}) };
      const first = await spawnServer(dir, env);
      children.push(first);
      expect(first.lines.all).toContain(`Database: ${databaseUrl ? databaseUrl : `${dir}/server.sqlite`}`);
      const token = await login(first.url, 'admin', PASSWORD);
      const c = client(wsUrlOf(first.url), token);
      const provider = c.open(ARTICLE);
      await acknowledged(provider);
      const headline = provider.document.getText('headline');
      const typed: number[] = [];
      const acked = new Set<number>();
      // Acknowledgements come in order: with `number` unacknowledged, all typed words but the last `number` have theirs.
      provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        for (const i of typed.slice(0, Math.max(0, typed.length - number))) acked.add(i);
      });
      let typing = true;
      const typist = (async () => {
        for (let i = 0; typing; i++) {
          headline.insert(headline.length, ` w${i}.`);
          typed.push(i);
          await new Promise((r) => setTimeout(r, i % 25 === 24 ? 15 : 2));
        }
      })();
      // Killed once it has acknowledged a few words (slower on a loaded machine), more still flowing.
      await until(() => acked.size > 10, 'words acknowledged', 20_000);
      expect((await first.kill('SIGKILL')).signal).toBe('SIGKILL');
      typing = false;
      await typist;
      c.destroy();
      expect(acked.size, 'the server acknowledged words before it was killed').toBeGreaterThan(10);

      const second = await spawnServer(dir, databaseUrl ? { BANTIN_DATABASE_URL: databaseUrl } : {});
      children.push(second);
      const text = (await readThroughServer(wsUrlOf(second.url), await login(second.url, 'admin', PASSWORD), ARTICLE)).getText('headline').toString();
      for (const i of acked) expect(text).toContain(` w${i}.`);
    });
  });
}

describe.skipIf(!postgres.ok)(`newsroom server on PostgreSQL: two instances, one database${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`, () => {
  it('both start at once on the same empty database; what one stores the other serves, and versions keep growing', async () => {
    const databaseUrl = await BACKENDS[1]!.database();
    const [a, b] = await Promise.all([startTestServer(await temp.make('bantin-server-'), { databaseUrl }), startTestServer(await temp.make('bantin-server-'), { databaseUrl })]);
    servers.push(a, b);
    // One schema, one admin: exactly one of them made it, the other found it.
    expect([a, b].filter((s) => s.server.createdAdmin !== null)).toHaveLength(1);
    const editor = await userWithToken(a, 'bientap', 'editor');
    const tokenAtB = await login(b.url, 'bientap', 'bientap-mật-khẩu-dài');

    const p = client(a.wsUrl, editor).open(ARTICLE);
    await acknowledged(p);
    p.document.getText('headline').insert(0, 'Viết ở máy chủ A');
    await acknowledged(p);
    const v1 = (await directory(b, tokenAtB))[0]!.version;
    // B has not loaded the article: it loads what A stored.
    const atB = client(b.wsUrl, tokenAtB).open(ARTICLE);
    await acknowledged(atB);
    expect(atB.document.getText('headline').toString()).toBe('Viết ở máy chủ A');
    atB.document.getText('headline').insert(0, 'B: ');
    await acknowledged(atB);
    expect((await directory(a, editor))[0]!.version).toBeGreaterThan(v1);
    // Without the Redis extension the instances do not pass live updates to each other (README,
    // "Scale-out"): A's open document learns B's change only when it loads the article again.
    expect(p.document.getText('headline').toString()).toBe('Viết ở máy chủ A');
  });
});
