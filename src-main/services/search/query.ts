/** A search query as the index uses it: its words' keys, the last one a prefix while it is being typed. */
import { tokenize } from '../../../src-shared/text/search-key';
import { nfc } from '../../../src-shared/text/vietnamese';

export interface QueryTerm {
  readonly key: string;
  /** True for the last word when the query does not end with a space or punctuation ("dan v" → "v…"). */
  readonly prefix: boolean;
}

/** At most this many words count; more narrow nothing a reader would notice. */
export const MAX_QUERY_TERMS = 16;

export function parseQuery(query: string): readonly QueryTerm[] {
  const text = nfc(query);
  const tokens = tokenize(text);
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    const prefix = i === tokens.length - 1 && t.end === text.length;
    const id = `${t.key}${prefix ? '*' : ''}`;
    if (seen.has(id) || out.length >= MAX_QUERY_TERMS) return;
    seen.add(id);
    out.push({ key: t.key, prefix });
  });
  return out;
}
