/**
 * The body as plain lines of text for the counters, and the counts of the whole article made
 * from counts per line.
 *
 * The lines are read again shortly after the body changes (and once the page is idle) rather
 * than on every keystroke: walking a long body takes time that belongs to painting the
 * keystroke, and a counter a fraction of a second behind is still live. The counts are kept per line (a CountCache), so
 * after a keystroke only the paragraph that changed is counted again, not the whole story.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { body, bodyLines } from '../../../src-shared/article-doc';
import type { Language, ReadingRates } from '../../../src-shared/models';
import { countText, secondsAt, type TextCounts } from '../../../src-shared/text/counts';

export const BODY_TEXT_DELAY_MS = 150;
/** How much longer the read may wait for the page to be idle, so it does not hold up a keystroke. */
const IDLE_WAIT_MS = 150;

/** The body's blocks as lines (bodyLines), read again at most every BODY_TEXT_DELAY_MS while it changes. */
export function useBodyLines(doc: Y.Doc): readonly string[] {
  const [lines, setLines] = useState<readonly string[]>(() => bodyLines(doc));
  useEffect(() => {
    const fragment = body(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    const read = () => {
      timer = null;
      idle = null;
      setLines(bodyLines(doc));
    };
    const onChange = () => {
      if (timer !== null || idle !== null) return;
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(read, { timeout: IDLE_WAIT_MS });
        else read();
      }, BODY_TEXT_DELAY_MS);
    };
    fragment.observeDeep(onChange);
    onChange();
    return () => {
      fragment.unobserveDeep(onChange);
      if (timer !== null) clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [doc]);
  return lines;
}

type LineCounts = Pick<TextCounts, 'words' | 'characters' | 'charactersNoSpaces'>;

/**
 * Counts per line of text, remembered from one call of `count` to the next. Words and
 * characters add up over lines: a word never spans a line break, line breaks are no
 * characters, and NFC never joins across a line break, so counting the lines one by one gives
 * what countText gives for the lines joined with '\n'.
 */
export class CountCache {
  private known = new Map<string, LineCounts>();

  count(lines: readonly string[], language: Language, rates: ReadingRates): TextCounts {
    const next = new Map<string, LineCounts>();
    let words = 0;
    let characters = 0;
    let charactersNoSpaces = 0;
    for (const line of lines) {
      let c = next.get(line) ?? this.known.get(line);
      if (!c) {
        // The rates do not change words or characters: any will do for one line.
        const { words: w, characters: ch, charactersNoSpaces: ns } = countText(line, language, rates);
        c = { words: w, characters: ch, charactersNoSpaces: ns };
      }
      next.set(line, c);
      words += c.words;
      characters += c.characters;
      charactersNoSpaces += c.charactersNoSpaces;
    }
    // Only the lines of this call are kept: the cache never outgrows the article.
    this.known = next;
    const rate = rates[language];
    return { words, characters, charactersNoSpaces, readingSeconds: secondsAt(words, rate.reading), onAirSeconds: secondsAt(words, rate.onAir) };
  }
}
