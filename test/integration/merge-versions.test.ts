/**
 * Every merge is recoverable: two desks and a real newsroom server. Both edit one article while
 * the server is away; when it is back (same folder, same port), each desk's history holds its
 * own text from just before the merge ("before merging changes from <the other>") and the
 * other side's text, both restorable; one such pair per merge, none for a later round without
 * new local edits nor for live co-editing; and whether both sides changed one paragraph.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '../../src-shared/article-doc';
import { restoreInto } from '../../src-shared/article-restore';
import type { HistoryItem } from '../../src-shared/history';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, updateFrom } from '../support/desk';
import { api, type TestServer } from '../support/server';
import { allSynced, deskFixtures, editAs, syncStatus } from '../support/sync-desk';

const { server: startServer, stop, desk, temp: fixtureTemp } = deskFixtures();

const PASSWORD = 'mật-khẩu-biên-tập-dài';

const server = (dir: string, port = 0): Promise<TestServer> => startServer(dir, port);

interface Text {
  readonly headline: string;
  readonly body: string;
}

const textOf = (state: Uint8Array): Text => {
  const view = readArticle(replicaOf(state));
  return { headline: view.headline, body: view.body };
};

async function text(d: Desk, id: string): Promise<Text> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  return textOf(state);
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Appends `words` to the `index`th paragraph of the body, where the writer typed them. */
const typeInParagraph =
  (index: number, words: string) =>
  (doc: Y.Doc): void => {
    const paragraph = doc.getXmlFragment('body').get(index) as Y.XmlElement;
    const t = paragraph.get(0) as Y.XmlText;
    t.insert(t.length, words);
  };

/** Brings a version back as the history panel does: its text written over the article's, as the writer's change. */
async function restore(d: Desk, id: string, version: string): Promise<void> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'window');
  const source = new Y.Doc();
  Y.applyUpdate(source, (await call<{ state: Uint8Array }>(d, 'history:get', { id, version })).state);
  await call(d, 'article:update', { id, update: updateFrom(replicaOf(state), (doc) => restoreInto(doc, source, 'writer')) }, 'window');
  await call(d, 'article:close', { id }, 'window');
}

const history = (d: Desk, id: string): Promise<HistoryItem[]> => call<HistoryItem[]>(d, 'history:list', { id });
const versionText = async (d: Desk, id: string, version: string): Promise<Text> => textOf((await call<{ state: Uint8Array }>(d, 'history:get', { id, version })).state);

/** Two editors' desks on one server, both holding one article of two paragraphs; then the server stops and both know it. */
async function twoDesksApart(): Promise<{ a: Desk; b: Desk; id: string; serverDir: string; port: number }> {
  const serverDir = await fixtureTemp('bantin-server-');
  const s = await server(serverDir);
  for (const name of ['biên-tập-1', 'biên-tập-2']) {
    expect((await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name, role: 'editor', password: PASSWORD } })).status).toBe(201);
  }
  const a = await desk();
  const b = await desk();
  const { id } = await call<ArticleSummary>(a, 'article:create', { language: 'vi' });
  await editAs(a, 'writer', id, (doc) => {
    doc.getText('headline').insert(0, 'Lũ quét ở Hà Giang');
    const body = doc.getXmlFragment('body');
    for (const words of ['Đoàn cứu hộ đã đến xã Lũng Cú.', 'UBND tỉnh ước tính thiệt hại.']) {
      const p = new Y.XmlElement('paragraph');
      const t = new Y.XmlText();
      t.insert(0, words);
      p.insert(0, [t]);
      body.insert(body.length, [p]);
    }
  });
  await call(a, 'sync:login', { server: s.url, user: 'biên-tập-1', password: PASSWORD });
  await syncStatus(a, allSynced, 'desk A synced');
  await call(b, 'sync:login', { server: s.url, user: 'biên-tập-2', password: PASSWORD });
  await syncStatus(b, allSynced, 'desk B synced');
  await until(async () => (await text(b, id)).body === (await text(a, id)).body, 'B to have the article');
  const port = s.server.port;
  await stop(s);
  await syncStatus(a, (st) => st.state === 'offline', 'desk A offline');
  await syncStatus(b, (st) => st.state === 'offline', 'desk B offline');
  return { a, b, id, serverDir, port };
}

