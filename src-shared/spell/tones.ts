/**
 * Where a Vietnamese syllable carries its tone mark. Two placements are in use and both are
 * correct: the **modern** one puts the tone on the main vowel ("hoà", "thuỷ", "khoẻ" — the
 * rule of the 1984 orthography, and the one the Vietnamese dictionary is written in), the
 * **classic** one on the first of an open "oa", "oe", "uy" ("hòa", "thủy", "khỏe"). They differ
 * only for those three open pairs; every other syllable places its tone the same either way.
 */
export const TONE_STYLES = ['modern', 'classic'] as const;
export type ToneStyle = (typeof TONE_STYLES)[number];

/** The five tone marks, as combining characters. */
export const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONE_TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

const ONSET = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?/;
const CODA = /(ch|ng|nh|[cmnpt])$/;
const VOWELS = 'aăâeêioôơuưy';
const MARKED = 'ăâêôơư';

/** Index (in `base`, lower case NFC without tone) of the letter that takes the tone, or -1 when it is not a syllable. */
export function tonePosition(base: string, style: ToneStyle): number {
  let onset = ONSET.exec(base)?.[0] ?? '';
  const coda = CODA.exec(base.slice(onset.length))?.[0] ?? '';
  let nucleus = base.slice(onset.length, base.length - coda.length);
  // "gì", "gìn": the i of "gi" is the vowel when nothing else is.
  if (onset === 'gi' && nucleus === '') {
    onset = 'g';
    nucleus = 'i';
  }
  if (nucleus === '' || [...nucleus].some((c) => !VOWELS.includes(c))) return -1;
  const at = (i: number) => onset.length + i;
  const horn = nucleus.indexOf('ơ');
  if (horn >= 0) return at(horn);
  const marked = [...nucleus].findIndex((c) => MARKED.includes(c));
  if (marked >= 0) return at(marked);
  if (coda !== '') return at(nucleus.length - 1);
  if (nucleus.length === 3) return at(1);
  if (nucleus.length === 2) return at(style === 'modern' && ['oa', 'oe', 'uy'].includes(nucleus) ? 1 : 0);
  return at(0);
}

/** A syllable's letters and tone: "Hoà" → { base: 'hoa', tone: '\u0300', upper: [true, false, false] }. */
interface Parts {
  readonly base: string;
  readonly tone: string;
  readonly upper: readonly boolean[];
}

function parts(word: string): Parts | null {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return null;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const letters = [...bare];
  return { base: letters.map((c) => c.toLocaleLowerCase('vi')).join(''), tone: tones[0] ?? '', upper: letters.map((c) => c !== c.toLocaleLowerCase('vi')) };
}

/** Puts `tone` (a combining mark, or '') on `base` (lower case, NFC, no tone) in `style`; null when `base` is not a syllable. */
export function placeTone(base: string, tone: string, style: ToneStyle): string | null {
  if (tone === '') return base;
  const letters = [...base];
  const i = tonePosition(base, style);
  if (i < 0) return null;
  letters[i] = (letters[i]! + tone).normalize('NFC');
  return letters.join('');
}

/**
 * The syllable with its tone in `style`, case kept: restyle("Hòa", 'modern') = "Hoà". A word
 * that is not one syllable comes back as it was (NFC).
 */
export function restyle(word: string, style: ToneStyle): string {
  const p = parts(word);
  if (!p || p.tone === '') return word.normalize('NFC');
  const placed = placeTone(p.base, p.tone, style);
  if (placed === null) return word.normalize('NFC');
  return [...placed].map((c, i) => (p.upper[i] ? c.toLocaleUpperCase('vi') : c)).join('');
}

/** Is the tone of `word` where one of the two styles puts it (or has it no tone)? */
export function toneWellPlaced(word: string): boolean {
  const w = word.normalize('NFC');
  if (!ONE_TONE.test(w.normalize('NFD'))) return true;
  return restyle(w, 'modern') === w || restyle(w, 'classic') === w;
}

/** Every syllable of `text` put in `style` (NFC): the normalising command of the style check. */
export function restyleText(text: string, style: ToneStyle): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (word) => restyle(word, style));
}
