import type { SearchHit } from '../../../src-shared/contract';
import { formatDateTime } from '../../../src-shared/format';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

/** How matched words stand out: bold on a terminal, [brackets] when the output goes to a file or a pipe. */
export interface Marker {
  readonly open: string;
  readonly close: string;
}
export const TERMINAL_MARK: Marker = { open: '\u001b[1m', close: '\u001b[22m' };
export const PLAIN_MARK: Marker = { open: '[', close: ']' };

/** The library's search (same service, same ranking), one line per hit, or the whole result as JSON. */
export async function search(desk: Desk, query: string, json: boolean, io: CliIo, mark: Marker): Promise<number> {
  const result = await desk.search.search({ query });
  if (json) {
    io.out(JSON.stringify(result, null, 2));
    return EXIT.ok;
  }
  if (result.total === 0) io.out(io.t('cli:noMatches'));
  for (const hit of result.hits) {
    const s = hit.summary;
    io.out(`${s.id}  ${s.status.padEnd(9)}  ${formatDateTime(s.createdAt)}  ${markedHeadline(hit, mark) || io.t('cli:untitled')}`);
  }
  if (result.total > result.hits.length) io.out(io.t('cli:moreMatches', { shown: result.hits.length, total: result.total }));
  return EXIT.ok;
}

export function markedHeadline(hit: SearchHit, mark: Marker): string {
  const h = hit.highlights.find((x) => x.field === 'headline');
  if (!h) return hit.summary.headline;
  let out = '';
  let at = 0;
  for (const [start, end] of h.ranges) {
    out += h.text.slice(at, start) + mark.open + h.text.slice(start, end) + mark.close;
    at = end;
  }
  return out + h.text.slice(at);
}
