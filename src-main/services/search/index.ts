/**
 * The in-memory full-text index: every article's words as term numbers, in order, with where
 * each word starts in its field, so one pass over a candidate scores it (field weights,
 * BM25-like saturation, words next to each other in the query's order) and highlights come
 * straight from the stored offsets.
 *
 * Matching needs no inverted lists: each article keeps its distinct terms sorted, and an exact
 * query word is a binary search there — over 10,000 articles that is far under a millisecond
 * per word, and an update only replaces one article's arrays.
 */
import { forEachWord, searchKey, wordEnd } from '../../../src-shared/text/search-key';
import { FIELD_WEIGHT, SEARCH_FIELDS, type ArticleTexts } from './fields';
import type { QueryTerm } from './query';
import type { SearchHighlight } from '../../../src-shared/contract';

const FIELD_COUNT = SEARCH_FIELDS.length;
const WEIGHTS = SEARCH_FIELDS.map((f) => FIELD_WEIGHT[f]);
/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** What two query words found side by side, in order, add (times the field's weight). */
const PHRASE_BONUS = 0.6;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;

interface Indexed {
  readonly id: string;
  readonly texts: ArticleTexts;
  /** Term numbers of every word, field after field (SEARCH_FIELDS order). */
  readonly seq: Uint32Array;
  /** Start of each word in its field's text. */
  readonly starts: Uint32Array;
  /** Field f holds words bounds[f] to bounds[f + 1]. */
  readonly bounds: Uint32Array;
  /** The distinct term numbers, ascending. */
  readonly uniq: Uint32Array;
}

/** A query made ready for one index: each term number mapped to the query words it satisfies. */
export interface PreparedQuery {
  readonly size: number;
  /** Bit i set: the term satisfies query word i. */
  readonly masks: Uint32Array;
  /** For each exact word, its term number; -1 for the prefix word. */
  readonly exact: readonly number[];
  readonly idf: readonly number[];
  /** False when some word matches nothing: no article can match. */
  readonly possible: boolean;
}

export interface Match {
  readonly id: string;
  readonly score: number;
}

export type Highlight = SearchHighlight;

export class SearchIndex {
  private readonly terms = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly df: number[] = [];
  /** Words as written → term number, so a word seen before is not folded again. */
  private readonly words = new Map<string, number>();
  private readonly docs = new Map<string, Indexed>();
  private readonly fieldWords = new Float64Array(FIELD_COUNT);
  private byKey: Uint32Array | null = null;

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  texts(id: string): ArticleTexts | undefined {
    return this.docs.get(id)?.texts;
  }

  ids(): IterableIterator<string> {
    return this.docs.keys();
  }

  put(id: string, texts: ArticleTexts): void {
    this.remove(id);
    const seq: number[] = [];
    const starts: number[] = [];
    const bounds = new Uint32Array(FIELD_COUNT + 1);
    SEARCH_FIELDS.forEach((field, f) => {
      bounds[f] = seq.length;
      forEachWord(texts[field], (word, start) => {
        seq.push(this.termOf(word));
        starts.push(start);
      });
      this.fieldWords[f]! += seq.length - bounds[f]!;
    });
    bounds[FIELD_COUNT] = seq.length;
    const uniq = Uint32Array.from(new Set(seq)).sort();
    for (const t of uniq) this.df[t]!++;
    this.docs.set(id, { id, texts, seq: Uint32Array.from(seq), starts: Uint32Array.from(starts), bounds, uniq });
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const t of doc.uniq) this.df[t]!--;
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldWords[f]! -= doc.bounds[f + 1]! - doc.bounds[f]!;
    this.docs.delete(id);
  }

  prepare(query: readonly QueryTerm[]): PreparedQuery {
    const masks = new Uint32Array(this.keys.length);
    const exact: number[] = [];
    const idf: number[] = [];
    let possible = query.length > 0;
    const n = Math.max(1, this.docs.size);
    query.forEach((term, i) => {
      let df = 0;
      if (term.prefix) {
        for (const t of this.prefixed(term.key)) {
          masks[t]! |= 1 << i;
          df = Math.max(df, this.df[t]!);
        }
        exact.push(-1);
      } else {
        const t = this.terms.get(term.key);
        if (t !== undefined) {
          masks[t]! |= 1 << i;
          df = this.df[t]!;
        }
        exact.push(t ?? -1);
      }
      if (df === 0) possible = false;
      idf.push(Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    });
    return { size: query.length, masks, exact, idf, possible };
  }

  /** Every article that has all the query's words and that `accept` lets through, with its score. */
  match(q: PreparedQuery, accept: (id: string) => boolean): Match[] {
    const out: Match[] = [];
    if (!q.possible) return out;
    const full = (2 ** q.size - 1) >>> 0;
    const prefixBit = q.exact.indexOf(-1);
    const avg = Array.from(this.fieldWords, (w) => Math.max(1, w / Math.max(1, this.docs.size)));
    const tf = new Float64Array(q.size * FIELD_COUNT);
    const pairs = new Float64Array(q.size);
    for (const doc of this.docs.values()) {
      if (!hasAll(doc.uniq, q, prefixBit)) continue;
      if (!accept(doc.id)) continue;
      out.push({ id: doc.id, score: score(doc, q, full, avg, tf, pairs) });
    }
    return out;
  }

  /** The matched words of each field (offsets in the field's text); the body as a snippet around its first match. */
  highlights(q: PreparedQuery, id: string): Highlight[] {
    const doc = this.docs.get(id);
    if (!doc) return [];
    const out: Highlight[] = [];
    SEARCH_FIELDS.forEach((field, f) => {
      const text = doc.texts[field];
      const ranges: Array<[number, number]> = [];
      for (let p = doc.bounds[f]!; p < doc.bounds[f + 1]!; p++) {
        if (q.masks[doc.seq[p]!]) ranges.push([doc.starts[p]!, wordEnd(text, doc.starts[p]!)]);
      }
      if (field === 'body') {
        if (text) out.push(snippet(text, ranges));
      } else if (ranges.length) out.push({ field, text, ranges });
    });
    return out;
  }

  private termOf(word: string): number {
    let t = this.words.get(word);
    if (t !== undefined) return t;
    const key = searchKey(word);
    t = this.terms.get(key);
    if (t === undefined) {
      t = this.keys.length;
      this.terms.set(key, t);
      this.keys.push(key);
      this.df.push(0);
      this.byKey = null;
    }
    this.words.set(word, t);
    return t;
  }

  /** Term numbers whose key starts with `prefix`, by binary search over the keys in order. */
  private prefixed(prefix: string): Uint32Array {
    const sorted = (this.byKey ??= Uint32Array.from(this.keys.keys()).sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : 1)));
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < sorted.length && this.keys[sorted[end]!]!.startsWith(prefix)) end++;
    return sorted.subarray(lo, end);
  }
}

