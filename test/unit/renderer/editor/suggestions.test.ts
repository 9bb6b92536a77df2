/**
 * Suggestion mode on real ProseMirror states of the body's schema: what suggesting records,
 * what accepting and rejecting make of it, and that the marks survive the Yjs binding.
 */
import type { Schema } from '@tiptap/pm/model';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setBodyLines } from '../../../../src-shared/article-doc';
import { listSuggestions, settle, settleCommand, suggestionsAt } from '../../../../src-renderer/features/editor/suggest/resolve';
import { suggestTransaction, type SuggestContext } from '../../../../src-renderer/features/editor/suggest/transform';
import { bodySchema, posOf, stateOf, writeState, writer, type Edit } from '../../../support/suggest-state';

let schema: Schema;
beforeAll(async () => {
  schema = await bodySchema();
});

const LEAD = 'Hội nghị trực tuyến với 63 điểm cầu.';

function start(lines: readonly string[] = [LEAD]): EditorState {
  const doc = new Y.Doc();
  setBodyLines(doc, lines);
  return stateOf(doc, schema);
}

function suggest(state: EditorState, edit: Edit, ctx: SuggestContext): EditorState {
  const out = suggestTransaction(state, edit(state), ctx);
  if (!out) throw new Error('no suggestion marks in the schema');
  return state.apply(out);
}

/** Types `text` one character per transaction at the caret, as keys do. */
function type(state: EditorState, at: number, text: string, ctx: SuggestContext): EditorState {
  let s = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  for (const ch of text) s = suggest(s, (x) => x.tr.insertText(ch), ctx);
  return s;
}

const text = (s: EditorState) => s.doc.textBetween(0, s.doc.content.size, '\n');
const acceptAll = (s: EditorState) => s.apply(settle(s, listSuggestions(s.doc), true)!);
const rejectAll = (s: EditorState) => s.apply(settle(s, listSuggestions(s.doc), false)!);

describe('suggesting', () => {
  it('records typed letters as one insertion by its author and time', () => {
    const ed = writer('bientap');
    const s = type(start(), posOf(start(), '63'), 'khoảng ', ed);
    expect(text(s)).toBe('Hội nghị trực tuyến với khoảng 63 điểm cầu.');
    const [one, ...more] = listSuggestions(s.doc);
    expect(more).toEqual([]);
    expect(one).toMatchObject({ author: 'bientap', at: ed.now, kinds: ['insert'], text: 'khoảng ' });
  });

  it('replaces "63" by "64" as one suggestion: accept gives 64, reject gives 63', () => {
    const s0 = start();
    const at = posOf(s0, '63');
    const s = suggest(s0, (x) => x.tr.insertText('64', at, at + 2), writer('bientap'));
    expect(text(s)).toBe('Hội nghị trực tuyến với 6364 điểm cầu.'); // struck 63, proposed 64
    const all = listSuggestions(s.doc);
    expect(all).toHaveLength(1);
    expect(all[0]!.kinds).toEqual(['delete', 'insert']);
    expect(text(acceptAll(s))).toBe('Hội nghị trực tuyến với 64 điểm cầu.');
    expect(text(rejectAll(s))).toBe(LEAD);
    expect(listSuggestions(acceptAll(s).doc)).toEqual([]);
  });

  it('strikes with Backspace and moves the caret back over what it struck; removes the writer’s own proposed letters for real', () => {
    const ed = writer('bientap');
    const s0 = start();
    const end = posOf(s0, ' điểm');
    let s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, end)));
    const backspace = (x: EditorState) => x.tr.delete(x.selection.from - 1, x.selection.from);
    s = suggest(s, backspace, ed);
    s = suggest(s, backspace, ed);
    expect(text(s)).toBe(LEAD); // nothing gone yet
    expect(s.selection.from).toBe(end - 2);
    expect(listSuggestions(s.doc)).toMatchObject([{ kinds: ['delete'], text: '63' }]);
    s = type(s, s.selection.from, '6', ed);
    s = suggest(s, backspace, ed); // the proposed 6 simply goes
    expect(text(s)).toBe(LEAD);
    expect(listSuggestions(s.doc)).toMatchObject([{ kinds: ['delete'], text: '63' }]);
  });

  it('moves the caret forward over what Delete struck, so the next Delete strikes the next letter', () => {
    const ed = writer('bientap');
    const s0 = start();
    const at = posOf(s0, '63');
    let s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, at)));
    const del = (x: EditorState) => x.tr.delete(x.selection.from, x.selection.from + 1);
    s = suggest(s, del, ed);
    s = suggest(s, del, ed);
    expect(listSuggestions(s.doc)).toMatchObject([{ kinds: ['delete'], text: '63' }]);
    expect(text(acceptAll(s))).toBe('Hội nghị trực tuyến với  điểm cầu.');
  });

  it('strikes another author’s proposed text instead of removing it', () => {
    const s0 = start();
    const s1 = type(s0, posOf(s0, '63'), 'gần ', writer('phongvien'));
    const at = posOf(s1, 'gần ');
    const s2 = suggest(s1, (x) => x.tr.delete(at, at + 4), writer('bientap'));
    expect(text(s2)).toBe(text(s1));
    const kinds = listSuggestions(s2.doc).map((x) => [x.author, x.kinds]);
    expect(kinds).toEqual([
      ['phongvien', ['insert']],
      ['bientap', ['delete']],
    ]);
  });

  it('proposes bold: accept keeps it, reject takes it away', () => {
    const s0 = start();
    const at = posOf(s0, '63 điểm cầu');
    const s = suggest(s0, (x) => x.tr.addMark(at, at + 11, schema.marks.bold!.create()), writer('bientap'));
    const bold = (x: EditorState) => x.doc.rangeHasMark(at, at + 11, schema.marks.bold!);
    expect(bold(s)).toBe(true);
    expect(listSuggestions(s.doc)).toMatchObject([{ kinds: ['format'], text: '63 điểm cầu' }]);
    expect(bold(acceptAll(s))).toBe(true);
    expect(listSuggestions(acceptAll(s).doc)).toEqual([]);
    expect(bold(rejectAll(s))).toBe(false);
    expect(listSuggestions(rejectAll(s).doc)).toEqual([]);
  });

  it('pastes paragraphs as proposed text; rejecting takes the text away', () => {
    const s0 = start(['Đoạn một.', 'Đoạn hai.']);
    const at = posOf(s0, 'một') + 3;
    const pasted = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, schema.text(' Chen A')), schema.nodes.paragraph!.create(null, schema.text('Chen B '))]);
    const slice = pasted.slice(1, pasted.content.size - 1, true);
    const s = suggest(s0, (x) => x.tr.replace(at, at, slice), writer('bientap'));
    expect(listSuggestions(s.doc).map((x) => x.text)).toEqual([' Chen AChen B ']);
    expect(rejectAll(s).doc.textContent).toBe('Đoạn một.Đoạn hai.');
  });
});

