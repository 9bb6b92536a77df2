/** Text with its matched words wrapped in <mark>. */
import type { SearchHighlight } from '../../../../src-shared/contract';

export function Marked({ text, ranges }: { readonly text: string; readonly ranges: SearchHighlight['ranges'] }) {
  const parts: Array<string | { readonly marked: string; readonly at: number }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ marked: text.slice(start, end), at: start });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <mark key={`${i}-${p.at}`}>{p.marked}</mark>))}</>;
}
