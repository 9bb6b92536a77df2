/**
 * Suggestions made offline on two desks (a real server on 127.0.0.1, two desks with their own
 * folders): the editor suggests "64" for "63" in the body while the reporter inserts a paragraph
 * above and rewrites another sentence, and the editor comments on "63 điểm cầu" in the lead while
 * the reporter writes before it; once both are back, both desks hold the suggestion and the
 * comment on the same words. Rejecting gives "63" back; accepting on the reporter's desk gives
 * "64 điểm cầu" on both, and undoing that accept (Ctrl+Z's undo manager) brings the suggestion
 * back on both.
 * In the headline likewise: the editor proposes "trực tiếp" for "trực tuyến" while the reporter
 * adds words at its end; both desks show the same suggestion, and the accept reaches both.
 */
import type { Schema } from '@tiptap/pm/model';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, bodyText, headline, sapo, setText } from '../../src-shared/article-doc';
import { addComment, anchorAt, listThreads } from '../../src-shared/comments';
import { settleTextSuggestions, textSuggestions, writeDirect, writeSuggested } from '../../src-shared/text/suggested';
import type { Desk } from '../../src-main/services/desk';
import { listSuggestions, settle } from '../../src-renderer/features/editor/suggest/resolve';
import { suggestTransaction } from '../../src-renderer/features/editor/suggest/transform';
import { call, replicaOf } from '../support/desk';
import { bodySchema, posOf, stateOf, writeState, writer } from '../support/suggest-state';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';

const { server, desk, stop, temp } = deskFixtures();
let schema: Schema;
beforeAll(async () => {
  schema = await bodySchema();
});

async function docOf(d: Desk, id: string): Promise<Y.Doc> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  return replicaOf(state);
}

const LEAD = 'Hội nghị kết nối 63 điểm cầu trên cả nước.';

/** The comments as a desk shows them: field, words now and where they are. */
const placed = (doc: Y.Doc) => listThreads(doc).map((t) => ({ field: t.field, current: t.current, range: t.range, text: t.text }));

/** The suggestions as a desk shows them: author, kinds, their letters and the words after them. */
function shown(doc: Y.Doc) {
  const state = stateOf(doc, schema);
  return listSuggestions(state.doc).map((s) => ({ author: s.author, kinds: s.kinds, text: s.text, after: state.doc.textBetween(s.runs.at(-1)!.to, s.runs.at(-1)!.to + 9) }));
}

