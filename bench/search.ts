/**
 * Search over 10,000 generated Vietnamese articles (~400 words each, from a seeded generator
 * of syllables): index build time, and query latency p50/p95 against a plain linear scan in
 * the same run (every article's text folded with `fold` and tested with `includes`, per query).
 */
import type { ArticleTexts } from '../src-main/services/search/fields';
import { SearchIndex } from '../src-main/services/search/index';
import { parseQuery } from '../src-main/services/search/query';
import { SEARCH_MAX_HITS } from '../src-shared/contract';
import { compareVi, fold } from '../src-shared/text/vietnamese';
import { seededRandom } from '../test/support/seeded';

const ARTICLES = 10_000;
const BODY_WORDS = 400;
const INDEX_RUNS = 30;
const SCAN_RUNS = 3;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/** CPU time of this process: on a shared machine it says what the work costs, whatever the others run. */
const cpuMs = (c: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const pct = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x'];
const RHYMES = 'a ai am an ang anh ao au ay ăn ăng âm ân âu ây e em en eo ê êm ên ênh i im in inh iêu iên o oa oan oi om on ong ô ôi ôm ôn ông ơ ơi ơn u ua ui um un ung uy ư ưa ưng ươc ương ươi y'.split(' ');
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** A syllable: onset, rhyme, and a tone mark on the rhyme's last vowel (close enough to real spelling for a benchmark). */
function syllable(rand: () => number): string {
  const onset = ONSETS[Math.floor(rand() * ONSETS.length)]!;
  const rhyme = RHYMES[Math.floor(rand() * RHYMES.length)]!;
  const tone = TONES[Math.floor(rand() * TONES.length)]!;
  const at = rhyme.search(/[aăâeêioôơuưy][^aăâeêioôơuưy]*$/u);
  return (onset + rhyme.slice(0, at + 1) + tone + rhyme.slice(at + 1)).normalize('NFC');
}

export function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) words.add(syllable(rand));
  return [...words];
}

