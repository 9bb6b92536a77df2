/**
 * Telex and VNI leftovers: a syllable typed with the Vietnamese keyboard switched off arrives as
 * its keystrokes ("dduwowcj", "hoir", "ho6i"). This reads the keystrokes back into the syllable
 * they were meant to make, so the spellchecker can offer the intended word first.
 *
 * Telex: dd → đ, aa/ee/oo → â/ê/ô, w → ă/ơ/ư (uow → ươ, a lone w → ư), and after the first
 * vowel s/f/r/x/j → sắc/huyền/hỏi/ngã/nặng (z takes the tone off). VNI: digits after the letter
 * or at the end — 1–5 the tones, 6 circumflex, 7 horn, 8 breve, 9 đ, 0 no tone.
 * The tone is placed by the syllable's rules afterwards (tones.ts), wherever it was typed.
 */
import { placeTone, type ToneStyle } from './tones';

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';

const TELEX_TONES: Readonly<Record<string, string>> = { s: ACUTE, f: GRAVE, r: HOOK, x: TILDE, j: DOT, z: '' };
const VNI_TONES: Readonly<Record<string, string>> = { '1': ACUTE, '2': GRAVE, '3': HOOK, '4': TILDE, '5': DOT, '0': '' };
const CIRCUMFLEX: Readonly<Record<string, string>> = { a: 'â', e: 'ê', o: 'ô' };
const BREVE: Readonly<Record<string, string>> = { a: 'ă' };
const HORN: Readonly<Record<string, string>> = { o: 'ơ', u: 'ư' };
const VOWEL = /[aăâeêioôơuưy]/;

/** Applies a vowel mark to the vowels typed so far: the last one it fits ("uo" + horn → "ươ"). */
function markVowels(letters: string[], table: Readonly<Record<string, string>>): boolean {
  const isHorn = table === HORN;
  for (let i = letters.length - 1; i >= 0; i--) {
    const c = letters[i]!;
    const marked = table[c];
    if (marked === undefined) continue;
    letters[i] = marked;
    // "uo" takes the horn on both ("dduowc" → "đươc"), except in "qu", whose u is a consonant.
    if (isHorn && c === 'o' && letters[i - 1] === 'u' && letters[i - 2] !== 'q') letters[i - 1] = 'ư';
    return true;
  }
  return false;
}

interface Keys {
  readonly letters: readonly string[];
  readonly tone: string | null;
  readonly changed: boolean;
}

function readTelex(word: string): Keys | null {
  if (!/^[a-z]+$/.test(word)) return null;
  const letters: string[] = [];
  let tone: string | null = null;
  let changed = false;
  let sawVowel = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const last = letters[letters.length - 1];
    if (c === 'd' && last === 'd' && letters.length === 1) {
      letters[0] = 'đ';
      changed = true;
    } else if (sawVowel && TELEX_TONES[c] !== undefined) {
      tone = TELEX_TONES[c]!;
      changed = true;
    } else if (c === 'w') {
      if (!sawVowel) {
        letters.push('ư');
        sawVowel = true;
      } else if (!markVowels(letters, HORN) && !markVowels(letters, BREVE)) return null;
      changed = true;
    } else if (last !== undefined && CIRCUMFLEX[c] !== undefined && (last === c || (sawVowel && letters.includes(c) && !VOWEL.test(last)))) {
      // "aa" → "â"; a vowel repeated after the coda marks the earlier one ("tienes" → "tiến").
      const i = letters.lastIndexOf(c);
      letters[i] = CIRCUMFLEX[c]!;
      changed = true;
    } else {
      // A tone key ends the vowels: a new vowel after it means the letters were a word, not keystrokes ("virus").
      if (tone !== null && VOWEL.test(c)) return null;
      letters.push(c);
      if (VOWEL.test(c)) sawVowel = true;
    }
  }
  return { letters, tone, changed };
}

function readVni(word: string): Keys | null {
  if (!/^[a-z0-9]+$/.test(word) || !/[0-9]/.test(word) || !/^[a-z]/.test(word)) return null;
  const letters: string[] = [];
  let tone: string | null = null;
  for (const c of word) {
    if (VNI_TONES[c] !== undefined) tone = VNI_TONES[c]!;
    else if (c === '6') {
      if (!markVowels(letters, CIRCUMFLEX)) return null;
    } else if (c === '7') {
      if (!markVowels(letters, HORN)) return null;
    } else if (c === '8') {
      if (!markVowels(letters, BREVE)) return null;
    } else if (c === '9') {
      const d = letters.indexOf('d');
      if (d < 0) return null;
      letters[d] = 'đ';
    } else letters.push(c);
  }
  return { letters, tone, changed: true };
}

/**
 * The syllable that Telex or VNI keystrokes `word` were meant to make, in `style`, with the
 * word's initial capital; null when the word holds no such keystrokes or they make no syllable.
 * Whether the result is a real syllable is the dictionary's question.
 */
export function fromKeystrokes(word: string, style: ToneStyle): string | null {
  const lower = word.toLowerCase();
  const keys = readVni(lower) ?? readTelex(lower);
  if (!keys || !keys.changed) return null;
  const base = keys.letters.join('');
  const syllable = placeTone(base, keys.tone ?? '', style);
  if (syllable === null || syllable === lower) return null;
  const first = word[0]!;
  return first !== first.toLowerCase() ? syllable[0]!.toLocaleUpperCase('vi') + syllable.slice(1) : syllable;
}
