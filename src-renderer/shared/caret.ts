/**
 * Where a caret should go when a field's text is replaced under it (a remote edit arrives, or
 * what was typed is normalised to NFC): text before the change keeps its offsets, text after
 * it shifts by the change in length, and a caret inside the changed run goes to its end.
 */
import { changedRange } from '../../src-shared/text/changed-range';

export function mapCaret(prev: string, next: string, pos: number): number {
  const range = changedRange(prev, next);
  if (!range) return pos;
  if (pos <= range.start) return pos;
  if (pos >= range.endPrev) return Math.min(next.length, pos + next.length - prev.length);
  return range.endNext;
}
