/**
 * Suggestions in a plain text of the article (the headline and the lead, Y.Text): the same
 * records the body's marks carry (src-shared/suggestions.ts), stored as formatting attributes
 * of the Y.Text's characters, so they merge with their letters like the body's do.
 *
 * - `suggestInsert` on characters proposed for insertion (they are in the text);
 * - `suggestDelete` on characters proposed for removal (they stay in the text: another desk's
 *   word typed inside them meanwhile survives the merge).
 *
 * The text's string (`toString()`) holds both, which is what the field shows and edits; what
 * leaves the desk is `acceptedText` (proposals read as not made). A leaf module: it needs only
 * Yjs, so the article's document code can read accepted text without importing the body's.
 */
import type * as Y from 'yjs';
import { anchoredRange, changedRange, type ChangedRange, type EditHint } from './changed-range';

export const SUGGEST_INSERT = 'suggestInsert';
export const SUGGEST_DELETE = 'suggestDelete';

export interface SuggestionAttrs {
  readonly id: string;
  readonly author: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

/** The suggestion attributes of a stored mark, or null when they are not a suggestion's. */
export function suggestionAttrs(value: unknown): SuggestionAttrs | null {
  if (!value || typeof value !== 'object') return null;
  const { id, author, at } = value as Record<string, unknown>;
  return typeof id === 'string' && id ? { id, author: typeof author === 'string' ? author : '', at: typeof at === 'number' ? at : 0 } : null;
}

export type TextSuggestionKind = 'insert' | 'delete';

/** One stretch of a text under one suggestion: `[start, end)` of the text's string. */
export interface TextSuggestionRun extends SuggestionAttrs {
  readonly start: number;
  readonly end: number;
  readonly kind: TextSuggestionKind;
}

/** A suggestion of a text, whole: its runs in order (a replacement has a struck and a proposed one). */
export interface TextSuggestion extends SuggestionAttrs {
  readonly runs: readonly TextSuggestionRun[];
  readonly kinds: readonly TextSuggestionKind[];
}

type Delta = Array<{ insert: unknown; attributes?: Record<string, unknown> }>;

const KINDS: ReadonlyArray<[TextSuggestionKind, string]> = [
  ['insert', SUGGEST_INSERT],
  ['delete', SUGGEST_DELETE],
];

/** Every suggestion run of the text, in order (a character both proposed and struck is in two runs). */
export function suggestionRuns(text: Y.Text): TextSuggestionRun[] {
  const runs: TextSuggestionRun[] = [];
  /** Per kind, the index in `runs` of its latest run. */
  const latest = new Map<TextSuggestionKind, number>();
  let at = 0;
  for (const d of text.toDelta() as Delta) {
    const length = typeof d.insert === 'string' ? d.insert.length : 1;
    for (const [kind, key] of KINDS) {
      const attrs = suggestionAttrs(d.attributes?.[key]);
      if (!attrs) continue;
      const index = latest.get(kind);
      const last = index === undefined ? undefined : runs[index];
      // Yjs splits a run where other attributes change: one suggestion's stretch is joined again.
      if (index !== undefined && last && last.end === at && last.id === attrs.id) runs[index] = { ...last, end: at + length };
      else latest.set(kind, runs.push({ ...attrs, start: at, end: at + length, kind }) - 1);
    }
    at += length;
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The text's suggestions, each once with its runs, in order of appearance. */
export function textSuggestions(text: Y.Text): TextSuggestion[] {
  const found = new Map<string, { attrs: SuggestionAttrs; runs: TextSuggestionRun[] }>();
  for (const run of suggestionRuns(text)) {
    const entry = found.get(run.id) ?? { attrs: { id: run.id, author: run.author, at: run.at }, runs: [] };
    found.set(run.id, entry);
    entry.runs.push(run);
  }
  return [...found.values()].map(({ attrs, runs }) => ({ ...attrs, runs, kinds: [...new Set(runs.map((r) => r.kind))] }));
}

/** Whether the text holds a suggestion (stops at the first). */
export function hasTextSuggestions(text: Y.Text): boolean {
  return (text.toDelta() as Delta).some((d) => KINDS.some(([, key]) => suggestionAttrs(d.attributes?.[key])));
}

/** The text as accepted so far: proposed characters left out, characters proposed for removal kept. */
export function acceptedText(text: Y.Text): string {
  let out = '';
  for (const d of text.toDelta() as Delta) {
    if (typeof d.insert === 'string' && !suggestionAttrs(d.attributes?.[SUGGEST_INSERT])) out += d.insert;
  }
  return out;
}

/** The ids of the suggestions touching `[from, to]` (at a caret: the one it is in or beside). */
export function suggestionIdsAt(text: Y.Text, from: number, to: number): Set<string> {
  return new Set(
    suggestionRuns(text)
      .filter((r) => r.start <= to && r.end >= from)
      .map((r) => r.id),
  );
}

/**
 * Accepts (or rejects) the suggestions of the text whose ids are given ('all': every one), as
 * an ordinary change. Accept: proposed characters stay (their attribute goes), struck ones go.
 * Reject: proposed characters go, struck ones stay. Returns whether anything was settled.
 */
export function settleTextSuggestions(text: Y.Text, ids: ReadonlySet<string> | 'all', accept: boolean): boolean {
  const runs = suggestionRuns(text).filter((r) => ids === 'all' || ids.has(r.id));
  if (!runs.length) return false;
  const go = (r: TextSuggestionRun) => (r.kind === 'insert') !== accept;
  const run = () => {
    // Attributes change no offsets: first all of them, then the removals from the end.
    for (const r of runs) if (!go(r)) text.format(r.start, r.end - r.start, { [r.kind === 'insert' ? SUGGEST_INSERT : SUGGEST_DELETE]: null });
    const removals = runs.filter(go).sort((a, b) => b.start - a.start);
    let floor = Infinity;
    for (const r of removals) {
      // A character both proposed and struck may be removed by two runs: only once.
      const end = Math.min(r.end, floor);
      if (end > r.start) text.delete(r.start, end - r.start);
      floor = Math.min(floor, r.start);
    }
  };
  if (text.doc) text.doc.transact(run);
  else run();
  return true;
}

/**
 * Gives `target` the suggestions `source` has, letter for letter (their strings must be equal:
 * a version brought back by its text). Letters that are suggestions in neither are left alone.
 */
export function copySuggestions(target: Y.Text, source: Y.Text): void {
  if (target.toString() !== source.toString()) throw new RangeError('copySuggestions: the texts differ');
  const wanted = (text: Y.Text) => (text.toDelta() as Delta).map((d) => ({ length: typeof d.insert === 'string' ? d.insert.length : 1, insert: suggestionAttrs(d.attributes?.[SUGGEST_INSERT]), remove: suggestionAttrs(d.attributes?.[SUGGEST_DELETE]) }));
  if (JSON.stringify(wanted(target)) === JSON.stringify(wanted(source))) return;
  let at = 0;
  for (const run of wanted(source)) {
    target.format(at, run.length, { [SUGGEST_INSERT]: run.insert, [SUGGEST_DELETE]: run.remove });
    at += run.length;
  }
}

/** The smallest edit from the text's string to `next`, placed where the writer acted when known. */
function editRange(prev: string, next: string, edit?: EditHint & { readonly before: string }): ChangedRange | null {
  return edit && edit.before === prev ? anchoredRange(prev, next, edit) : changedRange(prev, next);
}

/**
 * Writes `next` into the text directly (the writer is not suggesting), as one smallest edit.
 * Unlike a bare `Y.Text.insert`, the typed characters never take on the attributes of the
 * character before them: typing after someone's proposal is not part of it.
 */
export function writeDirect(text: Y.Text, next: string, edit?: EditHint & { readonly before: string }): ChangedRange | null {
  const range = editRange(text.toString(), next, edit);
  if (!range) return null;
  const { start, endPrev, endNext } = range;
  const run = () => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext), {});
  };
  if (text.doc) text.doc.transact(run);
  else run();
  return range;
}

