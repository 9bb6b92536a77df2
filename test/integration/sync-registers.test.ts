/**
 * Typed fields written on two desks while the newsroom server was away (a real server on
 * 127.0.0.1 and two desks with their own data folders): both values reach both desks as a
 * conflict, the exports carry the last agreed value, and a resolve on one desk settles both.
 * The same for two rewrites of the headline (a conflict, not a glued text), beside a sentence of
 * the lead deleted on one desk while a word in it is changed on the other (each word whole).
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { headline, metaRegister, readArticle, resolveMeta, sapo, setText, slugOf, writeMeta } from '../../src-shared/article-doc';
import { slugify } from '../../src-shared/text/slug';
import { newSession, type EditSession } from '../../src-shared/register';
import { noteEdit, resolveRewrite, rewriteConflict } from '../../src-shared/rewrites';
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

  it('two rewrites of the headline are a conflict on both desks, not a glued text; the lead keeps each word whole', async () => {
    const OLD = 'Hà Giang triển khai nhiệm vụ năm 2022';
    const LEAD = 'Câu một giữ nguyên. Nhiều xã đã huy động dân làm đường. Những kết quả rất tốt.';
    const SENTENCE = 'Nhiều xã đã huy động dân làm đường. ';
    /** The page's write path: `next` placed where the writer acted (selection, caret after), and the rewrite noted for the session. */
    const typed = (field: 'headline' | 'sapo', next: string, sel: readonly [number, number], caretAfter: number, session: EditSession) => (doc: Y.Doc) => {
      const text = field === 'headline' ? headline(doc) : sapo(doc);
      const prev = text.toString();
      const range = setText(text, next, { before: prev, selStart: sel[0], selEnd: sel[1], caretAfter });
      noteEdit(doc, field, prev, next, range, session);
    };
    const serverDir = await fixtureTemp('bantin-server-');
    const s = await server(serverDir);
    await addUser(s, 'lan', 'editor');
    await addUser(s, 'minh', 'editor');
    const a = await desk();
    const b = await desk();
    const id = await newArticle(a, OLD);
    await editAs(a, 'writer', id, (doc) => sapo(doc).insert(0, LEAD));
    await loginAs(a, s, 'lan');
    await syncStatus(a, allSynced, 'desk A synced');
    await loginAs(b, s, 'minh');
    await syncStatus(b, allSynced, 'desk B synced');
    await waitFor(async () => readArticle(await docOf(b, id)).sapo === LEAD, 'the article on desk B');

    // Apart: A deletes the lead's middle sentence and rewrites the headline; B changes a word in
    // that sentence and rewrites the headline too.
    const port = s.server.port;
    await stop(s);
    const cut = LEAD.indexOf(SENTENCE);
    const huy = LEAD.indexOf('huy');
    // One edit session per field, as the page has (focus to blur).
    await editAs(a, 'writer', id, typed('sapo', LEAD.replace(SENTENCE, ''), [cut, cut + SENTENCE.length], cut, newSession('lan')));
    await editAs(a, 'writer', id, typed('headline', 'Dân vận khéo ở Hà Giang', [0, OLD.length], 23, newSession('lan')));
    await editAs(b, 'writer', id, typed('sapo', LEAD.replace('huy', 'vận'), [huy, huy + 3], huy + 3, newSession('minh')));
    await editAs(b, 'writer', id, typed('headline', 'Hội nghị trực tuyến 63 điểm cầu', [0, OLD.length], 31, newSession('minh')));
    await syncStatus(a, (st) => st.pending.includes(id), 'desk A with the article pending');
    await syncStatus(b, (st) => st.pending.includes(id), 'desk B with the article pending');

    await server(serverDir, port);
    await syncStatus(a, allSynced, 'desk A synced again');
    await syncStatus(b, allSynced, 'desk B synced again');
    await waitFor(async () => (await Promise.all([a, b].map(async (d) => rewriteConflict(await docOf(d, id), 'headline')?.versions.length))).every((n) => n === 2), 'the conflict on both desks');
    for (const d of [a, b]) {
      const doc = await docOf(d, id);
      const conflict = rewriteConflict(doc, 'headline')!;
      expect(conflict.versions.map((v) => `${v.value} (${v.by})`).sort()).toEqual(['Dân vận khéo ở Hà Giang (lan)', 'Hội nghị trực tuyến 63 điểm cầu (minh)']);
      // Until someone chooses, readers (exports, the library) get the headline both began from.
      expect(readArticle(doc).headline).toBe(OLD);
      expect(slugOf(doc).slug).toBe(slugify(OLD));
      await waitFor(() => d.articles.summary(id).headline === OLD, 'the library row’s headline');
      const lead = sapo(doc).toString();
      expect(lead).not.toContain('Nhvận');
      expect(lead.replace('vận', '')).toBe('Câu một giữ nguyên. Những kết quả rất tốt.');
    }

    // Desk A keeps B's headline: both desks end with it and no conflict.
    await editAs(a, 'writer', id, (doc) => resolveRewrite(doc, 'headline', 'Hội nghị trực tuyến 63 điểm cầu', 'lan'));
    await waitFor(async () => {
      const docs = [await docOf(a, id), await docOf(b, id)];
      return docs.every((doc) => rewriteConflict(doc, 'headline') === null && headline(doc).toString() === 'Hội nghị trực tuyến 63 điểm cầu');
    }, 'the choice on both desks');
    // The slug follows the chosen headline.
    expect(slugOf(await docOf(b, id)).slug).toBe(slugify('Hội nghị trực tuyến 63 điểm cầu'));
  });
});