/** Words drawn with Zipf's law, as in real text: a few very common, a long tail of rare ones. */
export function zipf(rand: () => number, words: readonly string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((total += 1 / (r + 1)));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

export function sentence(word: () => string, n: number): string {
  const words = Array.from({ length: n }, word);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return words.join(' ');
}

function articles(): ArticleTexts[] {
  const rand = seededRandom(20240113);
  const words = vocabulary(rand, 4000);
  const word = zipf(rand, words);
  // The event's text (title, place, organiser) from its own generator, so the other fields stay as they were.
  const eventWord = zipf(seededRandom(20220113), words);
  const out: ArticleTexts[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs: string[] = [];
    for (let left = BODY_WORDS; left > 0; left -= 50) paragraphs.push(sentence(word, Math.min(50, left)) + '.');
    out.push({ headline: sentence(word, 10), sapo: sentence(word, 30) + '.', byline: sentence(word, 3), tags: [word(), word()].join(', '), event: `${sentence(eventWord, 8)}. ${sentence(eventWord, 2)}. ${sentence(eventWord, 4)}`, body: paragraphs.join('\n\n') });
  }
  return out;
}

/**
 * The index's whole answer as the desk gives it (DeskSearch.search): the total, the best
 * SEARCH_MAX_HITS ranked by score and then by headline in Vietnamese order (as the desk breaks
 * ties), and highlights for those hits.
 */
function indexed(index: SearchIndex, headlines: ReadonlyMap<string, string>, query: string): number {
  const q = index.prepare(parseQuery(query));
  const tiebreak = (a: string, b: string) => compareVi(headlines.get(a)!, headlines.get(b)!) || (a < b ? -1 : 1);
  const { total, hits } = index.best(q, () => true, SEARCH_MAX_HITS, tiebreak);
  for (const m of hits) index.highlights(q, m.id);
  return total;
}

/** The baseline: fold every article's text and look for every query word in it. */
function linear(texts: readonly ArticleTexts[], query: string): number {
  const words = fold(query).split(/\s+/).filter(Boolean);
  let found = 0;
  for (const t of texts) {
    const all = fold(`${t.headline}\n${t.sapo}\n${t.byline}\n${t.tags}\n${t.event}\n${t.body}`);
    if (words.every((w) => all.includes(w))) found++;
  }
  return found;
}

export async function searchBench(): Promise<void> {
  const texts = articles();
  const rareArticle = texts[4321]!;
  const phrase = rareArticle.headline.split(' ').slice(3, 5).join(' ');
  const common = texts[7]!.body.split(' ')[5]!;
  const queries = [
    fold(common), // one common word
    fold(rareArticle.byline), // three words from one byline
    fold(phrase), // two words side by side in one headline
    `${fold(phrase.split(' ')[0]!)} ${fold(phrase.split(' ')[1]!).slice(0, 1)}`, // still typing: "dan v"
    fold(texts[99]!.sapo.split(' ').slice(10, 14).join(' ')), // four words of a lead
    'khong co tu nay', // no match
  ];

  const heapBefore = process.memoryUsage().heapUsed;
  let t0 = process.hrtime.bigint();
  const index = new SearchIndex();
  texts.forEach((t, i) => index.put(`article-${i}`, t));
  const build = ms(t0);
  const headlines = new Map(texts.map((t, i) => [`article-${i}`, t.headline]));
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  // A start with search.json: parse the cached texts, then index them.
  const cache = JSON.stringify(Object.fromEntries(texts.map((t, i) => [`article-${i}`, { fileSize: 0, fileMtimeMs: 0, texts: t }])));
  t0 = process.hrtime.bigint();
  const fromCache = new SearchIndex();
  for (const [id, entry] of Object.entries(JSON.parse(cache) as Record<string, { texts: ArticleTexts }>)) fromCache.put(id, entry.texts);
  const warm = ms(t0);

  const fast: number[] = [];
  const fastCpu: number[] = [];
  const slow: number[] = [];
  const slowCpu: number[] = [];
  const counts: string[] = [];
  for (const query of queries) {
    const expected = linear(texts, query);
    const got = indexed(index, headlines, query);
    counts.push(`"${query}" ${got}/${expected}`);
    for (let i = 0; i < INDEX_RUNS; i++) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      indexed(index, headlines, query);
      fast.push(ms(t));
      fastCpu.push(cpuMs(c));
    }
    for (let i = 0; i < SCAN_RUNS; i++) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      linear(texts, query);
      slow.push(ms(t));
      slowCpu.push(cpuMs(c));
    }
  }

  console.log(`search, ${ARTICLES.toLocaleString('en')} generated Vietnamese articles of ~${BODY_WORDS} words, ${queries.length} queries`);
  console.log(`  index build ${build.toFixed(0)} ms (heap +${heap.toFixed(0)} MiB); start from search.json (${(cache.length / 1024 / 1024).toFixed(0)} MiB parsed + indexed) ${warm.toFixed(0)} ms`);
  console.log(`  index   p50 ${pct(fast, 0.5).toFixed(2)} ms  p95 ${pct(fast, 0.95).toFixed(2)} ms; CPU time p50 ${pct(fastCpu, 0.5).toFixed(2)} ms  p95 ${pct(fastCpu, 0.95).toFixed(2)} ms (ranked, highlights for up to ${SEARCH_MAX_HITS} hits)`);
  console.log(`  baseline linear scan (fold + includes)  p50 ${pct(slow, 0.5).toFixed(0)} ms  p95 ${pct(slow, 0.95).toFixed(0)} ms; CPU time p50 ${pct(slowCpu, 0.5).toFixed(0)} ms  p95 ${pct(slowCpu, 0.95).toFixed(0)} ms`);
  console.log(`  ratio p50 ${(pct(slow, 0.5) / pct(fast, 0.5)).toFixed(0)}× faster, p95 ${(pct(slow, 0.95) / pct(fast, 0.95)).toFixed(0)}× faster`);
  console.log(`  matches index/scan (the scan also finds words inside words): ${counts.join(', ')}`);
}
