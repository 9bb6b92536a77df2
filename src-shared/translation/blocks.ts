/**
 * The blocks a translation pairs, each with a stable id: the headline and the lead (fixed ids)
 * and the body's top-level blocks (paragraphs, headings, quotes, lists, photos).
 *
 * A body block's id is its `blockId` attribute, stored in the Yjs document (the body editor's
 * global attribute, given to new blocks by its block-id plugin and kept unique on split and
 * paste). A block that has none yet (written before ids, by an import, the command line or the
 * sample) is named from the Yjs item that holds it — `y<client>.<clock>`, the same on every
 * replica — so two desks reading or writing an id for it at once agree (`writeBlockIds`).
 */
import * as Y from 'yjs';
import { body, textOf } from '../article-doc';
import { nfc } from '../text/vietnamese';

export const BLOCK_ID_ATTR = 'blockId';
export const HEADLINE_BLOCK = 'headline';
export const SAPO_BLOCK = 'sapo';

export type BlockKind = 'headline' | 'sapo' | 'paragraph' | 'heading' | 'photo' | 'other';

export interface Block {
  readonly id: string;
  readonly kind: BlockKind;
  /** Its plain text, NFC (marks dropped; '' for a photo). */
  readonly text: string;
  /** For a photo: the photo's id. */
  readonly photo?: string;
  /** The Yjs element in the body (absent for the headline and the lead). */
  readonly element?: Y.XmlElement;
}

/** The id a body element has, or the one its Yjs item gives it. */
export function blockIdOf(el: Y.XmlElement): string {
  const own = el.getAttribute(BLOCK_ID_ATTR) as unknown;
  if (typeof own === 'string' && own) return own;
  const item = el._item;
  return item ? `y${item.id.client}.${item.id.clock}` : '';
}

function textOfNode(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  }
  let out = '';
  for (const child of node.toArray()) if (child instanceof Y.XmlText || child instanceof Y.XmlElement) out += textOfNode(child);
  return out;
}

function kindOf(el: Y.XmlElement): BlockKind {
  const name = el.nodeName;
  return name === 'paragraph' || name === 'heading' || name === 'photo' ? name : 'other';
}

/** The body's top-level blocks in order. */
export function bodyBlocks(doc: Y.Doc): Block[] {
  const out: Block[] = [];
  for (const node of body(doc).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const kind = kindOf(node);
    const photo = kind === 'photo' ? (node.getAttribute('id') as unknown) : undefined;
    out.push({ id: blockIdOf(node), kind, text: nfc(textOfNode(node)), element: node, ...(typeof photo === 'string' ? { photo } : {}) });
  }
  return out;
}

/** The headline, the lead and the body's blocks: everything a translation pairs. */
export function articleBlocks(doc: Y.Doc): Block[] {
  return [
    { id: HEADLINE_BLOCK, kind: 'headline', text: nfc(textOf(doc, 'headline')) },
    { id: SAPO_BLOCK, kind: 'sapo', text: nfc(textOf(doc, 'sapo')) },
    ...bodyBlocks(doc),
  ];
}

/**
 * Writes its id into every body block that has none (the one its Yjs item gives it): done when
 * an article enters a pair, so the ids the translation records are in the document from then
 * on, whatever the editor later does with the block.
 */
export function writeBlockIds(doc: Y.Doc): number {
  let n = 0;
  doc.transact(() => {
    for (const node of body(doc).toArray()) {
      if (!(node instanceof Y.XmlElement)) continue;
      const own = node.getAttribute(BLOCK_ID_ATTR) as unknown;
      if (typeof own === 'string' && own) continue;
      node.setAttribute(BLOCK_ID_ATTR, blockIdOf(node));
      n++;
    }
  });
  return n;
}

/**
 * A 53-bit hash (cyrb53) of a block's NFC plain text, as 14 hex digits: what a translated block
 * records of its source. Only the text counts, so formatting, metadata and saves change nothing.
 */
export function textHash(text: string): string {
  const s = nfc(text);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

let counter = 0;
/** A new block id, unique across desks (random, with a counter against two in one millisecond). */
export function newBlockId(): string {
  counter = (counter + 1) % 1679616;
  const rand = Math.floor(Math.random() * 2 ** 40).toString(36);
  return `b${Date.now().toString(36)}${counter.toString(36)}${rand}`;
}
