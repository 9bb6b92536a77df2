/**
 * Replicas of one article's Yjs document in a test, as two desks hold it: made from a common
 * state, edited apart, then merged the way a sync round merges them.
 */
import * as Y from 'yjs';

/** Sends each document's changes to the other, both ways. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** A second replica holding what `doc` holds now. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Two empty replicas that exchange their updates on demand. */
export function pair(): { a: Y.Doc; b: Y.Doc; sync(): void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return { a, b, sync: () => exchange(a, b) };
}
