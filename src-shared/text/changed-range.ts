/**
 * The one span where two texts differ: their common prefix and suffix are kept, so an edit
 * touches only what changed (`prev[start, endPrev)` becomes `next[start, endNext)`).
 * Null when the texts are equal.
 */
export interface ChangedRange {
  readonly start: number;
  readonly endPrev: number;
  readonly endNext: number;
}

export function changedRange(prev: string, next: string): ChangedRange | null {
  if (prev === next) return null;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  return { start, endPrev, endNext };
}
