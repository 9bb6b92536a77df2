/**
 * Review offline on two desks (a real server on 127.0.0.1, two desks with their own folders):
 * the editor comments on "63 điểm cầu" in the lead and on words of the body while the reporter
 * inserts a paragraph above and rewrites another sentence; once both are back, both desks list
 * every comment on exactly the same words, and the article's package carries no comment.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, bodyText, sapo, setText } from '../../src-shared/article-doc';
import { addComment, anchorAt, listThreads, reply } from '../../src-shared/comments';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf } from '../support/desk';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { readZip } from './export-support';

const { server, desk, stop, temp } = deskFixtures();

const LEAD = 'Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước. Thủ tướng chủ trì.';

async function docOf(d: Desk, id: string): Promise<Y.Doc> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  return replicaOf(state);
}

/** Where a comment sits, as the desk shows it. */
const placed = (doc: Y.Doc) => listThreads(doc).map((t) => ({ field: t.field, current: t.current, range: t.range, replies: t.replies.map((r) => r.text) }));

describe('comments made offline on two desks', () => {
  it('sit on the same words on both desks after both reconnect, and stay out of the package', async () => {
    const serverDir = await temp('bantin-server-');
    const s = await server(serverDir);
    await addUser(s, 'phongvien', 'reporter');
    await addUser(s, 'bientap', 'editor');
    const reporter = await desk();
    const editor = await desk();
    await loginAs(reporter, s, 'phongvien');
    const id = await newArticle(reporter, 'Hội nghị trực tuyến toàn quốc');
    await editAs(reporter, 'writer', id, (doc) => {
      setText(sapo(doc), LEAD);
      addParagraph('Đoạn một của bài.')(doc);
      addParagraph('Các địa phương báo cáo tình hình.')(doc);
    });
    await syncStatus(reporter, allSynced, 'the reporter synced');
    await loginAs(editor, s, 'bientap');
    await waitFor(async () => editor.articles.entries().some((e) => e.id === id) && sapo(await docOf(editor, id)).toString() === LEAD, 'the article on the editor’s desk');

    const port = s.server.port;
    await stop(s);
    // The editor comments on the lead and the body; the reporter adds a paragraph above and rewrites the other sentence.
    await editAs(editor, 'writer', id, (doc) => {
      const at = LEAD.indexOf('63 điểm cầu');
      const lead = addComment(doc, anchorAt(doc, 'sapo', at, at + 11)!, { author: 'bientap', text: 'Kiểm tra lại số điểm cầu' });
      reply(doc, lead, { author: 'bientap', text: 'Theo thông cáo là 64' });
      const words = bodyText(doc).indexOf('báo cáo tình hình');
      addComment(doc, anchorAt(doc, 'body', words, words + 'báo cáo tình hình'.length)!, { author: 'bientap', text: 'Nêu tên địa phương' });
    });
    await editAs(reporter, 'writer', id, (doc) => {
      const lead = sapo(doc);
      const second = lead.toString().indexOf('Thủ tướng chủ trì.');
      lead.delete(second, 'Thủ tướng chủ trì.'.length);
      lead.insert(second, 'Thủ tướng Chính phủ chủ trì hội nghị.');
      lead.insert(0, 'Sáng 13/1, ');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Đoạn mới.')]);
      body(doc).insert(0, [p]);
    });
    await syncStatus(reporter, (st) => st.pending.includes(id), 'the reporter with the article pending');
    await syncStatus(editor, (st) => st.pending.includes(id), 'the editor with the article pending');

    await server(serverDir, port);
    await syncStatus(reporter, allSynced, 'the reporter synced again');
    await syncStatus(editor, allSynced, 'the editor synced again');
    const merged = 'Sáng 13/1, Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước. Thủ tướng Chính phủ chủ trì hội nghị.';
    await waitFor(async () => {
      const [a, b] = [await docOf(reporter, id), await docOf(editor, id)];
      return sapo(a).toString() === merged && sapo(b).toString() === merged && listThreads(a).length === 2 && bodyText(a) === bodyText(b);
    }, 'both desks merged, with both comments');

    const [a, b] = [await docOf(reporter, id), await docOf(editor, id)];
    expect(bodyText(a)).toBe('Đoạn mới.\n\nĐoạn một của bài.\n\nCác địa phương báo cáo tình hình.');
    expect(placed(a)).toEqual(placed(b));
    expect(placed(a)).toEqual([
      { field: 'sapo', current: '63 điểm cầu', range: { start: merged.indexOf('63'), end: merged.indexOf('63') + 11 }, replies: ['Theo thông cáo là 64'] },
      { field: 'body', current: 'báo cáo tình hình', range: expect.any(Object), replies: [] },
    ]);
    await waitFor(() => reporter.articles.summary(id).openComments === 2, 'the library row’s count of open comments');

    // The package carries the text, never the comments.
    const { file } = await call<{ file: string }>(reporter, 'export:package', { id, job: 'comments' });
    const files = await readZip(file);
    expect(files.get('ninjs/vi.json')!.toString('utf8')).toContain('63 điểm cầu');
    for (const [name, content] of files) {
      const text = content.toString('utf8');
      for (const said of ['Kiểm tra lại số điểm cầu', 'Theo thông cáo là 64', 'Nêu tên địa phương', 'bientap']) expect(text, `${name} holds “${said}”`).not.toContain(said);
    }
  });
});
