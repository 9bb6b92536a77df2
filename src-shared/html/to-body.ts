/**
 * Clean HTML → the article body (`Y.XmlFragment`) in exactly the shape Tiptap 3's Collaboration
 * extension (y-tiptap, as y-prosemirror) reads and writes, so the editor shows it unchanged:
 *
 * - block nodes are `Y.XmlElement`s named after the ProseMirror node: `paragraph`, `heading`
 *   (attribute `level`, a number), `blockquote` > `paragraph`, `bulletList` / `orderedList`
 *   (attribute `start`) > `listItem` > `paragraph`; a line break is a `hardBreak` element;
 * - text is a `Y.XmlText` holding consecutive text, each mark a formatting attribute named after
 *   it whose value is the mark's attributes: `bold: {}`, `italic: {}`, `link: { href }`.
 */
import * as Y from 'yjs';
import { assertNever } from '../errors';
import type { Block, Run } from './blocks';
import { cleanBlocks } from './clean';

function inlineNodes(runs: readonly Run[]): Array<Y.XmlText | Y.XmlElement> {
  const out: Array<Y.XmlText | Y.XmlElement> = [];
  let delta: Array<{ insert: string; attributes: Record<string, unknown> }> = [];
  const flushText = () => {
    if (!delta.length) return;
    const text = new Y.XmlText();
    text.applyDelta(delta);
    out.push(text);
    delta = [];
  };
  for (const run of runs) {
    if (run.kind === 'break') {
      flushText();
      out.push(new Y.XmlElement('hardBreak'));
      continue;
    }
    const attributes: Record<string, unknown> = {};
    if (run.bold) attributes['bold'] = {};
    if (run.italic) attributes['italic'] = {};
    if (run.href) attributes['link'] = { href: run.href };
    delta.push({ insert: run.text, attributes });
  }
  flushText();
  return out;
}

function element(name: string, children: ReadonlyArray<Y.XmlText | Y.XmlElement>, attrs: Readonly<Record<string, number>> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  // XmlElement attributes are typed as strings, but y-prosemirror stores ProseMirror's values as they are (level: 2).
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as unknown as string);
  if (children.length) el.insert(0, [...children]);
  return el;
}

/** Tiptap's list item holds a paragraph first (`paragraph block*`). */
function listItemBlocks(item: readonly Block[]): readonly Block[] {
  const [first, ...rest] = item;
  if (!first) return [{ kind: 'paragraph', runs: [] }];
  if (first.kind === 'paragraph') return item;
  if (first.kind === 'heading') return [{ kind: 'paragraph', runs: first.runs }, ...rest];
  return [{ kind: 'paragraph', runs: [] }, ...item];
}

function blockNode(block: Block): Y.XmlElement {
  switch (block.kind) {
    case 'paragraph':
      return element('paragraph', inlineNodes(block.runs));
    case 'heading':
      return element('heading', inlineNodes(block.runs), { level: block.level });
    case 'blockquote':
      return element('blockquote', block.blocks.map(blockNode));
    case 'list':
      return element(
        block.ordered ? 'orderedList' : 'bulletList',
        block.items.map((item) => element('listItem', listItemBlocks(item).map(blockNode))),
        block.ordered ? { start: 1 } : {},
      );
    default:
      return assertNever(block);
  }
}

/** Replaces the body with `blocks`, in one transaction when the fragment is in a document. */
export function blocksToBody(blocks: readonly Block[], fragment: Y.XmlFragment): void {
  const run = () => {
    if (fragment.length) fragment.delete(0, fragment.length);
    const nodes = blocks.map(blockNode);
    if (nodes.length) fragment.insert(0, nodes);
  };
  if (fragment.doc) fragment.doc.transact(run);
  else run();
}

/** Replaces the body with `html` (cleaned again on the way, so any HTML is safe here). */
export function htmlToBody(html: string, fragment: Y.XmlFragment): void {
  blocksToBody(cleanBlocks(html, { detect: false }), fragment);
}