describe('settling', () => {
  it('accepts only the suggestion at the caret, then all, per author', () => {
    const s0 = start(['Một hai ba.']);
    let s = type(s0, posOf(s0, 'hai'), 'X', writer('a'));
    s = type(s, posOf(s, 'ba'), 'Y', writer('b'));
    expect(listSuggestions(s.doc).map((x) => x.author)).toEqual(['a', 'b']);
    const caret = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posOf(s, 'Y') + 1)));
    let settled: EditorState | null = null;
    expect(settleCommand(caret, (tr) => void (settled = caret.apply(tr)), 'here', false)).toBe(true);
    expect(text(settled!)).toBe('Một Xhai ba.');
    expect(listSuggestions(settled!.doc).map((x) => x.author)).toEqual(['a']);
    expect(suggestionsAt(settled!.doc, 1, 1)).toEqual([]);
    expect(text(acceptAll(s))).toBe('Một Xhai Yba.');
  });

  it('settles a selection: every suggestion it touches, whole', () => {
    const s0 = start(['Một hai ba bốn.']);
    let s = type(s0, posOf(s0, 'hai'), 'X', writer('a'));
    s = type(s, posOf(s, 'ba'), 'Y', writer('a'));
    s = type(s, posOf(s, 'bốn'), 'Z', writer('a'));
    const sel = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posOf(s, 'X'), posOf(s, 'Y') + 1)));
    let settled: EditorState | null = null;
    settleCommand(sel, (tr) => void (settled = sel.apply(tr)), 'here', false);
    expect(text(settled!)).toBe('Một hai ba Zbốn.');
  });

  it('is an ordinary change, never turned into a suggestion', () => {
    const s0 = start();
    const at = posOf(s0, '63');
    const s = suggest(s0, (x) => x.tr.insertText('64', at, at + 2), writer('bientap'));
    const tr = settle(s, listSuggestions(s.doc), true)!;
    expect(tr.getMeta('suggestSettling')).toBe(true);
  });
});

describe('through the Yjs binding', () => {
  it('keeps each suggestion’s marks, author and time when written and read back', () => {
    const doc = new Y.Doc();
    setBodyLines(doc, [LEAD]);
    const s0 = stateOf(doc, schema);
    const at = posOf(s0, '63');
    const s = suggest(s0, (x) => x.tr.insertText('64', at, at + 2), writer('bientap'));
    writeState(doc, s);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const back = stateOf(other, schema);
    expect(back.doc.eq(s.doc)).toBe(true);
    expect(listSuggestions(back.doc).map(({ id, author, at: time, kinds, text: t }) => ({ id, author, time, kinds, t }))).toEqual(
      listSuggestions(s.doc).map(({ id, author, at: time, kinds, text: t }) => ({ id, author, time, kinds, t })),
    );
  });
});
