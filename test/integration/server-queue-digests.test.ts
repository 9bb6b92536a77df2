/**
 * The editors' queue reads an article's document only when it changed since the queue last
 * listed it: what the queue shows of the text (headline, section, words, language, open comments) is kept in
 * the database with the version it was read at — through a restart of the server too — and read
 * again once a change is stored. On SQLite and on PostgreSQL.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headline, initArticle, setText, summarize } from '../../src-shared/article-doc';
import { addComment, anchorAt } from '../../src-shared/comments';
import type { QueueRow } from '../../src-shared/server-api';
import { serverBackends } from '../support/backends';
import { acknowledged, api, startTestServer, SyncClient, userWithToken, type TestServer } from '../support/server';
import { tempDirs } from '../support/temp';
import { completeArticle } from '../support/workflow';

const { backends: BACKENDS } = serverBackends('the queue digest test');

const temp = tempDirs();
const servers: TestServer[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await temp.cleanup();
});



/** The articles whose document the server reads from now on (every read goes through `documentParts`). */
function documentReads(s: TestServer): string[] {
  const reads: string[] = [];
  const storage = s.server.storage;
  const read = storage.documentParts.bind(storage);
  storage.documentParts = (id: string) => {
    reads.push(id);
    return read(id);
  };
  return reads;
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the queue's digests on ${backend.name}`, () => {
    it('an unchanged article is not read again, after a restart neither; a change is read once; an older digest never replaces a newer one', async () => {
      const dir = await temp.make('bantin-queue-digests-');
      const databaseUrl = await backend.database();
      const start = async (): Promise<TestServer> => {
        const s = await startTestServer(dir, { databaseUrl });
        servers.push(s);
        return s;
      };
      let s = await start();
      const owner = await userWithToken(s, 'Minh Thư', 'reporter');
      const editor = await userWithToken(s, 'Đức Anh', 'editor');
      const id = 'bai-hang-doi-001';
      const c = new SyncClient(s.wsUrl, owner);
      clients.push(c);
      const p = c.open(id);
      await acknowledged(p);
      p.document.transact(() => {
        initArticle(p.document, { id, language: 'vi', createdAt: '2025-06-01T00:00:00.000Z', section: 'Thời sự' });
        setText(headline(p.document), 'Lũ quét ở Hà Giang');
        completeArticle(p.document);
      });
      await acknowledged(p);
      const words = summarize(p.document, '').words;
      expect((await api(s.url, 'POST', `/api/articles/${id}/transitions`, { token: owner, json: { to: 'submitted' } })).status).toBe(200);
      c.destroy();

      const queue = async (at: TestServer): Promise<QueueRow[]> => {
        const answer = await api(at.url, 'GET', '/api/queue', { token: editor });
        expect(answer.status).toBe(200);
        return answer.json.articles as QueueRow[];
      };
      const shown = (rows: QueueRow[]) => rows.map((r) => ({ id: r.id, headline: r.headline, section: r.section, language: r.language, words: r.words, openComments: r.openComments }));

      let reads = documentReads(s);
      expect(shown(await queue(s))).toEqual([{ id, headline: 'Lũ quét ở Hà Giang', section: 'Thời sự', language: 'vi', words, openComments: 0 }]);
      expect(reads).toEqual([id]);
      expect(shown(await queue(s))).toEqual([{ id, headline: 'Lũ quét ở Hà Giang', section: 'Thời sự', language: 'vi', words, openComments: 0 }]);
      expect(reads).toEqual([id]);

      // Restarted (the logins are kept): the digest kept in the database is shown, the document not read.
      await s.server.close();
      servers.splice(servers.indexOf(s), 1);
      s = await start();
      reads = documentReads(s);
      expect(shown(await queue(s))).toEqual([{ id, headline: 'Lũ quét ở Hà Giang', section: 'Thời sự', language: 'vi', words, openComments: 0 }]);
      expect(reads).toEqual([]);

      // Changed: read once, then kept again.
      const again = new SyncClient(s.wsUrl, owner);
      clients.push(again);
      const q = again.open(id);
      await acknowledged(q);
      setText(headline(q.document), 'Lũ quét ở Hà Giang: hai xã bị cô lập');
      addComment(q.document, anchorAt(q.document, 'headline', 0, 7)!, { author: 'Minh Thư', text: 'Lũ quét hay lũ ống?' });
      await acknowledged(q);
      const changed = summarize(q.document, '').words;
      expect(changed).toBe(words + 5);
      expect(shown(await queue(s))).toEqual([{ id, headline: 'Lũ quét ở Hà Giang: hai xã bị cô lập', section: 'Thời sự', language: 'vi', words: changed, openComments: 1 }]);
      expect(reads.filter((r) => r === id).length).toBeGreaterThanOrEqual(1);
      const readsAfterChange = reads.length;
      expect((await queue(s)).map((r) => r.headline)).toEqual(['Lũ quét ở Hà Giang: hai xã bị cô lập']);
      expect(reads.length).toBe(readsAfterChange);

      // A digest of an older version (another instance finishing late) does not replace it.
      const [entry] = await s.server.storage.queue(['submitted'], []);
      await s.server.storage.putDigests([{ articleId: id, version: entry!.version - 1, headline: 'Tít cũ', section: 'Thời sự', words: 3, language: 'vi', openComments: 0 }]);
      expect((await s.server.storage.queue(['submitted'], []))[0]!.digest).toEqual({ version: entry!.version, headline: 'Lũ quét ở Hà Giang: hai xã bị cô lập', section: 'Thời sự', words: changed, language: 'vi', openComments: 1 });
      expect((await queue(s)).map((r) => r.headline)).toEqual(['Lũ quét ở Hà Giang: hai xã bị cô lập']);
      expect(reads.length).toBe(readsAfterChange);
    });
  });
}