function contains(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function hasAll(uniq: Uint32Array, q: PreparedQuery, prefixBit: number): boolean {
  for (const t of q.exact) if (t >= 0 && !contains(uniq, t)) return false;
  if (prefixBit < 0) return true;
  const bit = 1 << prefixBit;
  for (const t of uniq) if (q.masks[t]! & bit) return true;
  return false;
}

function score(doc: Indexed, q: PreparedQuery, full: number, avg: readonly number[], tf: Float64Array, pairs: Float64Array): number {
  const n = q.size;
  tf.fill(0);
  pairs.fill(0);
  for (let f = 0; f < FIELD_COUNT; f++) {
    let prev = 0;
    for (let p = doc.bounds[f]!; p < doc.bounds[f + 1]!; p++) {
      const m = q.masks[doc.seq[p]!]! & full;
      if (m) {
        for (let i = 0; i < n; i++) {
          if (!(m & (1 << i))) continue;
          tf[f * n + i]!++;
          if (i > 0 && prev & (1 << (i - 1))) pairs[i - 1] = Math.max(pairs[i - 1]!, WEIGHTS[f]!);
        }
      }
      prev = m;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    let weighted = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = tf[f * n + i]!;
      if (count) weighted += (WEIGHTS[f]! * count) / (1 - B + (B * (doc.bounds[f + 1]! - doc.bounds[f]!)) / avg[f]!);
    }
    total += (q.idf[i]! * (weighted * (K1 + 1))) / (weighted + K1);
    if (i < n - 1 && pairs[i]) total += PHRASE_BONUS * pairs[i]! * ((q.idf[i]! + q.idf[i + 1]!) / 2);
  }
  return total;
}

/** Part of the body around its first match, on word boundaries, with "…" where it was cut. */
function snippet(body: string, ranges: ReadonlyArray<readonly [number, number]>): Highlight {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  if (start > 0) {
    const space = body.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : Math.min(start, first);
  }
  let end = Math.min(body.length, start + SNIPPET_LENGTH);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const text = lead + body.slice(start, end).replace(/\s/g, ' ') + (end < body.length ? '…' : '');
  const shift = lead.length - start;
  const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s + shift, e + shift]);
  return { field: 'body', text, ranges: inside };
}
