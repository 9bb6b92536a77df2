/**
 * Suggestions in the headline and the lead (src-shared/text/suggested.ts): what a suggesting
 * writer's edits record, how accepting and rejecting settle them, and two desks apart — the
 * editor suggests in the headline while the reporter types in it — merging with nothing lost.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline, readArticle, sapo, setText } from '../../../../src-shared/article-doc';
import { restoreInto } from '../../../../src-shared/article-restore';
import { openSuggestions, withoutSuggestions } from '../../../../src-shared/suggestions';
import { acceptedText, settleTextSuggestions, suggestionIdsAt, textSuggestions, writeDirect, writeSuggested, type SuggestContext } from '../../../../src-shared/text/suggested';
import { exchange, replicaOf } from '../../../support/replicas';

let counter = 0;
const as = (author: string, now = 1_700_000_000_000): SuggestContext => ({ author, now, newId: () => `${author}-${++counter}` });

function docWith(headlineText: string, lead = ''): Y.Doc {
  const doc = new Y.Doc();
  setText(headline(doc), headlineText);
  if (lead) setText(sapo(doc), lead);
  return doc;
}

/** Types `next` over the field's string as the field reports it: the text before, the selection, the caret after. */
function typed(text: Y.Text, next: string, selStart: number, selEnd: number, caretAfter: number, ctx: SuggestContext) {
  return writeSuggested(text, next, { before: text.toString(), selStart, selEnd, caretAfter }, ctx);
}

describe('suggesting in a plain text', () => {
  it('strikes removed letters, proposes typed ones after them, and keeps one suggestion for a replaced word', () => {
    const doc = docWith('Họp trực tuyến với 63 điểm cầu');
    const text = headline(doc);
    const at = text.toString().indexOf('63');
    // Select "63", type "64".
    const write = typed(text, text.toString().replace('63', '64'), at, at + 2, at + 2, as('editor'));
    expect(text.toString()).toBe('Họp trực tuyến với 6364 điểm cầu');
    expect(write?.caret).toBe(at + 4);
    const [s, ...rest] = textSuggestions(text);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ author: 'editor', kinds: ['delete', 'insert'] });
    expect(s!.runs.map((r) => text.toString().slice(r.start, r.end))).toEqual(['63', '64']);
    expect(acceptedText(text)).toBe('Họp trực tuyến với 63 điểm cầu');
    expect(readArticle(doc).headline).toBe('Họp trực tuyến với 63 điểm cầu');
  });

  it('continues the writer’s own suggestion letter by letter, and removes their own proposed letters outright', () => {
    const doc = docWith('63 điểm cầu');
    const text = headline(doc);
    const ctx = as('editor');
    // Backspace strikes "3" and leaves the caret before it; typing "4" there continues the same suggestion.
    expect(typed(text, '6 điểm cầu', 2, 2, 1, ctx)?.caret).toBe(1);
    expect(text.toString()).toBe('63 điểm cầu');
    typed(text, '643 điểm cầu', 1, 1, 2, ctx);
    typed(text, '6453 điểm cầu', 2, 2, 3, ctx);
    expect(textSuggestions(text)).toHaveLength(1);
    // Backspace over one's own "5": it goes, nothing struck.
    typed(text, '643 điểm cầu', 3, 3, 2, ctx);
    expect(text.toString()).toBe('643 điểm cầu');
    // Backspace over a letter already struck moves the caret past it and changes nothing.
    const before = Y.encodeStateVector(doc);
    expect(typed(text, '64 điểm cầu', 3, 3, 2, ctx)?.caret).toBe(2);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    settleTextSuggestions(text, 'all', true);
    expect(text.toString()).toBe('64 điểm cầu');
    expect(textSuggestions(text)).toEqual([]);
  });

  it('Delete at a caret leaves the caret after what it struck', () => {
    const text = headline(docWith('ab cd'));
    expect(typed(text, 'ab d', 3, 3, 3, as('editor'))?.caret).toBe(4);
    expect(text.toString()).toBe('ab cd');
    expect(acceptedText(text)).toBe('ab cd');
  });

  it('accepts or rejects one suggestion by the place of the caret, the other left open', () => {
    const text = headline(docWith('một hai ba'));
    typed(text, 'một hai', 7, 10, 7, as('editor'));
    typed(text, 'rất một hai ba', 0, 0, 4, as('sub'));
    expect(text.toString()).toBe('rất một hai ba');
    const ids = suggestionIdsAt(text, 12, 12);
    expect(ids.size).toBe(1);
    settleTextSuggestions(text, ids, true);
    expect(text.toString()).toBe('rất một hai');
    settleTextSuggestions(text, suggestionIdsAt(text, 1, 1), false);
    expect(text.toString()).toBe('một hai');
    expect(textSuggestions(text)).toEqual([]);
  });

  it('typing plainly after a proposal is not part of it', () => {
    const text = headline(docWith('Hà'));
    typed(text, 'Hà Nội', 2, 2, 6, as('editor'));
    writeDirect(text, 'Hà Nội mới', { before: 'Hà Nội', selStart: 6, selEnd: 6, caretAfter: 10 });
    expect(acceptedText(text)).toBe('Hà mới');
  });
});