describe('a SQLite database kept from before the queue counted comments', () => {
  it('gains the count: each kept digest is read again once, then kept with it', async () => {
    const dir = await temp.make('bantin-queue-digests-old-');
    let s = await startTestServer(dir);
    servers.push(s);
    const owner = await userWithToken(s, 'Minh Thư', 'reporter');
    const editor = await userWithToken(s, 'Đức Anh', 'editor');
    const id = 'bai-hang-doi-002';
    const c = new SyncClient(s.wsUrl, owner);
    clients.push(c);
    const p = c.open(id);
    await acknowledged(p);
    p.document.transact(() => {
      initArticle(p.document, { id, language: 'vi', createdAt: '2025-06-01T00:00:00.000Z', section: 'Thời sự' });
      setText(headline(p.document), 'Lũ quét ở Hà Giang');
      completeArticle(p.document);
      addComment(p.document, anchorAt(p.document, 'headline', 0, 7)!, { author: 'Minh Thư', text: 'Lũ quét hay lũ ống?' });
    });
    await acknowledged(p);
    expect((await api(s.url, 'POST', `/api/articles/${id}/transitions`, { token: owner, json: { to: 'submitted' } })).status).toBe(200);
    c.destroy();
    const counts = async () => ((await api(s.url, 'GET', '/api/queue', { token: editor })).json.articles as QueueRow[]).map((r) => [r.id, r.openComments]);
    expect(await counts()).toEqual([[id, 1]]);

    // The column as an older server left it: absent (its digests kept without a count).
    await s.server.close();
    servers.splice(servers.indexOf(s), 1);
    const db = new Database(path.join(dir, 'server.sqlite'));
    db.exec('ALTER TABLE article_digests DROP COLUMN open_comments');
    db.close();
    s = await startTestServer(dir);
    servers.push(s);
    const reads = documentReads(s);
    expect(await counts()).toEqual([[id, 1]]);
    expect(reads).toEqual([id]);
    expect(await counts()).toEqual([[id, 1]]);
    expect(reads).toEqual([id]);
  });
});
