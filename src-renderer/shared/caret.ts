/**
 * Where a caret should go when a field's text is replaced under it (a remote edit arrives, or
 * what was typed is normalised to NFC): text before the change keeps its offsets, text after
 * it shifts by the change in length, and a caret inside the changed run goes to its end.
 */
export function mapCaret(prev: string, next: string, pos: number): number {
  if (prev === next) return pos;
  const max = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < max && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  if (pos <= prefix) return pos;
  if (pos >= prev.length - suffix) return Math.min(next.length, pos + next.length - prev.length);
  return next.length - suffix;
}
