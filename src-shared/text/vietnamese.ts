/**
 * Vietnamese text care shared by every layer: NFC at every entrance, folding for
 * accent-insensitive matching, Vietnamese collation, word counts.
 */

/** Every string that enters the desk goes through this. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds text for search and slugs: lower case, tone and vowel marks removed, đ → d.
 * "Hà Giang" → "ha giang", "Đình Anh" → "dinh anh", "hoá" and "hóa" → "hoa".
 */
export function fold(text: string): string {
  let out = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  out = out.replace(/[đĐ]/g, 'd').toLowerCase();
  return out.normalize('NFC');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese sort order: a < ă < â < b < c < d < đ < e < ê … */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Words as a reader counts them: runs of letters or digits (Vietnamese syllables count one
 * each). Combining marks belong to their letter, so decomposed (NFD) text counts the same.
 */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.,'’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu);
  return matches ? matches.length : 0;
}
