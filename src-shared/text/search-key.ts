/**
 * The search form of text: what a word is compared by, and where each word sits in the text
 * it came from (for highlighting).
 *
 * A word's key is its fold (NFD, marks stripped, đ → d, lower case: "Hà" → "ha", "hoá" and
 * "hóa" → "hoa", "thuý" and "thúy" → "thuy") with one spelling variant made equal:
 *
 * **Final i/y.** Vietnamese writes the lone vowel /i/ at the end of a syllable either way
 * after a consonant onset: "lý/lí", "kỹ/kĩ", "Mỹ/Mĩ", "sỹ/sĩ", "tỷ/tỉ", "quý/quí" ("qu" is the
 * onset there, so y is again the only vowel). Such a syllable — a Vietnamese onset followed
 * by a single y and nothing else — is keyed with i. It is not applied where y is part of a
 * vowel group ("huy", "tuy", "thuỷ", "khuya", "tay", "ngày": "huy" and "hui" are different
 * words, as are "tay" and "tai"), nor to a syllable that is y alone ("y tế"; "i" is not an
 * accepted spelling of it). English words that happen to fit ("my", "by", "try") are keyed
 * the same way, which only makes "mi" find "my": the onset list is Vietnamese's, so "sky",
 * "fly" and "why" are left alone.
 */
import { fold } from './vietnamese';

/** A word: a letter or digit, then letters, digits and combining marks (so NFD text holds together). */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** The onsets of Vietnamese syllables, folded; "qu" counts as one (its u is not a vowel). */
const FINAL_Y = /^(?:b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

export interface Token {
  /** The word's search key. */
  readonly key: string;
  /** Offsets of the word in the original text (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
}

/** The search key of one word (a whole word: keys of longer text are not meaningful). */
export function searchKey(word: string): string {
  const folded = fold(word);
  return FINAL_Y.test(folded) ? folded.slice(0, -1) + 'i' : folded;
}

const STARTS = /^[\p{L}\p{N}]$/u;
const CONTINUES = /^[\p{L}\p{M}\p{N}]$/u;
/** Per UTF-16 code unit: 0 not yet known, 1 starts a word, 2 only continues one (a mark), 3 neither. */
const KIND = new Uint8Array(0x10000);

function kindOf(ch: string): number {
  return STARTS.test(ch) ? 1 : CONTINUES.test(ch) ? 2 : 3;
}

/** How many code units the character at `i` takes if it starts (`start`) or continues a word; 0 if it does not. */
function width(text: string, i: number, start: boolean): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    // A character outside the first plane: rare, so tested each time.
    const kind = kindOf(String.fromCodePoint(text.codePointAt(i)!));
    return kind === 1 || (!start && kind === 2) ? 2 : 0;
  }
  let kind = KIND[code]!;
  if (kind === 0) KIND[code] = kind = kindOf(text[i]!);
  return kind === 1 || (!start && kind === 2) ? 1 : 0;
}

/**
 * Calls `fn` with every word of `text` (as written) and its start offset: the words of the
 * pattern WORD, found by a scan with a per-character table (indexing 10,000 articles reads
 * millions of words, and this is several times faster than the regular expression).
 */
export function forEachWord(text: string, fn: (word: string, start: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const w = width(text, i, true);
    if (w === 0) {
      const code = text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      continue;
    }
    let j = i + w;
    for (let more = j < n ? width(text, j, false) : 0; more > 0; more = j < n ? width(text, j, false) : 0) j += more;
    fn(text.slice(i, j), i);
    i = j;
  }
}

/** The words of `text` with their keys and offsets in `text` itself, NFC or not. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, start) => out.push({ key: searchKey(word), start, end: start + word.length }));
  return out;
}

const WORD_AT = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/uy;

/** The end offset of the word that starts at `start` (for highlighting from a stored start). */
export function wordEnd(text: string, start: number): number {
  WORD_AT.lastIndex = start;
  const m = WORD_AT.exec(text);
  return m ? start + m[0].length : start;
}
