/**
 * Legacy Vietnamese encodings → Unicode (NFC), with a converter of our own.
 *
 * Before Unicode, Vietnamese newsrooms typed in two 8-bit schemes, and old documents still
 * arrive in them:
 * - **TCVN3 (ABC)**, fonts `.VnTime`, `.VnArial`…: one byte per letter. Only the seven plain
 *   capitals (Ă Â Ê Ô Ơ Ư Đ) have codes of their own; toned capitals were typed with the
 *   lower-case codes in a capitals font (`.VnTimeH`), so they come back lower case here
 *   (`fromLegacy(…, { capitals: true })` restores them when the font says so).
 * - **VNI** (`VNI-Times`…): a base letter followed by one mark character (`a` + `ø` = à,
 *   `e` + `ä` = ệ), plus a few letters of their own (`ñ` = đ, `ö` = ư, `ô` = ơ, `í`/`ì`/`æ`/`ó`/`ò`
 *   = í ì ỉ ĩ ị, `î` = ỵ).
 *
 * Both arrive as text: the characters of their bytes read as Windows-1252 (a copy from a
 * .VnTime document, or a file decoded as cp1252) or as Latin-1. Neither scheme puts a letter in
 * 0x80–0x9F, where the two readings differ, so one table serves both.
 *
 * `detectLegacy` converts only when the text is clearly legacy: Unicode Vietnamese, English and
 * French are left alone (see `scoreLegacy`).
 */
import { nfc } from './vietnamese';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 code (as a Latin-1/cp1252 character) → Unicode letter. */
const TCVN3_LETTERS: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

/** Combining tone marks in the order VNI's mark characters list them below. */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

/** VNI mark character (lower-case form; the upper-case form is the same letter capitalised) → combining marks. */
const VNI_TONE: Readonly<Record<string, string>> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
const VNI_CIRCUMFLEX: Readonly<Record<string, string>> = { â: '', á: ACUTE, à: GRAVE, å: HOOK, ã: TILDE, ä: DOT };
const VNI_BREVE: Readonly<Record<string, string>> = { ê: '', é: ACUTE, è: GRAVE, ú: HOOK, ü: TILDE, ë: DOT };

