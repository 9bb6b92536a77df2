/**
 * The in-memory full-text index. Each term has postings (which articles hold it, how often in
 * each field), so a query walks only the postings of its words, adds up each article's
 * weighted counts (BM25F: field weights, length normalisation, saturation) and keeps the
 * articles that have every word. Those (the best by that score, as many as about 300,000 words
 * hold, when more match) are read word by word — each article keeps its words as term numbers
 * in order, with where each starts — for the query words they have side by side and in order,
 * which rank them above the articles that have them scattered; the best are read once more for
 * exact counts, and matches are marked for highlighting.
 *
 * An update gives the article a new slot; the old slot's postings are skipped until there are
 * as many dead postings as live ones, and then every list is compacted in one pass.
 */
import { forEachWord, searchKey, wordEnd } from '../../../src-shared/text/search-key';
import type { SearchHighlight } from '../../../src-shared/contract';
import { FIELD_WEIGHT, SEARCH_FIELDS, type ArticleTexts } from './fields';
import { BODY_BITS, countIn, countOf, Postings } from './postings';
import type { QueryTerm } from './query';
import { TopK } from './top';

const FIELD_COUNT = SEARCH_FIELDS.length;
/** The body: the long field, counted in full in the postings. */
const BODY = SEARCH_FIELDS.indexOf('body');
/** How many of the best first scores are refined by reading the article word by word. */
const REFINED = 300;
/**
 * How many words, about, a query reads to find its words side by side: the matches with the
 * best first scores, as many as fit (at least REFINED). All of them in a desk's usual library,
 * where a query's words are not in thousands of long articles; reading 9,000 articles of 400
 * words for two common words took longer than the rest of the query.
 */
