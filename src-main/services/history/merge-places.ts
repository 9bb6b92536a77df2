/**
 * Whether a merge touched one same place on both sides: the headline, the lead or one block of
 * the body that this desk's text before the merge (`local`) and the other side's text
 * (`remote`) both differ from in the merged text. A block is followed by its identity in the
 * Yjs document (the element's id), not by its position, so a paragraph added above it on one
 * side does not make every paragraph below look changed. A block the merge removed counts when
 * the two sides had it differently (one side's edit went with it).
 */
import * as Y from 'yjs';
import { body, bodyLines, headline, sapo } from '../../../src-shared/article-doc';

/** Each top-level block of the body by the id of its Yjs item, with its text. */
function blocks(doc: Y.Doc): Map<string, string> {
  const nodes = body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText);
  const lines = bodyLines(doc);
  const out = new Map<string, string>();
  nodes.forEach((node, i) => {
    const id = node._item?.id;
    if (id) out.set(`${id.client}:${id.clock}`, lines[i] ?? '');
  });
  return out;
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
    for (const [id, mine] of lb) {
      const theirs = rb.get(id);
      if (theirs === undefined) continue; // the block is on one side only
      const now = mb.get(id);
      if (now === undefined ? mine !== theirs : mine !== now && theirs !== now) return true;
    }
    return false;
  } finally {
    for (const d of [l, r, m]) d.destroy();
  }
}
