/**
 * Whether a merge touched one same place on both sides: the headline, the lead or one block of
 * the body that this desk's text before the merge (`local`) and the other side's text
 * (`remote`) both differ from in the merged text. A block is followed by its identity in the
 * Yjs document (the element's id), not by its position, so a paragraph added above it on one
 * side does not make every paragraph below look changed. A block one side removed counts when
 * the other side had written in it (content the remover never saw went with it).
 */
import * as Y from 'yjs';
import { body, bodyLines, headline, sapo } from '../../../src-shared/article-doc';
import { lostInMerge, type LostText } from '../../../src-shared/lost-text';

interface Block {
  readonly text: string;
  readonly node: Y.XmlElement | Y.XmlText;
}

/** Each top-level block of the body by the id of its Yjs item, with its text. */
function blocks(doc: Y.Doc): Map<string, Block> {
  const nodes = body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText);
  const lines = bodyLines(doc);
  const out = new Map<string, Block>();
  nodes.forEach((node, i) => {
    const id = node._item?.id;
    if (id) out.set(`${id.client}:${id.clock}`, { text: lines[i] ?? '', node });
  });
  return out;
}

/** Whether a block holds content written where `known` (the other side's state vector) does not reach. */
function hasUnseen(node: Y.AbstractType<unknown>, known: Map<number, number>): boolean {
  for (let item = node._start; item; item = item.right) {
    if (item.id.clock >= (known.get(item.id.client) ?? 0)) return true;
    if (item.content instanceof Y.ContentType && hasUnseen(item.content.type as Y.AbstractType<unknown>, known)) return true;
  }
  return false;
}

function decode(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  return doc;
}

export function touchedOnBothSides(local: Uint8Array, remote: Uint8Array, merged: Uint8Array): boolean {
  const [l, r, m] = [decode(local), decode(remote), decode(merged)];
  try {
    for (const field of [headline, sapo]) {
      const mine = field(l).toString();
      const theirs = field(r).toString();
      const now = field(m).toString();
      if (mine !== now && theirs !== now) return true;
    }
    const [lb, rb, mb] = [blocks(l), blocks(r), blocks(m)];
    const [lKnown, rKnown] = [Y.decodeStateVector(Y.encodeStateVector(l)), Y.decodeStateVector(Y.encodeStateVector(r))];
    for (const id of new Set([...lb.keys(), ...rb.keys()])) {
      const [mine, theirs, now] = [lb.get(id), rb.get(id), mb.get(id)];
      if (mine && theirs) {
        if (now ? mine.text !== now.text && theirs.text !== now.text : mine.text !== theirs.text) return true;
      } else if (!now) {
        // Removed by one side (a block only one side ever had is still in the merge).
        if (mine && hasUnseen(mine.node as Y.AbstractType<unknown>, rKnown)) return true;
        if (theirs && hasUnseen(theirs.node as Y.AbstractType<unknown>, lKnown)) return true;
      }
    }
    return false;
  } finally {
    for (const d of [l, r, m]) d.destroy();
  }
}

/** Words either side typed into a paragraph the other side removed, lost from the merged text. */
export function lostTexts(local: Uint8Array, remote: Uint8Array, merged: Uint8Array): LostText[] {
  const [l, r, m] = [decode(local), decode(remote), decode(merged)];
  try {
    return lostInMerge(l, r, m);
  } finally {
    for (const d of [l, r, m]) d.destroy();
  }
}
