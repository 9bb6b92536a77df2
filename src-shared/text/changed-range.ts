/**
 * The one span where two texts differ, as an edit: `prev[start, endPrev)` becomes
 * `next[start, endNext)`. Null when the texts are equal.
 *
 * Where a text has repeated letters the span is ambiguous: deleting "Nhiều xã… đường. " before
 * "Những" can be read as deleting from "N" of "Nhiều" or from "iều" up to "Nh" of "Những" — the
 * same result here, but not for a concurrent edit on another desk, which Yjs places against
 * the characters themselves: read the wrong way, "Nh" of the deleted word is kept, "Nh" of
 * "Những" is deleted, and a word typed inside the deleted sentence ends up spliced into
 * "Nh…ững". So an edit is placed where the writer made it (`anchoredRange`, from the selection
 * before the input and the caret after it), and `changedRange` (common prefix first) is only
 * for callers that have no such position.
 */
export interface ChangedRange {
  readonly start: number;
  readonly endPrev: number;
  readonly endNext: number;
}

/** Where the writer acted: the selection before the input and the caret after it. */
export interface EditHint {
  readonly selStart: number;
  readonly selEnd: number;
  readonly caretAfter: number;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

export function changedRange(prev: string, next: string): ChangedRange | null {
  if (prev === next) return null;
  const start = commonPrefix(prev, next);
  const tail = commonSuffix(prev, next, Math.min(prev.length, next.length) - start);
  return { start, endPrev: prev.length - tail, endNext: next.length - tail };
}

/** Whether replacing `prev[start, endPrev)` by `next[start, endNext)` turns `prev` into `next`. */
function fits(prev: string, next: string, start: number, endPrev: number, endNext: number): boolean {
  if (!(start >= 0 && start <= endPrev && endPrev <= prev.length && start <= endNext && endNext <= next.length)) return false;
  if (prev.length - endPrev !== next.length - endNext) return false;
  return prev.slice(0, start) === next.slice(0, start) && prev.slice(endPrev) === next.slice(endNext);
}

/**
 * The edit the writer made, from where they acted: the selection they typed or pasted over
 * (or deleted), the character(s) Backspace took before a caret, or those Delete took after it —
 * the whole of what they selected, even where the new text happens to begin or end like the
 * old (select "Hà Giang…", type "H": the old "H" is gone and a new one typed, as a concurrent
 * deletion of the old headline on another desk must find). When the hint fits none of these
 * (a spelling fix away from the caret), the smallest edit nearest to it: of all the smallest
 * edits (they differ only by a shift inside repeated letters), the one starting nearest to
 * where the writer acted, which rewrites nothing the smallest edit keeps.
 */
export function anchoredRange(prev: string, next: string, hint: EditHint): ChangedRange | null {
  if (prev === next) return null;
  const { selStart, selEnd, caretAfter } = hint;
  const removedCount = prev.length - next.length;
  const readings: Array<[number, number, number]> = [
    [selStart, selEnd, caretAfter], // the selection replaced by what was typed (or by nothing)
    [caretAfter, selStart, caretAfter], // Backspace before a caret
    [selStart, selStart + removedCount, selStart], // Delete after a caret
  ];
  for (const [start, endPrev, endNext] of readings) {
    if (Number.isInteger(start) && fits(prev, next, start, endPrev, endNext)) return { start, endPrev, endNext };
  }
  const range = changedRange(prev, next)!;
  const removed = range.endPrev - range.start;
  const added = range.endNext - range.start;
  // Every start from `lowest` to `range.start` gives an edit of the same size with the same result.
  const fullTail = commonSuffix(prev, next, Math.min(prev.length, next.length));
  const lowest = Math.max(0, prev.length - fullTail - removed);
  const wanted = Math.min(selStart, caretAfter);
  const start = Number.isFinite(wanted) ? Math.min(range.start, Math.max(lowest, Math.trunc(wanted))) : range.start;
  return { start, endPrev: start + removed, endNext: start + added };
}