export interface SuggestContext {
  /** Who suggests: the login name, '' on a desk without one. */
  readonly author: string;
  /** When (ms since epoch). */
  readonly now: number;
  /** A new id unique across desks. */
  readonly newId: () => string;
}

/** What a suggesting write did: where the writer's caret belongs in the text's new string. */
export interface SuggestedWrite {
  readonly caret: number;
}

/** The writer's own insertion or removal covering the character at `index`, if any. */
function ownAt(runs: readonly TextSuggestionRun[], index: number, author: string): SuggestionAttrs | null {
  const run = runs.find((r) => r.start <= index && index < r.end && r.author === author);
  return run ? { id: run.id, author: run.author, at: run.at } : null;
}

/**
 * The writer, suggesting, turned the text's string into `next`: the same change proposed.
 * Characters they removed are struck (`suggestDelete`), except their own proposed characters,
 * which simply go, and ones already struck, which stay as they are; what they typed is placed
 * after the struck characters and marked `suggestInsert`. Typing on beside one's own
 * suggestion continues it (same id, author and time), so a word typed letter by letter, or
 * struck then retyped, is one suggestion, as in the body. Null when nothing changed.
 */
export function writeSuggested(text: Y.Text, next: string, edit: (EditHint & { readonly before: string }) | undefined, ctx: SuggestContext): SuggestedWrite | null {
  const prev = text.toString();
  const range = editRange(prev, next, edit);
  if (!range) return null;
  const { start, endPrev, endNext } = range;
  const runs = suggestionRuns(text);
  const attrs = ownAt(runs, start - 1, ctx.author) ?? (endPrev > start ? ownAt(runs, start, ctx.author) : null) ?? ownAt(runs, endPrev, ctx.author) ?? { id: ctx.newId(), author: ctx.author, at: ctx.now };
  const record = { id: attrs.id, author: attrs.author, at: attrs.at };
  let dropped = 0;
  text.doc!.transact(() => {
    if (endPrev > start) {
      // Each stretch of the removed span, from the end so the offsets before it stay true.
      const pieces: Array<{ start: number; end: number; own: boolean; struck: boolean }> = [];
      let at = 0;
      for (const d of text.toDelta() as Delta) {
        const length = typeof d.insert === 'string' ? d.insert.length : 1;
        const a = Math.max(at, start);
        const b = Math.min(at + length, endPrev);
        if (a < b) {
          const inserted = suggestionAttrs(d.attributes?.[SUGGEST_INSERT]);
          pieces.push({ start: a, end: b, own: inserted?.author === ctx.author, struck: !!suggestionAttrs(d.attributes?.[SUGGEST_DELETE]) });
        }
        at += length;
      }
      for (const p of pieces.reverse()) {
        if (p.own) {
          text.delete(p.start, p.end - p.start);
          dropped += p.end - p.start;
        } else if (!p.struck) text.format(p.start, p.end - p.start, { [SUGGEST_DELETE]: record });
      }
    }
    if (endNext > start) text.insert(endPrev - dropped, next.slice(start, endNext), { [SUGGEST_INSERT]: record });
  });
  const typed = endNext - start;
  const kept = endPrev - start - dropped;
  // Typed text: the caret after it. A removal: before what is now struck (Backspace, a
  // selection), or after it for Delete at a caret, so the next key goes on from there.
  if (typed > 0) return { caret: start + kept + typed };
  const forward = edit && edit.before === prev && edit.selStart === edit.selEnd && edit.caretAfter === edit.selStart;
  return { caret: forward ? start + kept : start };
}
