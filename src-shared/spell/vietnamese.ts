/**
 * Vietnamese by syllable. nspell with the Vietnamese dictionary (a list of the language's
 * syllables, tones in the modern placement) says whether a syllable exists; the tone may stand
 * where either placement puts it (tones.ts), and case does not matter. Suggestions come from an
 * index of the same syllables by their bare letters: nspell's own search suits languages of long
 * words and takes seconds on a Vietnamese syllable ("dduowc": 3 s), where this takes well under
 * a millisecond and ranks the intended syllable first.
 */
import nspell from 'nspell';
import { fromKeystrokes } from './typing';
import { restyle, toneWellPlaced, type ToneStyle } from './tones';

const HAS_TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Letters without tone or vowel marks: "người" → "nguoi", "đường" → "duong". */
export function bare(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Edit distance between two words, counted on their decomposed letters and marks (a wrong tone is one edit). */
function distance(a: string, b: string): number {
  const x = [...a.normalize('NFD')];
  const y = [...b.normalize('NFD')];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length]!;
}

const LETTERS = 'abcdeghiklmnopqrstuvxy';

/** Keys one edit away from `key`: a letter dropped, added, changed, or two swapped. */
function nearKeys(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length) out.add(key.slice(0, i) + key.slice(i + 1));
    if (i < key.length - 1) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
    for (const c of LETTERS) {
      out.add(key.slice(0, i) + c + key.slice(i));
      if (i < key.length) out.add(key.slice(0, i) + c + key.slice(i + 1));
    }
  }
  return out;
}

/**
 * The most frequent syllables of Vietnamese news, most frequent first: among suggestions equally
 * near, these come first ("nguoi" → "người" before "ngươi").
 */
const COMMON = [
  'và', 'của', 'có', 'là', 'các', 'được', 'trong', 'người', 'cho', 'không', 'những', 'với', 'một', 'đã', 'này', 'năm', 'đến',
  'khi', 'về', 'ra', 'theo', 'nhiều', 'phải', 'cũng', 'như', 'tại', 'từ', 'sẽ', 'đi', 'vào', 'để', 'làm', 'nhà', 'nước', 'việt',
  'nam', 'thành', 'phố', 'công', 'học', 'sinh', 'đồng', 'ngày', 'hội', 'dân', 'động', 'quốc', 'chính', 'trên', 'sau', 'số',
  'mới', 'nhất', 'hơn', 'còn', 'đó', 'tin', 'tình', 'hình', 'thể', 'đường', 'giao', 'thông', 'tỉnh', 'huyện', 'xã', 'bộ',
  'trưởng', 'kinh', 'tế', 'phát', 'triển', 'điều', 'việc', 'cả', 'nói', 'biết', 'thấy', 'rằng', 'hiện', 'thời', 'gian', 'giá',
].map((s) => s.normalize('NFC'));
const COMMON_RANK = new Map(COMMON.map((s, i) => [s, i]));

/**
 * Candidates nearest to `word` first: fewest edits on letters and marks, a syllable of the same
 * bare letters before one that needs another letter, then the more frequent.
 */
function rank(word: string, candidates: readonly string[]): string[] {
  const key = bare(word);
  // A word typed without any mark says nothing of the marks it lacks: every syllable of its letters is as near.
  const unmarked = word === key;
  const score = (s: string) => (bare(s) === key ? (unmarked ? 0 : distance(word, s)) : distance(word, s) + 2);
  const common = (s: string) => COMMON_RANK.get(s) ?? COMMON.length;
  return [...new Set(candidates)]
    .map((s) => ({ s, d: score(s), c: common(s) }))
    .sort((a, b) => a.d - b.d || a.c - b.c || a.s.localeCompare(b.s, 'vi'))
    .map((x) => x.s);
}

export interface VietnameseSpeller {
  /** Is `word` (NFC) a Vietnamese syllable, in any case, its tone in either placement? */
  correct(word: string): boolean;
  /** Best first: the syllable Telex/VNI keystrokes meant, the tone re-placed, then the nearest syllables; in `style`. */
  suggest(word: string, style: ToneStyle, max: number): string[];
  /** What Telex/VNI keystrokes `word` meant, when that is a syllable. */
  keystrokes(word: string, style: ToneStyle): string | null;
}

/** Lower case, tone in the modern placement: how the dictionary writes a syllable. */
function dictionaryForm(word: string): string {
  return restyle(word.toLocaleLowerCase('vi'), 'modern');
}

export function createVietnamese(dictionary: { readonly aff: string; readonly dic: string }): VietnameseSpeller {
  const speller = nspell({ aff: dictionary.aff, dic: dictionary.dic });
  const byKey = new Map<string, string[]>();
  for (const line of dictionary.dic.split('\n').slice(1)) {
    const syllable = line.split('/')[0]!.trim().normalize('NFC');
    if (!syllable) continue;
    const lower = syllable.toLocaleLowerCase('vi');
    // The dictionary writes a few names capitalised ("Nguyễn"); case does not matter here.
    if (lower !== syllable) speller.add(lower);
    const key = bare(lower);
    const list = byKey.get(key) ?? [];
    if (!list.includes(lower)) list.push(lower);
    byKey.set(key, list);
  }

  const correct = (word: string): boolean => toneWellPlaced(word) && speller.correct(dictionaryForm(word));

  const matchCase = (model: string, word: string): string => {
    const first = model[0]!;
    return first !== first.toLocaleLowerCase('vi') ? word[0]!.toLocaleUpperCase('vi') + word.slice(1) : word;
  };

  const keystrokes = (word: string, style: ToneStyle): string | null => {
    const meant = fromKeystrokes(word, style);
    if (meant === null) return null;
    if (correct(meant)) return meant;
    // Keystrokes that make no syllable ("hoij" → "họi") most often miss a vowel mark: the
    // syllable of the same letters and the same tone nearest to them ("hội").
    const tone = meant.normalize('NFD').match(HAS_TONE)?.[0] ?? '';
    const lower = meant.toLocaleLowerCase('vi');
    const same = (byKey.get(bare(lower)) ?? []).filter((s) => (s.normalize('NFD').match(HAS_TONE)?.[0] ?? '') === tone);
    const best = rank(lower, same)[0];
    return best === undefined ? null : matchCase(word, restyle(best, style));
  };

  return {
    correct,
    keystrokes,
    suggest(word, style, max) {
      const out: string[] = [];
      const push = (s: string) => {
        const cased = matchCase(word, restyle(s, style));
        if (!out.includes(cased) && cased !== word) out.push(cased);
      };
      const meant = keystrokes(word, style);
      if (meant !== null) push(meant);
      const placed = restyle(word, style);
      if (placed !== word && correct(placed)) push(placed);
      // Keystrokes are searched around the syllable they meant, not around their own letters.
      const lower = (meant ?? word).toLocaleLowerCase('vi');
      const key = bare(lower);
      const near = [...(byKey.get(key) ?? [])];
      if (near.length < max) for (const k of nearKeys(key)) near.push(...(byKey.get(k) ?? []));
      for (const s of rank(lower, near)) {
        if (out.length >= max) break;
        push(s);
      }
      return out.slice(0, max);
    },
  };
}
