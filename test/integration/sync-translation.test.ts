/**
 * A translation kept in step across two desks and a real server (127.0.0.1): the editor's desk
 * translates the reporter's Vietnamese story into English and writes every block; the
 * reporter, offline, edits Vietnamese paragraphs 2 and 4 and the event; after both sync only
 * English paragraphs 2 and 4 are stale, each with the Vietnamese words changed. A submission
 * (a status change), a photo added and a save without any change of text mark nothing. The
 * reporter, owner of the story, reads and confirms the editor's translation from their desk.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { body, setText } from '../../src-shared/article-doc';
import { setEventText } from '../../src-shared/article-event';
import { articleBlocks } from '../../src-shared/translation/blocks';
import { translationsOf } from '../../src-shared/translation/links';
import { writeBlock } from '../../src-shared/translation/pairs';
import type { TranslationStateOutput } from '../../src-shared/translation/schema';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, updateFrom } from '../support/desk';
import { makePhoto } from '../support/photos';
import { api, userWithToken } from '../support/server';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { completeArticle, statusIs } from '../support/workflow';

const { server, desk, stop, temp } = deskFixtures();

const PARAS = ['Gió giật cấp 12 ở ven biển.', 'Có 63 tỉnh thành họp trực tuyến.', 'Đê điều được gia cố.', 'Người dân đã sơ tán trước 17 giờ.'];

async function docOf(d: Desk, id: string): Promise<Y.Doc> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  return replicaOf(state);
}

const paragraph = (doc: Y.Doc, n: number): Y.XmlText => (body(doc).get(n) as Y.XmlElement).get(0) as Y.XmlText;
const changed = (p: TranslationStateOutput['state']['pairs'][number]) => (p.diff ?? []).filter((s) => s.op !== 'same').map((s) => `${s.op}:${s.text}`);

describe('a translation across two desks', () => {
  it('marks only the English paragraphs whose Vietnamese changed offline, with the Vietnamese diff', async () => {
    const serverDir = await temp('bantin-server-');
    const s = await server(serverDir);
    await addUser(s, 'phongvien', 'reporter');
    await addUser(s, 'bientap', 'editor');
    const reporter = await desk();
    const editor = await desk();
    await loginAs(reporter, s, 'phongvien');
    const vi = await newArticle(reporter, 'Bão số 3 đổ bộ');
    await editAs(reporter, 'writer', vi, (doc) => {
      completeArticle(doc); // its lead, byline, a paragraph and the event: a story that can be submitted
      body(doc).delete(0, body(doc).length);
      for (const p of PARAS) addParagraph(p)(doc);
    });
    await syncStatus(reporter, allSynced, 'the reporter synced');
    await loginAs(editor, s, 'bientap');
    await waitFor(async () => {
      if (!editor.articles.has(vi)) return false;
      // Listed before its text is saved on this desk, it opens as notFound until then.
      const doc = await docOf(editor, vi).catch((err: unknown) => {
        if ((err as Error).message.includes('notFound')) return null;
        throw err;
      });
      return doc !== null && articleBlocks(doc).length === 6;
    }, 'the story on the editor’s desk');

    // The editor's desk translates it and writes every block in English.
    const { id: en } = await call<{ id: string }>(editor, 'translation:create', { id: vi, to: 'en' });
    const source = await docOf(editor, vi);
    const { state } = await call<{ state: Uint8Array }>(editor, 'article:open', { id: en });
    const translation = replicaOf(state);
    await call(editor, 'article:update', { id: en, update: updateFrom(translation, (t) => articleBlocks(t).forEach((b, i) => writeBlock(source, t, b.id, `English ${i}`, '2022-01-13T10:53:00.000Z'))) });
    await call(editor, 'article:close', { id: en });
    await syncStatus(editor, allSynced, 'the editor synced the translation');
    // The reporter's story now names its translation (the translation itself is the editor's article).
    await waitFor(async () => translationsOf(await docOf(reporter, vi)).en === en, 'the link on the reporter’s story');
    expect((await call<TranslationStateOutput>(editor, 'translation:state', { id: en })).state.stale).toBe(0);

    // Offline, the reporter edits paragraphs 2 and 4 and the event.
    const port = s.server.port;
    await stop(s);
    await editAs(reporter, 'writer', vi, (doc) => {
      setText(paragraph(doc, 1), 'Có 64 tỉnh thành họp trực tuyến.');
      setText(paragraph(doc, 3), 'Người dân đã sơ tán trước 16 giờ chiều.');
      setEventText(doc, 'title', 'Họp khẩn ứng phó bão số 3');
    });
    await syncStatus(reporter, (st) => st.pending.includes(vi), 'the reporter with the story pending');
    const again = await server(serverDir, port);
    await syncStatus(reporter, allSynced, 'the reporter synced again');
    await waitFor(async () => paragraph(await docOf(editor, vi), 3).toString().includes('16 giờ'), 'the edits on the editor’s desk');

    const after = await call<TranslationStateOutput>(editor, 'translation:state', { id: en });
    expect(after.state.pairs.map((p) => p.state)).toEqual(['fresh', 'fresh', 'fresh', 'stale', 'fresh', 'stale']);
    expect(changed(after.state.pairs[3]!)).toEqual(['removed:63', 'added:64']);
    expect(changed(after.state.pairs[5]!)).toEqual(['removed:17', 'added:16', 'added: chiều']);
    expect((await call<Array<{ id: string; staleBlocks?: number }>>(editor, 'library:list', { trashed: false })).find((r) => r.id === en)?.staleBlocks).toBe(2);

    // A submission, a photo and a save with no change of text mark nothing more.
    const photo = await makePhoto(await temp('bantin-photo-'), 'bao.jpg');
    await call(reporter, 'photo:add', { id: vi, name: 'bao.jpg', bytes: new Uint8Array(await readFile(photo.file)), init: { captions: { vi: 'Sóng lớn ở ven biển' } } });
    await editAs(reporter, 'writer', vi, (doc) => setText(paragraph(doc, 0), PARAS[0]!));
    await call(reporter, 'workflow:move', { id: vi, to: 'submitted' });
    await statusIs(reporter, vi, 'submitted');
    await syncStatus(reporter, allSynced, 'the reporter synced the photo');
    await waitFor(async () => (await docOf(editor, vi)).getArray('photos').length === 1 && (await docOf(editor, vi)).getMap('workflow').get('status') === 'submitted', 'the photo and the status on the editor’s desk');
    const still = await call<TranslationStateOutput>(editor, 'translation:state', { id: en });
    expect(still.state.pairs.map((p) => p.state)).toEqual(['fresh', 'fresh', 'fresh', 'stale', 'fresh', 'stale']);

    // The story's owner may read and write its translation, though an editor made it: it reaches
    // the reporter's desk, whose confirmation of English paragraph 2 reaches the editor's.
    await waitFor(() => reporter.articles.has(en), 'the translation on the reporter’s desk');
    await waitFor(async () => (await call<TranslationStateOutput>(reporter, 'translation:state', { id: en })).state.stale === 2, 'the pair read on the reporter’s desk');
    await call(reporter, 'translation:confirm', { id: en, blockId: still.state.pairs[3]!.targets[0]!.id });
    await syncStatus(reporter, allSynced, 'the reporter synced the confirmation');
    await waitFor(async () => (await call<TranslationStateOutput>(editor, 'translation:state', { id: en })).state.stale === 1, 'the confirmation on the editor’s desk');
    // Another reporter may not.
    const other = await userWithToken(again, 'phongvien2', 'reporter');
    expect((await api(again.url, 'GET', `/api/articles/${en}/state`, { token: other })).status).toBe(404);
    expect((await api(again.url, 'GET', '/api/directory', { token: other })).json).toEqual({ articles: [] });
  });
});