describe('two desks apart', () => {
  it('the editor suggests in the headline and lead while the reporter types in both: merged, nothing typed lost, accept and reject as expected', () => {
    const base = docWith('Hội nghị trực tuyến với 63 điểm cầu', 'Sáng nay, Thủ tướng chủ trì hội nghị.');
    const editor = replicaOf(base);
    const reporter = replicaOf(base);
    // The editor, suggesting: "63" → "64" in the headline, "Sáng nay" struck in the lead.
    const h = headline(editor);
    const at = h.toString().indexOf('63');
    typed(h, h.toString().replace('63', '64'), at, at + 2, at + 2, as('editor'));
    typed(sapo(editor), ', Thủ tướng chủ trì hội nghị.', 0, 8, 0, as('editor'));
    // The reporter, offline too, types plainly: a word inside "63"'s neighbourhood and inside the struck lead words.
    const r = headline(reporter);
    writeDirect(r, 'Hội nghị trực tuyến toàn quốc với 63 điểm cầu', { before: r.toString(), selStart: 19, selEnd: 19, caretAfter: 29 });
    writeDirect(sapo(reporter), 'Sáng nay 13/1, Thủ tướng chủ trì hội nghị.', { before: sapo(reporter).toString(), selStart: 8, selEnd: 8, caretAfter: 13 });
    exchange(editor, reporter);

    for (const doc of [editor, reporter]) {
      expect(headline(doc).toString()).toBe('Hội nghị trực tuyến toàn quốc với 6364 điểm cầu');
      expect(sapo(doc).toString()).toBe('Sáng nay 13/1, Thủ tướng chủ trì hội nghị.');
      expect(openSuggestions(doc).size).toBe(2);
    }
    expect(textSuggestions(headline(editor))).toEqual(textSuggestions(headline(reporter)));
    expect(textSuggestions(sapo(editor))).toEqual(textSuggestions(sapo(reporter)));
    // Until settled, what leaves the desk is the accepted text, the reporter's words in it.
    const out = readArticle(withoutSuggestions(reporter));
    expect(out.headline).toBe('Hội nghị trực tuyến toàn quốc với 63 điểm cầu');
    expect(out.sapo).toBe('Sáng nay 13/1, Thủ tướng chủ trì hội nghị.');
    expect(openSuggestions(withoutSuggestions(reporter)).size).toBe(0);

    // The reporter accepts the headline's, the editor rejects the lead's; synced again.
    settleTextSuggestions(headline(reporter), 'all', true);
    settleTextSuggestions(sapo(editor), 'all', false);
    exchange(editor, reporter);
    for (const doc of [editor, reporter]) {
      expect(headline(doc).toString()).toBe('Hội nghị trực tuyến toàn quốc với 64 điểm cầu');
      // Rejected: the struck words stay, and the reporter's "13/1" typed inside them survived anyway.
      expect(sapo(doc).toString()).toBe('Sáng nay 13/1, Thủ tướng chủ trì hội nghị.');
      expect(openSuggestions(doc).size).toBe(0);
    }
  });

  it('words the other desk typed inside struck words are on both desks, struck alike, and settle alike', () => {
    const base = docWith('x', 'Sáng nay, Thủ tướng chủ trì.');
    const editor = replicaOf(base);
    const reporter = replicaOf(base);
    typed(sapo(editor), ', Thủ tướng chủ trì.', 0, 8, 0, as('editor'));
    writeDirect(sapo(reporter), 'Sáng 13/1 nay, Thủ tướng chủ trì.', { before: sapo(reporter).toString(), selStart: 5, selEnd: 5, caretAfter: 10 });
    exchange(editor, reporter);
    // Not lost: shown (struck, for whoever settles it) and still in the accepted text.
    for (const doc of [editor, reporter]) {
      expect(sapo(doc).toString()).toBe('Sáng 13/1 nay, Thủ tướng chủ trì.');
      expect(acceptedText(sapo(doc))).toBe('Sáng 13/1 nay, Thủ tướng chủ trì.');
    }
    expect(textSuggestions(sapo(editor))).toEqual(textSuggestions(sapo(reporter)));
    settleTextSuggestions(sapo(editor), 'all', true);
    exchange(editor, reporter);
    expect(sapo(reporter).toString()).toBe(', Thủ tướng chủ trì.');
    expect(sapo(editor).toString()).toBe(sapo(reporter).toString());
  });

  it('undo takes an accept back', () => {
    const doc = docWith('63 điểm cầu');
    const text = headline(doc);
    typed(text, '64 điểm cầu', 0, 2, 2, as('editor'));
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set(['local']) });
    doc.transact(() => settleTextSuggestions(text, 'all', true), 'local');
    expect(text.toString()).toBe('64 điểm cầu');
    undo.undo();
    expect(text.toString()).toBe('6364 điểm cầu');
    expect(textSuggestions(text)).toHaveLength(1);
  });
});

describe('a version brought back', () => {
  it('brings its suggestions back as suggestions, and drops those made since', () => {
    const doc = docWith('63 điểm cầu', 'Sáng nay, họp.');
    typed(headline(doc), '64 điểm cầu', 0, 2, 2, as('editor'));
    const version = replicaOf(doc);
    settleTextSuggestions(headline(doc), 'all', true);
    typed(sapo(doc), 'Sáng nay, họp trực tuyến.', 13, 13, 24, as('sub'));
    restoreInto(doc, version, 'local');
    expect(headline(doc).toString()).toBe('6364 điểm cầu');
    expect(textSuggestions(headline(doc))).toEqual(textSuggestions(headline(version)));
    expect(sapo(doc).toString()).toBe('Sáng nay, họp.');
    expect(textSuggestions(sapo(doc))).toEqual([]);
    expect(readArticle(doc).headline).toBe('63 điểm cầu');
  });
});