describe('suggestions made offline on two desks', () => {
  it('sit on the same words on both desks after both reconnect, with the lead’s comment; reject gives 63, accept 64 on both, undo takes an accept back', async () => {
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
      addParagraph('Hội nghị kết nối 63 điểm cầu trên cả nước.')(doc);
      addParagraph('Thủ tướng chủ trì.')(doc);
    });
    await syncStatus(reporter, allSynced, 'the reporter synced');
    await loginAs(editor, s, 'bientap');
    await waitFor(async () => editor.articles.entries().some((e) => e.id === id) && bodyText(await docOf(editor, id)).includes('63 điểm cầu'), 'the article on the editor’s desk');

    const port = s.server.port;
    await stop(s);
    // The editor, in suggestion mode, replaces 63 by 64 (through the body editor's own rewriting).
    await editAs(editor, 'writer', id, (doc) => {
      const state = stateOf(doc, schema);
      const at = posOf(state, '63');
      writeState(doc, state.apply(suggestTransaction(state, state.tr.insertText('64', at, at + 2), writer('bientap'))!));
      const h = headline(doc);
      const from = h.toString().indexOf('trực tuyến');
      writeSuggested(h, h.toString().replace('trực tuyến', 'trực tiếp'), { before: h.toString(), selStart: from, selEnd: from + 10, caretAfter: from + 9 }, writer('bientap'));
      const words = LEAD.indexOf('63 điểm cầu');
      addComment(doc, anchorAt(doc, 'sapo', words, words + '63 điểm cầu'.length)!, { author: 'bientap', text: 'Kiểm tra lại số điểm cầu' });
    });
    // The reporter adds a paragraph above and rewrites the other sentence.
    await editAs(reporter, 'writer', id, (doc) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Sáng 13/1 tại Hà Nội.')]);
      body(doc).insert(0, [p]);
      const second = (body(doc).get(2) as Y.XmlElement).get(0) as Y.XmlText;
      second.delete(0, second.length);
      second.insert(0, 'Thủ tướng Chính phủ chủ trì hội nghị.');
      const h = headline(doc);
      writeDirect(h, `${h.toString()} năm 2022`, { before: h.toString(), selStart: h.length, selEnd: h.length, caretAfter: h.length + 9 });
      sapo(doc).insert(0, 'Sáng 13/1, ');
    });
    await syncStatus(reporter, (st) => st.pending.includes(id), 'the reporter with the article pending');
    await syncStatus(editor, (st) => st.pending.includes(id), 'the editor with the article pending');

    await server(serverDir, port);
    await syncStatus(reporter, allSynced, 'the reporter synced again');
    await syncStatus(editor, allSynced, 'the editor synced again');
    await waitFor(async () => {
      const [a, b] = [await docOf(reporter, id), await docOf(editor, id)];
      return bodyText(a) === bodyText(b) && bodyText(a).startsWith('Sáng 13/1') && listThreads(a).length === 1 && listThreads(b).length === 1 && shown(a).length === 1 && shown(b).length === 1 && headline(a).toString() === headline(b).toString() && headline(a).toString().endsWith('năm 2022');
    }, 'both desks merged, with the suggestion');

    const [a, b] = [await docOf(reporter, id), await docOf(editor, id)];
    expect(bodyText(a)).toBe('Sáng 13/1 tại Hà Nội.\n\nHội nghị kết nối 6364 điểm cầu trên cả nước.\n\nThủ tướng Chính phủ chủ trì hội nghị.');
    expect(shown(a)).toEqual(shown(b));
    expect(shown(a)).toEqual([{ author: 'bientap', kinds: ['delete', 'insert'], text: '6364', after: ' điểm cầu' }]);
    expect(headline(a).toString()).toBe('Hội nghị trực tuyếntrực tiếp toàn quốc năm 2022');
    expect(textSuggestions(headline(a))).toEqual(textSuggestions(headline(b)));
    expect(textSuggestions(headline(a)).map((x) => [x.author, x.kinds])).toEqual([['bientap', ['delete', 'insert']]]);
    // The lead's comment, on exactly the same words on both desks, after the reporter's words before it.
    const lead = `Sáng 13/1, ${LEAD}`;
    expect(sapo(a).toString()).toBe(lead);
    expect(placed(a)).toEqual(placed(b));
    expect(placed(a)).toEqual([{ field: 'sapo', current: '63 điểm cầu', range: { start: lead.indexOf('63'), end: lead.indexOf('63') + 11 }, text: 'Kiểm tra lại số điểm cầu' }]);

    // Rejected: 63 again.
    const state = stateOf(a, schema);
    const rejected = state.apply(settle(state, listSuggestions(state.doc), false)!);
    expect(rejected.doc.child(1).textContent).toBe('Hội nghị kết nối 63 điểm cầu trên cả nước.');
    // Accepted on the reporter's desk: 64 on both desks.
    await editAs(reporter, 'writer', id, (doc) => {
      const st = stateOf(doc, schema);
      writeState(doc, st.apply(settle(st, listSuggestions(st.doc), true)!));
      settleTextSuggestions(headline(doc), 'all', true);
    });
    await waitFor(async () => bodyText(await docOf(editor, id)).includes('64 điểm cầu') && shown(await docOf(editor, id)).length === 0, 'the accept on the editor’s desk');
    expect(headline(await docOf(editor, id)).toString()).toBe('Hội nghị trực tiếp toàn quốc năm 2022');
    expect(bodyText(await docOf(editor, id))).toBe('Sáng 13/1 tại Hà Nội.\n\nHội nghị kết nối 64 điểm cầu trên cả nước.\n\nThủ tướng Chính phủ chủ trì hội nghị.');
    expect(placed(await docOf(editor, id))).toEqual(placed(a));

    // The editor accepts again and takes it back with the undo manager the editor's Ctrl+Z uses
    // (the accept is an ordinary change of its own, so undo restores the proposals): both desks
    // show the suggestions again, on the same words.
    await editAs(editor, 'writer', id, (doc) => {
      const undo = new Y.UndoManager([body(doc), headline(doc)], { trackedOrigins: new Set(['accept']) });
      doc.transact(() => {
        const st = stateOf(doc, schema);
        writeState(doc, st.apply(suggestTransaction(st, st.tr.insertText('65', posOf(st, '64'), posOf(st, '64') + 2), writer('bientap'))!));
      });
      doc.transact(() => {
        const st = stateOf(doc, schema);
        writeState(doc, st.apply(settle(st, listSuggestions(st.doc), true)!));
      }, 'accept');
      expect(bodyText(doc)).toContain(' 65 điểm cầu');
      undo.undo();
    });
    await waitFor(async () => shown(await docOf(reporter, id)).length === 1, 'the undone accept on the reporter’s desk');
    const [c, d] = [await docOf(reporter, id), await docOf(editor, id)];
    expect(bodyText(c)).toBe('Sáng 13/1 tại Hà Nội.\n\nHội nghị kết nối 6465 điểm cầu trên cả nước.\n\nThủ tướng Chính phủ chủ trì hội nghị.');
    expect(shown(c)).toEqual(shown(d));
    expect(shown(c)).toEqual([{ author: 'bientap', kinds: ['delete', 'insert'], text: '6465', after: ' điểm cầu' }]);
  });
});
