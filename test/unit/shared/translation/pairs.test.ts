/** Translation pairs: links both ways, stable block ids, and the stale rule (only the source's words count). */
import type { Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, initArticle, meta, sapo, setBodyLines, setText, workflow, writeMeta } from '../../../../src-shared/article-doc';
import { articleBlocks, BLOCK_ID_ATTR, bodyBlocks, HEADLINE_BLOCK, SAPO_BLOCK } from '../../../../src-shared/translation/blocks';
import { translationLinks, translationOf, translationsOf } from '../../../../src-shared/translation/links';
import { confirmBlock, createTranslation, translationState, writeBlock } from '../../../../src-shared/translation/pairs';
import { BlockIds } from '../../../../src-renderer/features/editor/block-ids';
import { restyleArticle } from '../../../../src-shared/spell/restyle-article';
import { bodySchema, stateOf, writeState } from '../../../support/suggest-state';

const AT = '2022-01-13T10:53:00.000Z';
const PARAS = ['Đoạn một về cơn bão số 3.', 'Đoạn hai: 63 tỉnh thành họp trực tuyến.', 'Đoạn ba nói về đê điều.', 'Đoạn bốn kết thúc.'];

function vietnamese(): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: 'vi-1', language: 'vi', createdAt: AT, section: 'Thời sự' });
  doc.transact(() => {
    headline(doc).insert(0, 'Bão số 3 đổ bộ');
    sapo(doc).insert(0, 'Sáng nay, bão vào đất liền.');
  });
  setBodyLines(doc, PARAS);
  return doc;
}

/** A source and its English translation with every text block written. */
function translated(): { vi: Y.Doc; en: Y.Doc } {
  const vi = vietnamese();
  const en = new Y.Doc();
  createTranslation(vi, en, { id: 'en-1', language: 'en', createdAt: AT });
  const blocks = articleBlocks(en);
  blocks.forEach((b, i) => expect(writeBlock(vi, en, b.id, `English ${i}`, AT)).toBe(true));
  return { vi, en };
}

const states = (vi: Y.Doc, en: Y.Doc) => translationState(vi, en).pairs.map((p) => p.state);

