/**
 * The words of a text for the spellchecker, with where each stands in the text as given
 * (UTF-16 offsets, so a decomposed NFD text is marked where its letters are). Letters, their
 * combining marks and digits make a word (digits: VNI leftovers such as "ho6i"); an apostrophe
 * between letters stays inside ("don't", "O’Brien").
 */
export interface Word {
  readonly from: number;
  readonly to: number;
  /** The word in NFC. */
  readonly text: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}][\p{L}\p{M}\p{N}]*)*/gu;
/**
 * Addresses are not words: web and mail addresses ("https://example.vn/tin-lu",
 * "www.vtv.vn", "toasoan@baohagiang.vn") and bare domains ("baohagiang.vn"), whose parts the
 * checker would otherwise flag.
 */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info|io)\b(?:\/[^\s<>"]*)?/giu;

export function wordsOf(text: string): Word[] {
  const skipped: Array<[number, number]> = [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length]);
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    if (skipped.some(([from, to]) => m.index >= from && m.index < to)) continue;
    out.push({ from: m.index, to: m.index + m[0].length, text: m[0].normalize('NFC') });
  }
  return out;
}

/**
 * Words the checker leaves alone whatever the language: numbers and codes with digits that are
 * not keystrokes ("H5N1", "2024"), abbreviations in capitals ("UBND", "HĐND", "NATO"), and
 * names written with an inner capital ("iPhone", "VnExpress").
 */
export function isExempt(word: string): boolean {
  if (/^\p{N}/u.test(word)) return true;
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  if (letters.length >= 2 && letters.every((c) => c !== c.toLowerCase())) return true;
  if (letters.slice(1).some((c) => c !== c.toLowerCase())) return true;
  return false;
}
