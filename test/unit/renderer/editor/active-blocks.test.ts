/**
 * The toolbar's pressed block states from one walk of the selection give Tiptap's own answers
 * (isNodeActive) for every selection of a document with headings, a quote and nested lists:
 * every text selection between two positions, every node selection, and the whole document.
 */
import { getSchema, isNodeActive } from '@tiptap/core';
import { EditorState, NodeSelection, TextSelection, AllSelection, type Selection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { activeBlocks, type BlockQuery } from '../../../../src-renderer/features/editor/active-blocks';

const QUERIES: BlockQuery[] = [{ type: 'heading', attrs: { level: 2 } }, { type: 'heading', attrs: { level: 3 } }, { type: 'paragraph' }, { type: 'blockquote' }, { type: 'bulletList' }, { type: 'orderedList' }, { type: 'listItem' }];

const schema = getSchema([StarterKit]);
const text = (t: string) => ({ type: 'text', text: t });
const para = (t: string) => ({ type: 'paragraph', content: [text(t)] });
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Mưa lớn')] },
    para('Sáng nay.'),
    { type: 'blockquote', content: [para('Lời kể.'), para('Hai.')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Ở xã')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para('Một'), { type: 'orderedList', content: [{ type: 'listItem', content: [para('1a')] }] }] },
        { type: 'listItem', content: [para('Hai')] },
      ],
    },
    para('Hết.'),
  ],
});

function selections(): Selection[] {
  const out: Selection[] = [new AllSelection(doc)];
  const textPositions: number[] = [];
  for (let pos = 0; pos <= doc.content.size; pos++) if (doc.resolve(pos).parent.inlineContent) textPositions.push(pos);
  for (const a of textPositions) for (const b of textPositions) if (a <= b) out.push(TextSelection.create(doc, a, b));
  doc.descendants((node, pos) => {
    if (NodeSelection.isSelectable(node)) out.push(NodeSelection.create(doc, pos));
  });
  return out;
}

describe('activeBlocks', () => {
  it("answers as Tiptap's isNodeActive for every selection", () => {
    const all = selections();
    expect(all.length).toBeGreaterThan(500);
    const pressed = QUERIES.map(() => 0);
    for (const selection of all) {
      const state = EditorState.create({ doc, selection });
      const ours = activeBlocks(state, QUERIES);
      const theirs = QUERIES.map((q) => isNodeActive(state, q.type, q.attrs ?? {}));
      expect(ours, `${selection.toJSON().type} ${selection.from}–${selection.to}`).toEqual(theirs);
      ours.forEach((on, i) => (pressed[i]! += on ? 1 : 0));
    }
    // Each button is pressed for some selections and not for others: the comparison means something.
    for (const n of pressed) expect(n > 0 && n < all.length).toBe(true);
  });
});
