/**
 * Suggestions (track changes) in the article's body, as the document stores them: three marks
 * that y-tiptap keeps as formatting attributes of the body's Y.XmlText runs, each naming its
 * suggestion (`id`, shared by the parts of one change: a replaced word's deletion and
 * insertion), its author (login name, '' for a desk without one) and time (ms since epoch).
 *
 * - `suggestInsert`: text proposed for insertion (it is in the document, shown underlined);
 * - `suggestDelete`: text proposed for removal (still in the document, shown struck through);
 * - `suggestFormat`: a proposed change of formatting, applied to the text and recorded with the
 *   mark it added or removed (`op`, `mark` as ProseMirror's JSON) so that rejecting undoes it.
 *
 * Marks travel with the text through sync and merges like bold does, so a suggestion stays on
 * its words on every desk. What leaves the desk (exports) is the text as accepted so far:
 * `withoutSuggestions` gives a copy of the document with every open suggestion rejected.
 */
import * as Y from 'yjs';
import { body, headline, sapo } from './article-doc';
import { SUGGEST_DELETE, SUGGEST_INSERT, settleTextSuggestions, suggestionAttrs, textSuggestions, type SuggestionAttrs } from './text/suggested';

// The headline's and the lead's suggestions are the same records on a Y.Text (text/suggested.ts).
export { SUGGEST_DELETE, SUGGEST_INSERT, suggestionAttrs, type SuggestionAttrs };
export const SUGGEST_FORMAT = 'suggestFormat';
export const SUGGESTION_MARKS = [SUGGEST_INSERT, SUGGEST_DELETE, SUGGEST_FORMAT] as const;
export type SuggestionMark = (typeof SUGGESTION_MARKS)[number];

export interface FormatAttrs extends SuggestionAttrs {
  readonly op: 'add' | 'remove';
  /** The mark added or removed, as ProseMirror's JSON: `{"type":"bold"}`. */
  readonly mark: string;
}

/** A format suggestion's mark, `{type, attrs?}`, or null when unreadable. */
export function formatMarkOf(attrs: unknown): { type: string; attrs?: Record<string, unknown> } | null {
  const raw = (attrs as { mark?: unknown } | null)?.mark;
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as { type?: unknown; attrs?: unknown };
    return typeof parsed.type === 'string' ? { type: parsed.type, ...(parsed.attrs && typeof parsed.attrs === 'object' ? { attrs: parsed.attrs as Record<string, unknown> } : {}) } : null;
  } catch {
    return null;
  }
}

type Delta = Array<{ insert: unknown; attributes?: Record<string, unknown> }>;

function eachText(node: Y.XmlFragment | Y.XmlElement, visit: (text: Y.XmlText) => void): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) visit(child);
    else if (child instanceof Y.XmlElement) eachText(child, visit);
  }
}

/** The open suggestions of the article — headline, lead and body: id → its author and time (each suggestion once, however many runs it covers). */
export function openSuggestions(doc: Y.Doc): Map<string, SuggestionAttrs> {
  const found = new Map<string, SuggestionAttrs>();
  for (const text of [headline(doc), sapo(doc)]) for (const s of textSuggestions(text)) if (!found.has(s.id)) found.set(s.id, { id: s.id, author: s.author, at: s.at });
  eachText(body(doc), (text) => {
    for (const d of text.toDelta() as Delta) {
      for (const name of SUGGESTION_MARKS) {
        const attrs = suggestionAttrs(d.attributes?.[name]);
        if (attrs && !found.has(attrs.id)) found.set(attrs.id, attrs);
      }
    }
  });
  return found;
}

/** Rejects every suggestion of one run of text, in place: proposed text removed, proposed removals and formats undone. */
function rejectAll(text: Y.XmlText): void {
  const delta = text.toDelta() as Delta;
  let offset = 0;
  const runs: Array<{ at: number; length: number; attributes: Record<string, unknown> }> = [];
  for (const d of delta) {
    const length = typeof d.insert === 'string' ? d.insert.length : 1;
    if (d.attributes) runs.push({ at: offset, length, attributes: d.attributes });
    offset += length;
  }
  // From the end, so the offsets of the runs before stay true.
  for (const run of runs.reverse()) {
    if (suggestionAttrs(run.attributes[SUGGEST_INSERT])) {
      text.delete(run.at, run.length);
      continue;
    }
    const format: Record<string, unknown> = {};
    if (run.attributes[SUGGEST_DELETE] !== undefined) format[SUGGEST_DELETE] = null;
    const change = run.attributes[SUGGEST_FORMAT];
    if (change !== undefined) {
      format[SUGGEST_FORMAT] = null;
      const mark = formatMarkOf(change);
      const op = (change as { op?: unknown }).op;
      if (mark) format[mark.type] = op === 'add' ? null : (mark.attrs ?? {});
    }
    if (Object.keys(format).length) text.format(run.at, run.length, format);
  }
}

/**
 * A copy of the document holding only accepted text: each open suggestion rejected (a proposed
 * insertion left out, a proposed removal kept, a proposed format undone). The document given is
 * not changed.
 */
export function withoutSuggestions(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.transact(() => {
    eachText(body(copy), rejectAll);
    settleTextSuggestions(headline(copy), 'all', false);
    settleTextSuggestions(sapo(copy), 'all', false);
  });
  return copy;
}
