/**
 * Typed fields written on two desks while the newsroom server was away (a real server on
 * 127.0.0.1 and two desks with their own data folders): both values reach both desks as a
 * conflict, the exports carry the last agreed value, and a resolve on one desk settles both.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { metaRegister, readArticle, resolveMeta, writeMeta } from '../../src-shared/article-doc';
import { newSession } from '../../src-shared/register';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf } from '../support/desk';
import { addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { readZip } from './export-support';

const { server, desk, stop, temp: fixtureTemp } = deskFixtures();

/** The article's document as the desk holds it now. */
async function docOf(d: Desk, id: string): Promise<Y.Doc> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  return replicaOf(state);
}

const values = (doc: Y.Doc) =>
  metaRegister(doc, 'byline')
    .candidates.map((c) => `${c.value} (${c.by})`)
    .sort();

describe('typed fields written apart on two desks', () => {
  it('both bylines reach both desks as a conflict; exports use the last agreed byline; a resolve on one desk settles both', async () => {
    const serverDir = await fixtureTemp('bantin-server-');
    const s = await server(serverDir);
    await addUser(s, 'lan', 'editor');
    await addUser(s, 'minh', 'editor');
    const a = await desk();
    const b = await desk();
    const id = await newArticle(a, 'Lũ quét ở Hà Giang');
    await editAs(a, 'writer', id, (doc) => writeMeta(doc, 'byline', 'Ban Thời sự', newSession('lan')));
    await loginAs(a, s, 'lan');
    await syncStatus(a, allSynced, 'desk A synced');
    await loginAs(b, s, 'minh');
    await syncStatus(b, allSynced, 'desk B synced');
    await waitFor(async () => readArticle(await docOf(b, id)).byline === 'Ban Thời sự', 'the article on desk B');

    // The server goes away; each desk types its own byline.
    const port = s.server.port;
    await stop(s);
    await editAs(a, 'writer', id, (doc) => writeMeta(doc, 'byline', 'Lan Anh', newSession('lan')));
    await editAs(b, 'writer', id, (doc) => writeMeta(doc, 'byline', 'Minh Đức', newSession('minh')));
    await syncStatus(a, (st) => st.pending.includes(id), 'desk A with the article pending');
    await syncStatus(b, (st) => st.pending.includes(id), 'desk B with the article pending');

    // Back on the same port: both desks hold both values, as a conflict over the agreed byline.
    await server(serverDir, port);
    await syncStatus(a, allSynced, 'desk A synced again');
    await syncStatus(b, allSynced, 'desk B synced again');
    const both = ['Lan Anh (lan)', 'Minh Đức (minh)'];
    await waitFor(async () => JSON.stringify(values(await docOf(a, id))) === JSON.stringify(both) && JSON.stringify(values(await docOf(b, id))) === JSON.stringify(both), 'both bylines on both desks');
    for (const d of [a, b]) {
      const doc = await docOf(d, id);
      expect(metaRegister(doc, 'byline')).toMatchObject({ value: 'Ban Thời sự', conflict: true });
      // The library row follows the merge (it is written after the document).
      // The row said 'Ban Thời sự' before the merge too: wait for its count of conflicts.
      await waitFor(() => d.articles.summary(id).conflicts === 1, 'the library row’s count of conflicts');
      expect(d.articles.summary(id).byline).toBe('Ban Thời sự');
    }

    // The exports carry the agreed byline, neither side's.
    const { file: out } = await call<{ file: string }>(a, 'export:package', { id, job: 'conflict' });
    const files = await readZip(out);
    const ninjs = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as { by?: string; people?: Array<{ name: string; rel: string }> };
    expect(ninjs.by).toBe('Ban Thời sự');
    expect(ninjs.people).toContainEqual({ name: 'Ban Thời sự', rel: 'author' });
    const newsml = files.get('newsml/item.xml')!.toString('utf8');
    expect(newsml).toContain('<creator><name>Ban Thời sự</name></creator>');
    for (const name of ['Lan Anh', 'Minh Đức']) {
      expect(newsml).not.toContain(name);
      expect(JSON.stringify(ninjs)).not.toContain(name);
    }

    // Desk B settles it on a combination: both desks end with that one value.
    await editAs(b, 'writer', id, (doc) => void resolveMeta(doc, 'byline', 'Lan Anh, Minh Đức', 'minh'));
    await waitFor(async () => {
      const [da, db] = [await docOf(a, id), await docOf(b, id)];
      return [da, db].every((doc) => !metaRegister(doc, 'byline').conflict && metaRegister(doc, 'byline').value === 'Lan Anh, Minh Đức');
    }, 'the resolve on both desks');
    await waitFor(() => a.articles.summary(id).byline === 'Lan Anh, Minh Đức', 'desk A’s library row');
    expect(a.articles.summary(id).conflicts).toBeUndefined();
    expect(values(await docOf(a, id))).toEqual(['Lan Anh, Minh Đức (minh)']);
  });
});
