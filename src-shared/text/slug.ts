/**
 * Slugs for an article's address: folded Vietnamese ("đ" → "d", marks dropped), lower-case
 * ASCII letters and digits, words joined by "-", at most SLUG_MAX characters cut between words.
 * "Hội nghị trực tuyến toàn quốc" → "hoi-nghi-truc-tuyen-toan-quoc". The same function
 * cleans a slug the user typed, so whatever is stored has this shape.
 */
import { fold, nfc } from './vietnamese';

export const SLUG_MAX = 80;

export function slugify(text: string, max: number = SLUG_MAX): string {
  const words = fold(nfc(text))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) {
      // A single word longer than the limit is cut; otherwise stop before the word that overflows.
      if (!out) out = word.slice(0, max);
      break;
    }
    out = next;
  }
  return out;
}