const PHRASE_READ_WORDS = 300_000;
const WEIGHTS = SEARCH_FIELDS.map((f) => FIELD_WEIGHT[f]);
/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** What two query words found side by side, in order, add (times the field's weight). */
const PHRASE_BONUS = 0.6;
/**
 * What each pair of query words found side by side, in order, adds to an article's score: more
 * than any score the words alone can reach (each word's share is at most idf × (K1 + 1) plus its
 * pair bonus, idf staying under 20 for any library a desk holds, and a query has at most 16
 * words), so an article with the words as a phrase ranks above every one that has them
 * scattered ("Tuyên Quang" above "trực tuyến … cáp quang"; among those read for it),
 * and BM25 orders each rank.
 */
const PHRASE_RANK = 10_000;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;
/** Dead postings are compacted once they are this many and outnumber the live ones. */
const COMPACT_AT = 10_000;

interface Indexed {
  readonly id: string;
  slot: number;
  readonly texts: ArticleTexts;
  /** Term numbers of every word, field after field (SEARCH_FIELDS order). */
  readonly seq: Uint32Array;
  /** Start of each word in its field's text. */
  readonly starts: Uint32Array;
  /** Field f holds words bounds[f] to bounds[f + 1]. */
  readonly bounds: Uint32Array;
  /** The distinct term numbers. */
  readonly uniq: Uint32Array;
}

/** A query made ready for one index. */
export interface PreparedQuery {
  readonly size: number;
  /** Bit i set: the term satisfies query word i. */
  readonly masks: Uint32Array;
  /** The terms each query word covers (one, or every term a prefix starts). */
  readonly words: readonly Uint32Array[];
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
  private readonly postings: Postings[] = [];
  /** Words as written → term number, so a word seen before is not folded again. */
  private readonly words = new Map<string, number>();
  private readonly docs = new Map<string, Indexed>();
  /** Articles by slot; null for a slot whose article was replaced or removed. */
  private bySlot: Array<Indexed | null> = [];
  /** Word count of each field of each slot (FIELD_COUNT per slot). */
  private lengths = new Uint32Array(FIELD_COUNT * 64);
  private readonly fieldWords = new Float64Array(FIELD_COUNT);
  private livePostings = 0;
  private deadPostings = 0;
  private byKey: Uint32Array | null = null;
  /** Packed counts of the article being added, by term (all zero between additions). */
  private scratch = new Uint32Array(1024);
  /** Per-query buffers, reused. */
  private weightBuffer = new Float64Array(0);
  private hasBuffer = new Uint32Array(0);
  /** What norms() worked out; dropped whenever an article is added or removed. */
  private normsCache: { avg: number[]; bodyFactor: Float64Array } | null = null;

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
    this.normsCache = null;
    const seq: number[] = [];
    const starts: number[] = [];
    const bounds = new Uint32Array(FIELD_COUNT + 1);
    const touched: number[] = [];
    SEARCH_FIELDS.forEach((field, f) => {
      bounds[f] = seq.length;
      forEachWord(texts[field], (word, start) => {
        const t = this.termOf(word);
        seq.push(t);
        starts.push(start);
        const packed = this.scratch[t]!;
        if (packed === 0) touched.push(t);
        this.scratch[t] = countIn(packed, f, BODY);
      });
    });
    bounds[FIELD_COUNT] = seq.length;
    const slot = this.bySlot.length;
    const doc: Indexed = { id, slot, texts, seq: Uint32Array.from(seq), starts: Uint32Array.from(starts), bounds, uniq: Uint32Array.from(touched) };
    this.docs.set(id, doc);
    this.bySlot.push(doc);
    this.setLengths(doc);
    for (const t of touched) {
      this.postings[t]!.add(slot, this.scratch[t]!);
      this.scratch[t] = 0;
      this.df[t]!++;
    }
    this.livePostings += touched.length;
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.normsCache = null;
    for (const t of doc.uniq) this.df[t]!--;
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldWords[f]! -= doc.bounds[f + 1]! - doc.bounds[f]!;
    this.docs.delete(id);
    this.bySlot[doc.slot] = null;
    this.livePostings -= doc.uniq.length;
    this.deadPostings += doc.uniq.length;
    if (this.deadPostings >= COMPACT_AT && this.deadPostings > this.livePostings) this.compact();
  }

  prepare(query: readonly QueryTerm[]): PreparedQuery {
    const masks = new Uint32Array(this.keys.length);
    const words: Uint32Array[] = [];
    const idf: number[] = [];
    let possible = query.length > 0;
    const n = Math.max(1, this.docs.size);
    query.forEach((term, i) => {
      let covered: Uint32Array;
      if (term.prefix) covered = this.prefixed(term.key);
      else {
        const t = this.terms.get(term.key);
        covered = t === undefined ? new Uint32Array(0) : Uint32Array.of(t);
      }
      let df = 0;
      for (const t of covered) {
        masks[t]! |= 1 << i;
        df = Math.max(df, this.df[t]!);
      }
      if (df === 0) possible = false;
      words.push(covered);
      idf.push(Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    });
    return { size: query.length, masks, words, idf, possible };
  }

  /**
   * Every article that has all the query's words and that `accept` lets through, with its
   * score, in no particular order. The best REFINED by their counts also get the bonus for
   * words side by side (an article further down can only miss that bonus, never a word).
   */
  match(q: PreparedQuery, accept: (id: string) => boolean): Match[] {
    const { docs, scores } = this.scored(q, accept);
    return docs.map((doc, k) => ({ id: doc.id, score: scores[k]! }));
  }

  /**
   * The `limit` best matches, best first, as sorting all of `match` by score (higher first)
   * then `tiebreak` would give, and how many matched in all. Only the best are ever sorted:
   * the rest are turned away by comparing with the worst of those kept. `tiebreak` must order
   * any two different articles.
   */
  best(q: PreparedQuery, accept: (id: string) => boolean, limit: number, tiebreak: (a: string, b: string) => number): { readonly total: number; readonly hits: Match[] } {
    const { docs, scores } = this.scored(q, accept);
    const top = new TopK<number>(limit, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && tiebreak(docs[a]!.id, docs[b]!.id) < 0));
    for (let k = 0; k < docs.length; k++) top.add(k);
    return { total: docs.length, hits: top.sorted().map((k) => ({ id: docs[k]!.id, score: scores[k]! })) };
  }

  /** The matched articles (in slot order) and their scores: counts from the postings, the best REFINED refined. */
  private scored(q: PreparedQuery, accept: (id: string) => boolean): { docs: Indexed[]; scores: Float64Array } {
    if (!q.possible) return { docs: [], scores: new Float64Array(0) };
    const n = q.size;
    const slots = this.bySlot.length;
    const full = (2 ** n - 1) >>> 0;
    const { avg, bodyFactor } = this.norms();
    const weighted = this.scratchWeights(n * slots);
    const has = this.scratchHas(slots);
    const lengths = this.lengths;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      const row = i * slots;
      for (const t of q.words[i]!) {
        const p = this.postings[t]!;
        for (let j = 0; j < p.length; j++) {
          const s = p.slots[j]!;
          const packed = p.counts[j]!;
          let w = countOf(packed, BODY, BODY) * bodyFactor[s]!;
          if (packed >>> BODY_BITS) {
            for (let f = 0; f < FIELD_COUNT; f++) {
              const c = f === BODY ? 0 : countOf(packed, f, BODY);
              if (c) w += (WEIGHTS[f]! * c) / (1 - B + (B * lengths[s * FIELD_COUNT + f]!) / avg[f]!);
            }
          }
          weighted[row + s]! += w;
          has[s]! |= bit;
        }
      }
    }
    const docs: Indexed[] = [];
    const found: number[] = [];
    for (let s = 0; s < slots; s++) {
      if (has[s] !== full) continue;
      const doc = this.bySlot[s];
      if (!doc || !accept(doc.id)) continue;
      let score = 0;
      for (let i = 0; i < n; i++) {
        const w = weighted[i * slots + s]!;
        score += (q.idf[i]! * (w * (K1 + 1))) / (w + K1);
      }
      docs.push(doc);
      found.push(score);
    }
    const scores = Float64Array.from(found);
    if (n > 1) {
      // The matches (as many as PHRASE_READ_WORDS allows, the best by first score) are read for
      // their side-by-side pairs, which set their rank; then the best REFINED by rank and first
      // score, ties in slot order (as a stable sort of the slots would have them), get their
      // exact counts.
      const ranks = new Uint8Array(docs.length);
      const byScore = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
      const readable = Math.max(REFINED, Math.floor(PHRASE_READ_WORDS / avg.reduce((sum, words) => sum + words, 0)));
      if (docs.length > readable) {
        const top = new TopK<number>(readable, byScore);
        for (let k = 0; k < docs.length; k++) top.add(k);
        for (const k of top.sorted()) ranks[k] = sideBySide(docs[k]!, q);
      } else for (let k = 0; k < docs.length; k++) ranks[k] = sideBySide(docs[k]!, q);
      const before = (a: number, b: number) => ranks[a]! > ranks[b]! || (ranks[a] === ranks[b] && byScore(a, b));
      let refine: number[];
      if (docs.length > REFINED) {
        const top = new TopK<number>(REFINED, before);
        for (let k = 0; k < docs.length; k++) top.add(k);
        refine = top.sorted();
      } else refine = docs.map((_, k) => k);
      const tf = new Float64Array(n * FIELD_COUNT);
      const pairs = new Float64Array(n);
      for (const k of refine) {
        const doc = docs[k]!;
        tf.fill(0);
        pairs.fill(0);
        scan(doc, q, full, tf, pairs);
        scores[k] = combine(doc, q, avg, tf, pairs);
      }
      for (let k = 0; k < docs.length; k++) scores[k]! += ranks[k]! * PHRASE_RANK;
    }
    return { docs, scores };
  }

  /** Average field lengths and each slot's body factor (its weight over its length normalisation), kept until the articles change. */
  private norms(): { avg: number[]; bodyFactor: Float64Array } {
    if (this.normsCache) return this.normsCache;
    const slots = this.bySlot.length;
    const avg = Array.from(this.fieldWords, (w) => Math.max(1, w / Math.max(1, this.docs.size)));
    const bodyFactor = new Float64Array(slots);
    for (let s = 0; s < slots; s++) bodyFactor[s] = WEIGHTS[BODY]! / (1 - B + (B * this.lengths[s * FIELD_COUNT + BODY]!) / avg[BODY]!);
    return (this.normsCache = { avg, bodyFactor });
  }

  /** A zeroed buffer of `size` weights, reused from one query to the next. */
  private scratchWeights(size: number): Float64Array {
    if (this.weightBuffer.length < size) this.weightBuffer = new Float64Array(Math.max(size, this.weightBuffer.length * 2));
    const out = this.weightBuffer.subarray(0, size);
    out.fill(0);
    return out;
  }

  private scratchHas(size: number): Uint32Array {
    if (this.hasBuffer.length < size) this.hasBuffer = new Uint32Array(Math.max(size, this.hasBuffer.length * 2));
    const out = this.hasBuffer.subarray(0, size);
    out.fill(0);
    return out;
  }

  /** The matched words of each field (offsets in the field's text); the body as a snippet around its first match. */
  highlights(q: PreparedQuery, id: string): Highlight[] {
    const doc = this.docs.get(id);
    if (!doc) return [];
    const out: Highlight[] = [];
    SEARCH_FIELDS.forEach((field, f) => {
      const text = doc.texts[field];
      let from = doc.bounds[f]!;
      const to = doc.bounds[f + 1]!;
      let window: Window | null = null;
      if (field === 'body') {
        // Only the words inside the snippet are marked: find the first match, cut around it.
        let first = from;
        while (first < to && !q.masks[doc.seq[first]!]) first++;
        window = snippetWindow(text, first < to ? doc.starts[first]! : 0);
        from = first;
      }
      const ranges: Array<[number, number]> = [];
      for (let p = from; p < to; p++) {
        if (!q.masks[doc.seq[p]!]) continue;
        const start = doc.starts[p]!;
        const end = wordEnd(text, start);
        if (!window) ranges.push([start, end]);
        else if (end > window.end) break;
        else ranges.push([start + window.shift, end + window.shift]);
      }
      if (window) {
        if (text) out.push({ field, text: window.text, ranges });
      } else if (ranges.length) out.push({ field, text, ranges });
    });
    return out;
  }

  private setLengths(doc: Indexed): void {
    const need = (doc.slot + 1) * FIELD_COUNT;
    if (need > this.lengths.length) {
      const grown = new Uint32Array(Math.max(need, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      const words = doc.bounds[f + 1]! - doc.bounds[f]!;
      this.lengths[doc.slot * FIELD_COUNT + f] = words;
      this.fieldWords[f]! += words;
    }
  }

  /** Renumbers the live articles' slots from 0 and drops every posting of a dead slot. */
  private compact(): void {
    const renumber = new Int32Array(this.bySlot.length).fill(-1);
    const live: Indexed[] = [];
    for (const doc of this.bySlot) {
      if (!doc) continue;
      renumber[doc.slot] = live.length;
      live.push(doc);
    }
    for (const p of this.postings) p.compact(renumber);
    const lengths = new Uint32Array(Math.max(FIELD_COUNT * 64, live.length * FIELD_COUNT));
    for (const doc of live) {
      lengths.set(this.lengths.subarray(doc.slot * FIELD_COUNT, (doc.slot + 1) * FIELD_COUNT), renumber[doc.slot]! * FIELD_COUNT);
      doc.slot = renumber[doc.slot]!;
    }
    this.lengths = lengths;
    this.bySlot = live;
    this.deadPostings = 0;
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
      this.postings.push(new Postings());
      if (t >= this.scratch.length) {
        const grown = new Uint32Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
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

/**
 * How many of the query's pairs of neighbouring words (the first and second, the second and
 * third…) the article has side by side and in order, in any one field. Stops reading once it
 * has found them all.
 */
function sideBySide(doc: Indexed, q: PreparedQuery): number {
  const want = (2 ** (q.size - 1) - 1) >>> 0;
  const masks = q.masks;
  const seq = doc.seq;
  const bounds = doc.bounds;
  let found = 0;
  let prev = 0;
  let field = 1;
  let next = bounds[1]!;
  // One pass over every field's words (a query word's mask has only its own bit, i < size):
  // bit i of (prev & m >>> 1) is word i just before and word i + 1 here.
  for (let p = 0, end = seq.length; p < end; p++) {
    while (p === next) {
      prev = 0;
      next = bounds[++field]!;
    }
    const m = masks[seq[p]!]!;
    if (prev & (m >>> 1)) {
      found |= prev & (m >>> 1);
      if ((found & want) === want) return q.size - 1;
    }
    prev = m;
  }
  let count = 0;
  for (let x = found & want; x; x &= x - 1) count++;
  return count;
}

/** Counts the query's words in every field and notes pairs found side by side, in order. */
function scan(doc: Indexed, q: PreparedQuery, full: number, tf: Float64Array, pairs: Float64Array): void {
  const n = q.size;
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
}

/** BM25F: per word, its weighted, length-normalised count over the fields, saturated; plus the side-by-side bonus. */
function combine(doc: Indexed, q: PreparedQuery, avg: readonly number[], tf: Float64Array, pairs: Float64Array): number {
  const n = q.size;
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

interface Window {
  readonly text: string;
  /** Where the cut ends in the body, and what turns a body offset into a snippet offset. */
  readonly end: number;
  readonly shift: number;
}

/** Part of the body around its first match, on word boundaries, with "…" where it was cut. */
function snippetWindow(body: string, first: number): Window {
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
  return { text, end, shift: lead.length - start };
}
