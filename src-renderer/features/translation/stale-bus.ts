/**
 * The stale blocks of a translation open on its article page, from the component that reads
 * the pair (StaleBlocks.tsx) to the body's decorations (stale-plugin.ts): per document, the
 * ids of the body blocks out of date with their source, and what the mark says.
 */
import type * as Y from 'yjs';

export interface StaleMarks {
  /** Body block id → the mark's label (its name and state, in the interface language). */
  readonly blocks: ReadonlyMap<string, string>;
}

const NONE: StaleMarks = { blocks: new Map() };
const marks = new WeakMap<Y.Doc, StaleMarks>();
const listeners = new WeakMap<Y.Doc, Set<() => void>>();

export const staleMarksOf = (doc: Y.Doc): StaleMarks => marks.get(doc) ?? NONE;

const same = (a: StaleMarks, b: StaleMarks): boolean => a.blocks.size === b.blocks.size && [...a.blocks].every(([id, label]) => b.blocks.get(id) === label);

export function setStaleMarks(doc: Y.Doc, next: StaleMarks): void {
  if (same(staleMarksOf(doc), next)) return;
  marks.set(doc, next);
  for (const fn of listeners.get(doc) ?? []) fn();
}

export function onStaleMarks(doc: Y.Doc, fn: () => void): () => void {
  let set = listeners.get(doc);
  if (!set) listeners.set(doc, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}
