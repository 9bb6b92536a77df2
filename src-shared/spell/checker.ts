/**
 * The desk's spellchecker: one engine for the editor (in a Web Worker), the command line and
 * the tests. Pure — the dictionaries' text comes in as strings, however the caller reads them
 * (a bundled asset in the renderer, a file in Node): no DOM, no Node, no network.
 *
 * Each text is checked in its own language:
 * - **Vietnamese** by syllable (vietnamese.ts), NFC, in any case, the tone in either placement.
 *   Telex/VNI leftovers ("hoir", "dduwowcj", "ho6i") are flagged with the intended syllable first
 *   even when the letters happen to spell an English word. Other English words are let through:
 *   Vietnamese news quotes English names and terms ("Facebook", "online").
 * - **English** by word (nspell, en-US). Vietnamese syllables with marks, or capitalised, are let
 *   through: they are Vietnamese names, which English text writes with their marks or without.
 * Known words — the glossary's names, the newsroom dictionary, what the writer ignored — are
 * never flagged, in either language. Abbreviations in capitals, names with an inner capital and
 * codes with digits are left alone (words.ts).
 */
import nspell from 'nspell';
import type { Language } from '../models';
import { restyle, type ToneStyle } from './tones';
import { createVietnamese, type VietnameseSpeller } from './vietnamese';
import { isExempt, wordsOf } from './words';

export interface DictionaryText {
  readonly aff: string;
  readonly dic: string;
}

export type Dictionaries = Readonly<Record<Language, DictionaryText>>;

export interface Misspelling {
  readonly from: number;
  readonly to: number;
  /** The word as checked (NFC). */
  readonly word: string;
  /** Best first; may be empty. */
  readonly suggestions: readonly string[];
}

export interface SpellChecker {
  /** The misspelt words of `text` in `language`, by their offsets in `text` as given. */
  check(text: string, language: Language): Misspelling[];
  /** Is this one word correct in `language` (known words included)? */
  correct(word: string, language: Language): boolean;
  /** Replaces the known words (glossary names, newsroom dictionary, ignored words): each is split into its words. */
  setKnown(words: Iterable<string>): void;
  /** How suggestions place Vietnamese tones. */
  setStyle(style: ToneStyle): void;
  /**
   * The style check (off by default): with a style, a correct Vietnamese syllable whose tone
   * stands where the other style puts it ("hòa" under modern, "hoà" under classic) is flagged
   * too, with the syllable in the chosen style as its one suggestion.
   */
  setStyleCheck(style: ToneStyle | null): void;
}

export const SUGGESTIONS_MAX = 6;

/** The key a known word is matched by: NFC, lower case, one kind of apostrophe. */
export function knownKey(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('vi').replace(/’/g, "'");
}

const ASCII_WORD = /^[A-Za-z']+$/;

export function createSpellChecker(
  dictionaries: Dictionaries,
  options: { readonly style?: ToneStyle; readonly styleCheck?: ToneStyle | null; readonly known?: Iterable<string> } = {},
): SpellChecker {
  const vi: VietnameseSpeller = createVietnamese(dictionaries.vi);
  const en = nspell({ aff: dictionaries.en.aff, dic: dictionaries.en.dic });
  let style: ToneStyle = options.style ?? 'modern';
  let styleCheck: ToneStyle | null = options.styleCheck ?? null;
  let known = new Set<string>();
  /** The dictionaries' verdict per language and word: null when correct, else the suggestions. */
  const verdicts = new Map<string, readonly string[] | null>();

  const judgeVi = (word: string): readonly string[] | null => {
    if (/\p{N}/u.test(word)) {
      const meant = vi.keystrokes(word, style);
      return meant === null ? null : vi.suggest(word, style, SUGGESTIONS_MAX);
    }
    if (vi.correct(word)) {
      if (styleCheck === null) return null;
      const styled = restyle(word, styleCheck);
      return styled === word ? null : [styled];
    }
    if (vi.keystrokes(word, style) === null && ASCII_WORD.test(word) && en.correct(word)) return null;
    return vi.suggest(word, style, SUGGESTIONS_MAX);
  };

  const judgeEn = (word: string): readonly string[] | null => {
    if (/\p{N}/u.test(word)) return null;
    const plain = word.replace(/’/g, "'");
    if (en.correct(plain)) return null;
    // Vietnamese names, with their marks or without ("Phạm Minh Chính", "Nguyen Van An").
    if ((!ASCII_WORD.test(plain) || /^\p{Lu}/u.test(plain)) && vi.correct(word)) return null;
    return en.suggest(plain).slice(0, SUGGESTIONS_MAX);
  };

  const verdict = (word: string, language: Language): readonly string[] | null => {
    if (isExempt(word) || known.has(knownKey(word))) return null;
    const key = `${language}:${word}`;
    let v = verdicts.get(key);
    if (v === undefined) {
      v = language === 'vi' ? judgeVi(word) : judgeEn(word);
      verdicts.set(key, v);
    }
    return v;
  };

  const checker: SpellChecker = {
    check(text, language) {
      const out: Misspelling[] = [];
      for (const w of wordsOf(text)) {
        const suggestions = verdict(w.text, language);
        if (suggestions !== null) out.push({ from: w.from, to: w.to, word: w.text, suggestions });
      }
      return out;
    },
    correct(word, language) {
      return verdict(word.normalize('NFC'), language) === null;
    },
    setKnown(words) {
      const next = new Set<string>();
      for (const entry of words) for (const w of wordsOf(entry)) next.add(knownKey(w.text));
      known = next;
    },
    setStyleCheck(next) {
      if (next === styleCheck) return;
      styleCheck = next;
      verdicts.clear();
    },
    setStyle(next) {
      if (next === style) return;
      style = next;
      verdicts.clear();
    },
  };
  if (options.known) checker.setKnown(options.known);
  return checker;
}
