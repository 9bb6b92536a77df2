/**
 * What the counters beside an article show: words, characters (with and without spaces),
 * and how long the text takes to read silently and to read aloud on air.
 *
 * Characters are counted as code points of the NFC form, so "ệ" is one character whether it
 * arrived composed or decomposed; line breaks (between paragraphs) are not counted. Vietnamese words are syllables ("Hà Giang" is two), which is
 * also the unit of the Vietnamese on-air rate; English rates are in words.
 */
import type { Language, ReadingRates } from '../models';
import { countWords, nfc } from './vietnamese';

export interface TextCounts {
  readonly words: number;
  readonly characters: number;
  readonly charactersNoSpaces: number;
  /** Silent reading time, whole seconds. */
  readonly readingSeconds: number;
  /** Reading-aloud time, whole seconds. */
  readonly onAirSeconds: number;
}

/** Whole seconds that `words` take at `perMinute` (rounded up: a started second counts). */
export function secondsAt(words: number, perMinute: number): number {
  if (words <= 0 || perMinute <= 0) return 0;
  return Math.ceil((words * 60) / perMinute);
}

export function countText(text: string, language: Language, rates: ReadingRates): TextCounts {
  const normal = nfc(text);
  let characters = 0;
  let spaces = 0;
  for (const ch of normal) {
    // A line break only separates paragraphs (headline, lead, body blocks): it is no character.
    if (ch === '\n' || ch === '\r') continue;
    characters++;
    if (/\s/u.test(ch)) spaces++;
  }
  const words = countWords(normal);
  const rate = rates[language];
  return { words, characters, charactersNoSpaces: characters - spaces, readingSeconds: secondsAt(words, rate.reading), onAirSeconds: secondsAt(words, rate.onAir) };
}

/** Seconds as minutes and seconds, for "2 phút 15 giây" / "2 min 15 s". */
export function splitDuration(totalSeconds: number): { readonly minutes: number; readonly seconds: number } {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
