/**
 * Property: two desks edit one body apart — one writes plainly and sometimes suggests, the
 * other suggests — then sync. Both hold the same suggestions on the same words; every
 * proposed text survives the merge (nobody deleted text plainly), each suggestion stays one
 * author's, and accepting or rejecting all of them gives the same text on both desks. Both desks
 * also comment on random words meanwhile: every comment sits on the same words on both.
 */
import type { Schema } from '@tiptap/pm/model';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText, setBodyLines } from '../../../../src-shared/article-doc';
import { addComment, anchorAt, listThreads } from '../../../../src-shared/comments';
import { openSuggestions } from '../../../../src-shared/suggestions';
import { listSuggestions, settle } from '../../../../src-renderer/features/editor/suggest/resolve';
import { suggestTransaction, type SuggestContext } from '../../../../src-renderer/features/editor/suggest/transform';
import { exchange, replicaOf } from '../../../support/replicas';
import { seededRandom } from '../../../support/seeded';
import { bodySchema, stateOf, writeState, writer } from '../../../support/suggest-state';

let schema: Schema;
beforeAll(async () => {
  schema = await bodySchema();
});

const WORDS = ['điểm', 'cầu', 'Hà Nội', 'tỉnh', 'họp', '63', 'người', 'dân', 'đường'];

/** Text positions of the document (inside text blocks), in order. */
function textPositions(state: EditorState): number[] {
  const out: number[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return false;
  });
  return out;
}

/** One random edit of a desk: plain (the reporter) or suggested. */
function randomEdit(state: EditorState, rand: () => number, ctx: SuggestContext | null): EditorState {
  const positions = textPositions(state);
  const pick = () => positions[Math.floor(rand() * positions.length)]!;
  const word = WORDS[Math.floor(rand() * WORDS.length)]!;
  const r = rand();
  let tr = state.tr;
  if (!ctx) {
    // The reporter writes on plainly: words and new paragraphs, never deleting others' text.
    const at = pick();
    if (r < 0.8) tr = tr.insertText(` ${word}`, at);
    else tr = tr.split(at);
  } else {
    const a = pick();
    const b = pick();
    const [from, to] = a <= b ? [a, b] : [b, a];
    const sameBlock = state.doc.resolve(from).parent === state.doc.resolve(to).parent;
    if (r < 0.35) tr = tr.insertText(word, a);
    else if (r < 0.6 && sameBlock && to > from) tr = tr.delete(from, Math.min(to, from + 6));
    else if (r < 0.85 && sameBlock && to > from) tr = tr.insertText(word, from, Math.min(to, from + 4));
    else if (to > from) tr = tr.addMark(from, to, schema.marks.bold!.create());
    else tr = tr.insertText(word, a);
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(tr.mapping.map(a), tr.doc.content.size))));
    const out = suggestTransaction(state, tr, ctx);
    return state.apply(out!);
  }
  return state.apply(tr);
}

/** The suggestions of a desk as comparable facts: id, author, kinds and text. */
function facts(state: EditorState) {
  return listSuggestions(state.doc)
    .map(({ id, author, kinds, text }) => ({ id, author, kinds: [...kinds].sort(), text }))
    .sort((x, y) => x.id.localeCompare(y.id));
}

function settleAll(state: EditorState, accept: boolean): string {
  const tr = settle(state, listSuggestions(state.doc), accept);
  const doc = (tr ? state.apply(tr) : state).doc;
  return doc.textBetween(0, doc.content.size, '\n');
}

/** A comment on random words of the body, as a desk's Ctrl+Alt+M makes it. */
function randomComment(doc: Y.Doc, rand: () => number, author: string): void {
  const whole = bodyText(doc);
  if (whole.length < 2) return;
  const start = Math.floor(rand() * (whole.length - 1));
  const anchor = anchorAt(doc, 'body', start, Math.min(whole.length, start + 1 + Math.floor(rand() * 12)));
  if (anchor) addComment(doc, anchor, { author, text: 'Xem lại' });
}

describe('suggestions merged from two desks', () => {
  it('are the same on both desks, whole, each one author’s, and comments sit on the same words (random concurrent edits and comments)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = seededRandom(seed);
      const reporterDoc = new Y.Doc();
      setBodyLines(reporterDoc, ['Hội nghị trực tuyến với 63 điểm cầu.', 'Nhiều xã đã huy động dân làm đường.', 'Những kết quả rất tốt.']);
      const editorDoc = replicaOf(reporterDoc);
      const editor = writer('bientap');
      const reporterSuggests = writer('phongvien');
      for (let round = 0; round < 4; round++) {
        /** This round's suggestions proposing text: new Yjs items of one desk, which no merge can take over. */
        const proposed = new Set<string>();
        // Each desk makes a few edits offline, written to its Y.Doc after each as the binding does.
        for (const [doc, ctxOf] of [
          [reporterDoc, () => (rand() < 0.3 ? reporterSuggests : null)],
          [editorDoc, () => editor],
        ] as const) {
          let state = stateOf(doc, schema);
          const before = new Set(listSuggestions(state.doc).map((x) => x.id));
          for (let i = 0; i < 3; i++) {
            state = randomEdit(state, rand, ctxOf());
            writeState(doc, state);
          }
          if (rand() < 0.6) randomComment(doc, rand, doc === editorDoc ? 'bientap' : 'phongvien');
          for (const s of listSuggestions(state.doc)) if (s.kinds.includes('insert') && !before.has(s.id)) proposed.add(s.id);
        }
        exchange(reporterDoc, editorDoc);
        const a = stateOf(reporterDoc, schema);
        const b = stateOf(editorDoc, schema);
        expect(a.doc.eq(b.doc), `seed ${seed}, round ${round}`).toBe(true);
        expect(facts(a)).toEqual(facts(b));
        // Every comment on the same words on both desks, the words it shows being the text there.
        const threads = listThreads(reporterDoc);
        expect(listThreads(editorDoc), `seed ${seed}, round ${round}`).toEqual(threads);
        for (const t of threads) if (!t.detached) expect(bodyText(reporterDoc).slice(t.range!.start, t.range!.end)).toBe(t.current);
        // Nobody deleted text plainly: every proposed text is still there, proposed. (Two desks
        // striking or formatting the same letters at once keep one record of it: the same
        // letters stay struck or formatted, under one of the two names — the same on both.)
        const ids = new Set(facts(a).map((f) => f.id));
        for (const id of proposed) expect(ids.has(id), `seed ${seed}: suggestion ${id} lost`).toBe(true);
        // One author per suggestion, as the document stores them too (what exports and the checklist read).
        for (const [id, attrs] of openSuggestions(reporterDoc)) expect(facts(a).find((f) => f.id === id)?.author).toBe(attrs.author);
        expect(settleAll(a, true)).toBe(settleAll(b, true));
        expect(settleAll(a, false)).toBe(settleAll(b, false));
      }
    }
  }, 60_000);
});
