/**
 * The spellchecker on a 10,000-word Vietnamese article (with an English caption and a few
 * Telex leftovers), the engine as the editor's worker and the command line run it:
 * - building the checker from both dictionaries (once per window);
 * - checking the whole article cold, as on opening it, against splitting the same text into
 *   words (the least any checker does), in the same run;
 * - the work per keystroke: the block typed in checked again (one new word each time, the rest
 *   answered from the word cache), against splitting that block into words.
 * Prints figures and ratios; never fails on a timing.
 */
import { loadDictionaries } from '../src-main/services/spell/dictionaries';
import { createSpellChecker } from '../src-shared/spell/checker';
import { wordsOf } from '../src-shared/spell/words';

const WORDS = 'Sáng nay hội nghị trực tuyến toàn tỉnh Hà Giang triển khai nhiệm vụ công tác dân vận năm mới tại các xã vùng cao biên giới'.split(' ');
const LEFTOVERS = ['dduwowcj', 'hoir', 'tieengs', 'ho6i'];

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/**
 * 10,000 words in paragraphs of 80: a news sentence's words mixed with syllables drawn from the
 * whole dictionary (a fixed sequence), so that about as many distinct words come as in a long
 * story; a Telex leftover every 500 words.
 */
function article(syllables: readonly string[]): string[] {
  let seed = 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out: string[] = [];
  for (let i = 0; i < 10_000; i += 80) {
    out.push(
      Array.from({ length: 80 }, (_, k) => {
        const n = i + k;
        if (n % 500 === 499) return LEFTOVERS[(n / 500) % LEFTOVERS.length | 0]!;
        return n % 2 === 0 ? WORDS[n % WORDS.length]! : syllables[next() % syllables.length]!;
      }).join(' '),
    );
  }
  return out;
}

export async function spellcheckBench(): Promise<void> {
  const dictionaries = await loadDictionaries();
  let t0 = process.hrtime.bigint();
  const checker = createSpellChecker(dictionaries, { known: ['Antony Blinken'] });
  const build = ms(t0);

  const syllables = dictionaries.vi.dic.split('\n').slice(1).map((l) => l.split('/')[0]!.trim()).filter((w) => /^\p{Ll}+$/u.test(w));
  const blocks = article(syllables);
  const distinct = new Set(blocks.flatMap((b) => b.split(' '))).size;
  const caption = 'Delegates recieve the provincial plan in Hà Giang on Tuesday';
  t0 = process.hrtime.bigint();
  let found = 0;
  for (const b of blocks) found += checker.check(b, 'vi').length;
  found += checker.check(caption, 'en').length;
  const whole = ms(t0);
  t0 = process.hrtime.bigint();
  let words = 0;
  for (const b of blocks) words += wordsOf(b).length;
  words += wordsOf(caption).length;
  const baseWhole = ms(t0);

  // Typing at the end of block 60: each key a new word in that block (a cache miss for it alone).
  const perKey: number[] = [];
  const basePerKey: number[] = [];
  const typed = 'mua lon keo dai khien nuoc song dang cao'.split(' ');
  for (let i = 0; i < 300; i++) {
    const text = `${blocks[60]} ${typed[i % typed.length]}${i}x`;
    let t = process.hrtime.bigint();
    checker.check(text, 'vi');
    perKey.push(ms(t));
    t = process.hrtime.bigint();
    wordsOf(text);
    basePerKey.push(ms(t));
  }

  console.log(`spellcheck, 10,000-word article (${words} words, ${distinct} distinct, ${found} flagged)`);
  console.log(`  checker built from both dictionaries ${build.toFixed(0)} ms (once per window, in the worker)`);
  console.log(`  whole article checked cold ${whole.toFixed(0)} ms vs baseline splitting into words ${baseWhole.toFixed(1)} ms: ${(whole / baseWhole).toFixed(1)}×`);
  console.log(`  per key (the block typed in, one new word) p50 ${pct(perKey, 0.5).toFixed(2)} ms, p95 ${pct(perKey, 0.95).toFixed(2)} ms vs baseline p95 ${pct(basePerKey, 0.95).toFixed(3)} ms: ${(pct(perKey, 0.95) / pct(basePerKey, 0.95)).toFixed(1)}×`);
}