describe('a translation', () => {
  it('is linked both ways, with the source structure, empty and untranslated', () => {
    const vi = vietnamese();
    const en = new Y.Doc();
    createTranslation(vi, en, { id: 'en-1', language: 'en', createdAt: AT });
    expect(translationOf(en)).toEqual({ id: 'vi-1', language: 'vi' });
    expect(translationsOf(vi)).toEqual({ en: 'en-1' });
    expect(meta(en).get('language')).toBe('en');
    expect(bodyBlocks(en).map((b) => b.text)).toEqual(['', '', '', '']);
    // The source's blocks have their ids in the document now.
    for (const el of body(vi).toArray()) expect(typeof (el as Y.XmlElement).getAttribute(BLOCK_ID_ATTR)).toBe('string');
    const state = translationState(vi, en);
    expect(state.pairs.map((p) => p.sourceId.slice(0, 8))).toEqual([HEADLINE_BLOCK, SAPO_BLOCK, ...bodyBlocks(vi).map((b) => b.id.slice(0, 8))]);
    expect(state.untranslated).toBe(6);
    expect(state.stale).toBe(0);
  });

  it('keeps both links when two desks translate at once', () => {
    const a = vietnamese();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    createTranslation(a, new Y.Doc(), { id: 'en-a', language: 'en', createdAt: '2022-01-13T10:00:00.000Z' });
    createTranslation(b, new Y.Doc(), { id: 'en-b', language: 'en', createdAt: '2022-01-13T11:00:00.000Z' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(translationLinks(a).map((l) => l.id)).toEqual(['en-a', 'en-b']);
    expect(translationsOf(b)).toEqual({ en: 'en-a' });
    // Both wrote the same ids into the source's blocks (the ones their Yjs items give them).
    expect(bodyBlocks(a).map((x) => x.id)).toEqual(bodyBlocks(b).map((x) => x.id));
  });

  it('is fresh once written; a metadata, status or formatting-only change marks nothing', () => {
    const { vi, en } = translated();
    expect(states(vi, en)).toEqual(['fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'fresh']);
    writeMeta(vi, 'section', 'Kinh tế', { id: 's1', by: 'An' });
    workflow(vi).set('status', 'approved');
    const p2 = body(vi).get(1) as Y.XmlElement;
    (p2.get(0) as Y.XmlText).format(0, 5, { bold: true });
    expect(translationState(vi, en).stale).toBe(0);
    // The source put in the other tone-mark style: no word changed.
    setText(headline(vi), 'Bão số 3 đổ bộ, thủy điện xả lũ');
    confirmBlock(vi, en, HEADLINE_BLOCK, AT);
    restyleArticle(vi, 'modern');
    expect(headline(vi).toString()).toBe('Bão số 3 đổ bộ, thuỷ điện xả lũ');
    expect(translationState(vi, en).stale).toBe(0);
  });

  it('marks only pair 2 stale when paragraph 2 changes, with the source words changed; confirm or a write clears it', () => {
    const { vi, en } = translated();
    const p2 = (body(vi).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    setText(p2, 'Đoạn hai: 64 tỉnh thành họp trực tuyến.');
    const state = translationState(vi, en);
    expect(state.pairs.map((p) => p.state)).toEqual(['fresh', 'fresh', 'fresh', 'stale', 'fresh', 'fresh']);
    expect(state.stale).toBe(1);
    const pair = state.pairs[3]!;
    expect(pair.diff!.filter((s) => s.op !== 'same')).toEqual([
      { op: 'removed', text: '63' },
      { op: 'added', text: '64' },
    ]);
    expect(confirmBlock(vi, en, pair.targets[0]!.id, AT)).toBe(true);
    expect(translationState(vi, en).stale).toBe(0);
    setText(headline(vi), 'Bão số 3 đổ bộ Quảng Ninh');
    expect(states(vi, en)[0]).toBe('stale');
    writeBlock(vi, en, HEADLINE_BLOCK, 'Typhoon No. 3 makes landfall in Quảng Ninh', AT);
    expect(states(vi, en)[0]).toBe('fresh');
  });

  it('shows a new source block as untranslated and a deleted one as an orphaned translation block', () => {
    const { vi, en } = translated();
    body(vi).delete(2, 1); // paragraph 3 gone
    setBodyLines(vi, [PARAS[0]!, PARAS[1]!, PARAS[3]!, 'Đoạn mới.']);
    const state = translationState(vi, en);
    expect(state.pairs.map((p) => p.state)).toEqual(['fresh', 'fresh', 'fresh', 'fresh', 'orphaned', 'fresh', 'untranslated']);
    expect(state.pairs[4]!.targets[0]!.text).toBe('English 4');
    expect(state.pairs[6]!.source!.text).toBe('Đoạn mới.');
    expect(state.orphaned).toBe(1);
  });

  it('takes a second translation block (a split paragraph) into the pair before it', () => {
    const { vi, en } = translated();
    const extra = new Y.XmlElement('paragraph');
    extra.insert(0, [new Y.XmlText('more English')]);
    body(en).insert(1, [extra]);
    const pairs = translationState(vi, en).pairs;
    expect(pairs).toHaveLength(6);
    expect(pairs[2]!.targets.map((t) => t.text)).toEqual(['English 2', 'more English']);
  });
});

describe('block ids in the editor', () => {
  let schema: Schema;
  beforeAll(async () => {
    schema = await bodySchema();
  });

  const plugin = () => (BlockIds.config.addProseMirrorPlugins as () => unknown[]).call({ name: 'blockIds', options: {}, storage: {} })[0] as never;

  it('round-trip through y-tiptap, survive a suggestion mark, and stay unique on split and paste', () => {
    const { vi, en } = translated();
    const before = bodyBlocks(vi).map((b) => b.id);
    let state = EditorState.create({ schema, doc: stateOf(vi, schema).doc, plugins: [plugin()] });
    expect(state.doc.child(1).attrs[BLOCK_ID_ATTR]).toBe(before[1]);
    // A suggestion mark and bold on paragraph 2, written back by the binding: ids kept, nothing stale.
    const start = 1 + state.doc.child(0).nodeSize + 1;
    state = state.apply(state.tr.addMark(start, start + 4, schema.marks.suggestDelete!.create({ id: 's1', author: 'An', at: AT })).addMark(start, start + 4, schema.marks.bold!.create()));
    writeState(vi, state);
    expect(bodyBlocks(vi).map((b) => b.id)).toEqual(before);
    // Split paragraph 1: the first half keeps its id, the new half gets a new one.
    const tr = state.tr.setSelection(TextSelection.create(state.doc, 5)).split(5);
    const result = state.applyTransaction(tr);
    state = result.state;
    const ids = [] as string[];
    state.doc.forEach((n) => ids.push(n.attrs[BLOCK_ID_ATTR] as string));
    expect(ids[0]).toBe(before[0]);
    expect(new Set(ids).size).toBe(5);
    // A pasted copy of paragraph 3 (same id) gets its own.
    const copy = state.doc.child(3);
    state = state.applyTransaction(state.tr.insert(state.doc.content.size, copy)).state;
    const after = [] as string[];
    state.doc.forEach((n) => after.push(n.attrs[BLOCK_ID_ATTR] as string));
    expect(new Set(after).size).toBe(6);
    expect(after[3]).toBe(before[2]);
    writeState(vi, state);
    expect(bodyBlocks(vi).map((b) => b.id)).toEqual(after);
    // The pairs still hold: paragraph 1's first half is its pair, the split and the paste add untranslated... none stale by formatting.
    const st = translationState(vi, en);
    expect(st.pairs.filter((p) => p.state === 'untranslated')).toHaveLength(2);
    expect(st.pairs.find((p) => p.sourceId === before[1])!.state).toBe('fresh');
  });
});
