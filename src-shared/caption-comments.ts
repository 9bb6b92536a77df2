/**
 * Where a comment on a photo's caption sits: a text-quote anchor (as the W3C Web Annotation
 * TextQuoteSelector): the commented words, a little of the text before and after them, the
 * photo's id and the caption's language — found again in the caption's current effective value
 * each time it is read.
 *
 * Why not Yjs relative positions, as for the headline, the lead and the body: a caption is a
 * register (register.ts), not a Y.Text. Each edit session writes a new candidate, a whole string
 * under its own key, and a conflict keeps two candidates with the agreed value as the effective
 * one; a position inside one candidate would die with the next session, and could not point into
 * the value a conflict shows. Making candidates Y.Texts would give up what registers are for
 * (two concurrent values both kept, never merged character by character). A quote re-found in
 * the effective value needs no change to the register, is a pure function of the document (so
 * two desks that have the same document see the comment on the same words), and follows the
 * text through undo and merges for free: it is read from whatever the text now is.
 *
 * Finding the words again:
 * - the quote found exactly: of several occurrences, the one whose text before and after
 *   agrees most with the stored context (words typed before or after the quote);
 * - else the words between the context before and the context after (the quote edited inside):
 *   the last characters of the context before (or the caption's start, when the words began
 *   it) followed by the first characters of the context after (or its end), non-empty between;
 * - else, or when the photo left the article, the thread is detached: shown with its quote.
 */
import * as Y from 'yjs';
import { photos } from './article-doc';
import { captionsOf } from './article-photos';
import type { Language } from './models';
import { registerValue } from './register';
import { nfc } from './text/vietnamese';

/** How much text before and after the words is kept to tell repeated words apart. */
export const CONTEXT_CHARS = 32;
/** How much of that context must still be there to find words edited inside. */
export const CONTEXT_MATCH_CHARS = 8;

export interface CaptionQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface CaptionAnchor extends CaptionQuote {
  readonly field: 'caption';
  /** The photo's id (SHA-256 of its bytes). */
  readonly photo: string;
  readonly language: Language;
  readonly quote: string;
}

export interface CaptionPlace {
  /** The entry's position in the article (0-based), or null when the photo is no longer in it. */
  readonly index: number | null;
  /** The caption's effective value ('' when the photo is gone). */
  readonly text: string;
}

/** Where photo `photo` is in the article now and its caption in `language`. */
export function captionPlace(doc: Y.Doc, photo: string, language: Language): CaptionPlace {
  const list = photos(doc).toArray();
  const index = list.findIndex((p) => p instanceof Y.Map && p.get('id') === photo);
  if (index < 0) return { index: null, text: '' };
  const caps = captionsOf(list[index]!);
  return { index, text: caps ? registerValue(caps, language) : '' };
}

/** An anchor on [start, end) of a caption's text `text` (NFC, as the document holds it). */
export function quoteAt(text: string, start: number, end: number): CaptionQuote | null {
  if (!(end > start) || start < 0 || end > text.length) return null;
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) };
}

/**
 * An anchor on [start, end) of photo `photo`'s caption in `language` — of `shown` when given, the
 * text its field shows (during a conflict, the writer's own value) — or null when the range is
 * empty, leaves the caption, or the photo is not in the article.
 */
export function captionAnchorAt(doc: Y.Doc, photo: string, language: Language, start: number, end: number, shown?: string): CaptionAnchor | null {
  if (!photo) return null;
  const place = captionPlace(doc, photo, language);
  if (place.index === null) return null;
  const q = quoteAt(shown === undefined ? place.text : nfc(shown), start, end);
  return q ? { field: 'caption', photo, language, quote: q.exact, ...q } : null;
}

function sharedTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function sharedHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, part: string, from = 0): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part, from); i >= 0; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/** Where the quote's words are in `text` now ([start, end)), or null: see the module's comment. */
export function findQuote(text: string, q: CaptionQuote): { start: number; end: number } | null {
  if (!q.exact) return null;
  let best: { start: number; score: number } | null = null;
  for (const at of occurrences(text, q.exact)) {
    const score = sharedTail(text.slice(Math.max(0, at - q.prefix.length), at), q.prefix) + sharedHead(text.slice(at + q.exact.length, at + q.exact.length + q.suffix.length), q.suffix);
    if (!best || score > best.score) best = { start: at, score };
  }
  if (best) return { start: best.start, end: best.start + q.exact.length };
  // Edited inside: between what is left of the context on either side.
  const before = q.prefix.slice(-CONTEXT_MATCH_CHARS);
  const after = q.suffix.slice(0, CONTEXT_MATCH_CHARS);
  if (!before && !after) return text ? { start: 0, end: text.length } : null; // the whole caption was commented
  const starts = before ? occurrences(text, before).map((i) => i + before.length) : [0];
  for (const start of starts) {
    if (!after) return start < text.length ? { start, end: text.length } : null;
    const end = text.indexOf(after, start);
    if (end > start) return { start, end };
    if (end === start) return null; // the words between were deleted
  }
  return null;
}

/** What a caption thread stores besides the fields every thread has. */
export function writeCaptionAnchor(thread: Y.Map<unknown>, anchor: CaptionAnchor): void {
  thread.set('photo', anchor.photo);
  thread.set('language', anchor.language);
  thread.set('prefix', nfc(anchor.prefix));
  thread.set('suffix', nfc(anchor.suffix));
}

export interface CaptionWhere {
  readonly photo: string;
  readonly language: Language;
  /** The photo's position (0-based) now, or null when it left the article. */
  readonly index: number | null;
  readonly range: { readonly start: number; readonly end: number } | null;
  readonly text: string;
}

const isLanguage = (v: unknown): v is Language => v === 'vi' || v === 'en';

/** Where a caption thread's words are now (null when the thread's anchor is unreadable). */
export function resolveCaptionThread(doc: Y.Doc, thread: Y.Map<unknown>): CaptionWhere | null {
  const photo = thread.get('photo');
  const language = thread.get('language');
  const exact = thread.get('quote');
  if (typeof photo !== 'string' || !isLanguage(language) || typeof exact !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const place = captionPlace(doc, photo, language);
  const range = place.index === null ? null : findQuote(place.text, { exact, prefix: str(thread.get('prefix')), suffix: str(thread.get('suffix')) });
  return { photo, language, index: place.index, range, text: range ? place.text.slice(range.start, range.end) : '' };
}