/** VNI letters that stand alone (lower-case form) → Unicode. */
const VNI_LETTERS: Readonly<Record<string, string>> = { ñ: 'đ', ô: 'ơ', ö: 'ư', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

function lowerOf(ch: string): string {
  return ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function caseLike(letter: string, model: string): string {
  return isUpper(model) ? letter.toUpperCase() : letter;
}

function tcvn3(text: string, capitals: boolean): string {
  let out = '';
  for (const ch of text) {
    const mapped = TCVN3_LETTERS[ch.charCodeAt(0)];
    out += mapped === undefined ? ch : mapped;
  }
  return capitals ? out.toLocaleUpperCase('vi') : out;
}

/** One VNI letter starting at `i`: the Unicode text and how many characters it used. */
function vniAt(text: string, i: number): readonly [string, number] {
  const ch = text[i]!;
  const low = lowerOf(ch);
  const next = text[i + 1];
  const nextLow = next === undefined ? '' : lowerOf(next);
  const compose = (base: string, marks: string) => [caseLike((base + marks).normalize('NFC'), ch), 2] as const;
  if ('aeouy'.includes(low) && next !== undefined) {
    if (VNI_TONE[nextLow] !== undefined) return compose(low, VNI_TONE[nextLow]!);
    if ('aeo'.includes(low) && VNI_CIRCUMFLEX[nextLow] !== undefined) return compose(low, CIRCUMFLEX + VNI_CIRCUMFLEX[nextLow]!);
    if (low === 'a' && VNI_BREVE[nextLow] !== undefined) return compose(low, BREVE + VNI_BREVE[nextLow]!);
  }
  if ((low === 'ô' || low === 'ö') && next !== undefined && VNI_TONE[nextLow] !== undefined) {
    return compose(low === 'ô' ? 'o' : 'u', HORN + VNI_TONE[nextLow]!);
  }
  const alone = VNI_LETTERS[low];
  if (alone !== undefined) return [caseLike(alone, ch), 1];
  return [ch, 1];
}

function vni(text: string, capitals: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const [letter, used] = vniAt(text, i);
    out += letter;
    i += used;
  }
  return capitals ? out.toLocaleUpperCase('vi') : out;
}

/**
 * Legacy text (its bytes' characters in Windows-1252 or Latin-1) → Unicode NFC. `capitals`
 * says the text was set in a capitals font (`.VnTimeH`, `VNI-…` capitals), so it comes out upper case.
 */
export function fromLegacy(text: string, encoding: LegacyEncoding, options: { readonly capitals?: boolean } = {}): string {
  const capitals = options.capitals ?? false;
  switch (encoding) {
    case 'tcvn3':
      return nfc(tcvn3(text, capitals));
    case 'vni':
      return nfc(vni(text, capitals));
  }
}

// ——— Detection ———

/** Characters a Windows-1252 (or Latin-1) reading of bytes can give above U+00FF. */
const CP1252_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
/** A word as legacy text has it: ASCII letters and any Latin-1 character except no-break space and × / ÷ used as signs. */
const LEGACY_WORD = /[A-Za-z\u00a1-\u00ff]+/g;

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?';
const NUCLEUS = '[aăâeêioôơuưy]{1,3}';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Is `word` shaped like one Vietnamese syllable (an onset, one to three vowels, a coda, at most one tone)? */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

export interface LegacyScore {
  /** Words of two or more characters that carry one above ASCII: the only ones that can tell. */
  readonly marked: number;
  readonly words: number;
  /** Marked words that are Vietnamese syllables as they stand. */
  readonly asIs: number;
  readonly tcvn3: number;
  readonly vni: number;
}

/** How many marked words read as Vietnamese as they are, and after each conversion. */
export function scoreLegacy(text: string): LegacyScore {
  let marked = 0;
  let words = 0;
  let asIs = 0;
  let t = 0;
  let v = 0;
  for (const m of text.matchAll(LEGACY_WORD)) {
    const word = m[0];
    words++;
    if (![...word].some((c) => c.charCodeAt(0) > 0x7f)) continue;
    // A lone sign (a bullet ·, ©, « or ») says nothing: legacy text has plenty of longer words.
    if (word.length < 2) continue;
    marked++;
    if (isVietnameseSyllable(word)) asIs++;
    if (isVietnameseSyllable(tcvn3(word, false))) t++;
    if (isVietnameseSyllable(vni(word, false))) v++;
  }
  return { marked, words, asIs, tcvn3: t, vni: v };
}

/**
 * Which legacy encoding `text` is in, or null when it is not clearly legacy. Text with any
 * letter beyond what a Windows-1252 reading can give (ơ, ư, ạ…) is Unicode already. Otherwise
 * the words that carry marks must mostly (≥ 80 %) become Vietnamese syllables after conversion
 * while at most half of them are syllables as they stand, there must be at least two of them,
 * and they must be a fair share (≥ 15 %) of all words — so English with a "café" or a "©", or
 * French, or Unicode Vietnamese that happens to need only Latin-1 letters, stays as it is.
 */
export function detectLegacy(text: string): LegacyEncoding | null {
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0xff && !CP1252_EXTRA.has(ch)) return null;
  }
  const s = scoreLegacy(text);
  if (s.marked < 2 || s.marked < 0.15 * s.words || s.asIs > 0.5 * s.marked) return null;
  const best: LegacyEncoding = s.vni > s.tcvn3 ? 'vni' : 'tcvn3';
  const hits = best === 'vni' ? s.vni : s.tcvn3;
  return hits >= 0.8 * s.marked && hits > s.asIs ? best : null;
}

/** Converts `text` when it is clearly legacy; otherwise returns it in NFC. */
export function repairLegacy(text: string): string {
  const encoding = detectLegacy(text);
  return encoding ? fromLegacy(text, encoding) : nfc(text);
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five bytes it leaves undefined read as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
  }
  return out;
}

/** The platform's TextDecoder (Node and browsers both have it; this layer's types name neither). */
const Utf8Decoder = (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string } }).TextDecoder;

/**
 * A text file's bytes → NFC text: valid UTF-8 (with or without a byte-order mark) as it is,
 * anything else read as Windows-1252; then legacy TCVN3/VNI is detected and converted — also
 * when a legacy file was once decoded as Windows-1252 and saved again as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new Utf8Decoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return repairLegacy(text.replace(/^\uFEFF/, ''));
}