/** Both desks back on the server, synced, the same text on both, and both merges' versions saved. */
async function backTogether(a: Desk, b: Desk, id: string, serverDir: string, port: number): Promise<TestServer> {
  for (const d of [a, b]) expect(d.sync.status()).toMatchObject({ state: 'offline', pending: [id] });
  const s = await server(serverDir, port);
  await syncStatus(a, allSynced, 'desk A synced again');
  await syncStatus(b, allSynced, 'desk B synced again');
  await until(async () => JSON.stringify(await text(a, id)) === JSON.stringify(await text(b, id)), 'the desks to converge');
  for (const d of [a, b]) await until(async () => (await history(d, id)).some((v) => v.reason === 'remote'), 'both versions of the merge');
  return s;
}

describe('versions around a merge', () => {
  it('each desk keeps its own text from before the merge and the other side’s, restorable, once per merge', async () => {
    const { a, b, id, serverDir, port } = await twoDesksApart();
    await editAs(a, 'writer', id, typeInParagraph(0, ' Trời mưa to.'));
    await editAs(b, 'writer', id, typeInParagraph(0, ' Nước dâng cao.'));
    const ownA = await text(a, id);
    const ownB = await text(b, id);
    expect(ownA.body).toContain('Lũng Cú. Trời mưa to.');
    expect(ownB.body).toContain('Lũng Cú. Nước dâng cao.');

    await backTogether(a, b, id, serverDir, port);
    const merged = await text(a, id);
    expect(merged.body).toContain('Trời mưa to.');
    expect(merged.body).toContain('Nước dâng cao.');

    for (const [d, own, theirs, other] of [
      [a, ownA, ownB, 'biên-tập-2'],
      [b, ownB, ownA, 'biên-tập-1'],
    ] as const) {
      const items = await history(d, id);
      const before = items.filter((v) => v.reason === 'merge');
      const remote = items.filter((v) => v.reason === 'remote');
      expect(before).toHaveLength(1);
      expect(remote).toHaveLength(1);
      expect(before[0]).toMatchObject({ by: other, samePlace: true, dismissed: false, lost: [] });
      expect(remote[0]).toMatchObject({ by: other });
      expect(await versionText(d, id, before[0]!.version)).toEqual(own);
      expect(await versionText(d, id, remote[0]!.version)).toEqual(theirs);
    }

    // Both restore as the history panel does: on A, the other side's text, then its own; on B
    // its own. Each restore waits for the previous one to reach the other desk, so it is
    // written over the text that desk shows.
    const versionOf = async (d: Desk, reason: 'merge' | 'remote') => (await history(d, id)).find((v) => v.reason === reason)!.version;
    const reaches = (d: Desk, t: Text) => until(async () => JSON.stringify(await text(d, id)) === JSON.stringify(t), 'the restore on the other desk');
    await restore(a, id, await versionOf(a, 'remote'));
    expect(await text(a, id)).toEqual(ownB);
    await reaches(b, ownB);
    await restore(a, id, await versionOf(a, 'merge'));
    expect(await text(a, id)).toEqual(ownA);
    await reaches(b, ownA);
    await restore(b, id, await versionOf(b, 'merge'));
    expect(await text(b, id)).toEqual(ownB);

    // The notice about a merge in one paragraph, once dismissed, is not shown again.
    const [merge] = (await history(a, id)).filter((v) => v.reason === 'merge');
    await call(a, 'history:dismissMerge', { id, version: merge!.version });
    expect((await history(a, id)).find((v) => v.version === merge!.version)).toMatchObject({ samePlace: true, dismissed: true });
  });

  it('a later round without new local edits, and live co-editing, save no more versions', async () => {
    const { a, b, id, serverDir, port } = await twoDesksApart();
    await editAs(a, 'writer', id, typeInParagraph(0, ' Trời mưa to.'));
    await editAs(b, 'writer', id, typeInParagraph(0, ' Nước dâng cao.'));
    const s = await backTogether(a, b, id, serverDir, port);

    // The server goes away and comes back; nobody wrote meanwhile.
    await stop(s);
    await syncStatus(a, (st) => st.state === 'offline', 'desk A offline');
    await syncStatus(b, (st) => st.state === 'offline', 'desk B offline');
    await server(serverDir, port);
    await syncStatus(a, allSynced, 'desk A synced after the second return');
    await syncStatus(b, allSynced, 'desk B synced after the second return');

    // Both online, with the article open on B: edits in the same paragraph go back and forth.
    const { state } = await call<{ state: Uint8Array }>(b, 'article:open', { id }, 'window-b');
    const replica = replicaOf(state);
    await editAs(a, 'writer', id, typeInParagraph(0, ' Mưa đã tạnh.'));
    await until(async () => (await text(b, id)).body.includes('Mưa đã tạnh.'), 'A’s live edit on B');
    await call(b, 'article:update', { id, update: updateFrom(replica, typeInParagraph(0, ' Đường đã thông.')) }, 'window-b');
    await until(async () => (await text(a, id)).body.includes('Đường đã thông.'), 'B’s live edit on A');
    await syncStatus(a, allSynced, 'desk A synced after co-editing');
    await syncStatus(b, allSynced, 'desk B synced after co-editing');

    // Closed, every merge seen has been saved: still one pair on each desk.
    const dirs = [a, b].map((d) => path.join(d.dataDir, 'history', id));
    await Promise.all([a, b].map((d) => d.close()));
    for (const dir of dirs) {
      const names = await fs.readdir(dir);
      expect(names.filter((n) => n.endsWith('-merge.ydoc'))).toHaveLength(1);
      expect(names.filter((n) => n.endsWith('-remote.ydoc'))).toHaveLength(1);
    }
  });

  it('a merge of changes to different paragraphs is saved without the same-paragraph flag', async () => {
    const { a, b, id, serverDir, port } = await twoDesksApart();
    await editAs(a, 'writer', id, typeInParagraph(0, ' Trời mưa to.'));
    await editAs(b, 'writer', id, typeInParagraph(1, ' Khoảng 5 tỷ đồng.'));
    await backTogether(a, b, id, serverDir, port);
    for (const d of [a, b]) {
      const before = (await history(d, id)).filter((v) => v.reason === 'merge');
      expect(before).toHaveLength(1);
      expect(before[0]).toMatchObject({ samePlace: false });
    }
  });

  it('the server gives an article’s state and writers to whoever may read it, and to nobody else', async () => {
    const s = await server(await fixtureTemp('bantin-server-'));
    for (const [name, role] of [['phóng-viên-1', 'reporter'], ['phóng-viên-2', 'reporter']] as const) {
      expect((await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name, role, password: PASSWORD } })).status).toBe(201);
    }
    const a = await desk();
    const { id } = await call<ArticleSummary>(a, 'article:create', { language: 'vi' });
    await editAs(a, 'writer', id, (doc) => doc.getText('headline').insert(0, 'Lũ quét ở Hà Giang'));
    await call(a, 'sync:login', { server: s.url, user: 'phóng-viên-1', password: PASSWORD });
    await syncStatus(a, allSynced, 'desk A synced');

    const token = async (name: string) => (await api(s.url, 'POST', '/api/login', { json: { name, password: PASSWORD } })).json.token as string;
    const owner = await api(s.url, 'GET', `/api/articles/${id}/state`, { token: await token('phóng-viên-1') });
    expect(owner.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(owner.json.state as string, 'base64')));
    expect(readArticle(doc).headline).toBe('Lũ quét ở Hà Giang');
    expect(owner.json.writers).toEqual([{ name: 'phóng-viên-1', version: owner.json.version }]);
    // Another reporter (neither owner nor assignee), no login, an unknown article.
    expect((await api(s.url, 'GET', `/api/articles/${id}/state`, { token: await token('phóng-viên-2') })).json).toEqual({ error: 'notFound' });
    expect((await api(s.url, 'GET', `/api/articles/${id}/state`)).status).toBe(401);
    expect((await api(s.url, 'GET', `/api/articles/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/state`, { token: s.adminToken })).status).toBe(404);
    // An editor may read every article.
    expect((await api(s.url, 'GET', `/api/articles/${id}/state`, { token: s.adminToken })).status).toBe(200);
  });
});
