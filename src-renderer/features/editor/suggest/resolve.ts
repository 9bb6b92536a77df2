/**
 * Finding suggestions in the body and settling them. Accepting or rejecting is an ordinary
 * change of the person doing it (not a proposal, even while they are suggesting: the
 * transaction says so with `SETTLING`), so it reaches the other desks as any edit and the
 * undo history takes it back.
 *
 * Accept: proposed text stays (its mark goes), proposed removals go, proposed formats stay.
 * Reject: proposed text goes, proposed removals stay (their mark goes), proposed formats are undone.
 */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { formatMarkOf, suggestionAttrs, type SuggestionAttrs } from '../../../../src-shared/suggestions';
import { suggestTypes, type SuggestTypes } from './transform';

/** Meta on a transaction that settles suggestions: never itself turned into one. */
export const SETTLING = 'suggestSettling';

export type SuggestionKind = 'insert' | 'delete' | 'format';

export interface SuggestionRun {
  readonly from: number;
  readonly to: number;
  readonly kind: SuggestionKind;
  readonly mark: Mark;
}

export interface Suggestion extends SuggestionAttrs {
  readonly kinds: readonly SuggestionKind[];
  /** Its text as the document holds it (struck and proposed parts together). */
  readonly text: string;
  readonly runs: readonly SuggestionRun[];
}

function kindOf(mark: Mark, types: SuggestTypes): SuggestionKind | null {
  return mark.type === types.insert ? 'insert' : mark.type === types.remove ? 'delete' : mark.type === types.format ? 'format' : null;
}

/** Every suggestion of the document in order of appearance, each with the runs it covers. */
export function listSuggestions(doc: PMNode): Suggestion[] {
  const types = suggestTypes(doc.type.schema);
  if (!types) return [];
  const found = new Map<string, { attrs: SuggestionAttrs; runs: SuggestionRun[]; text: string }>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind = kindOf(mark, types);
      const attrs = kind ? suggestionAttrs(mark.attrs) : null;
      if (!kind || !attrs) continue;
      let entry = found.get(attrs.id);
      if (!entry) found.set(attrs.id, (entry = { attrs, runs: [], text: '' }));
      const last = entry.runs[entry.runs.length - 1];
      if (last && last.to === pos && last.kind === kind && last.mark.eq(mark)) entry.runs[entry.runs.length - 1] = { ...last, to: pos + node.nodeSize };
      else entry.runs.push({ from: pos, to: pos + node.nodeSize, kind, mark });
      entry.text += node.text ?? '';
    }
    return false;
  });
  return [...found.values()].map(({ attrs, runs, text }) => ({ ...attrs, text, runs, kinds: [...new Set(runs.map((r) => r.kind))] }));
}

/** Whether the document holds any suggestion (stops at the first). */
export function hasSuggestions(doc: PMNode): boolean {
  const types = suggestTypes(doc.type.schema);
  if (!types) return false;
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isInline && node.marks.some((m) => m.type === types.insert || m.type === types.remove || m.type === types.format)) found = true;
    return !node.isInline && !found;
  });
  return found;
}

/** The ids of the suggestions touching [from, to] (at a caret: the one it is in or beside); looks only there. */
export function suggestionIdsAt(doc: PMNode, from: number, to: number): Set<string> {
  const types = suggestTypes(doc.type.schema);
  const ids = new Set<string>();
  if (!types) return ids;
  const take = (node: PMNode | null | undefined) => {
    for (const mark of node?.marks ?? []) {
      const attrs = kindOf(mark, types) ? suggestionAttrs(mark.attrs) : null;
      if (attrs) ids.add(attrs.id);
    }
  };
  take(doc.resolve(from).nodeBefore);
  take(doc.resolve(to).nodeAfter);
  if (to > from) doc.nodesBetween(from, to, (node) => (node.isInline ? (take(node), false) : true));
  return ids;
}

/** The suggestions touching [from, to], whole. */
export function suggestionsAt(doc: PMNode, from: number, to: number): Suggestion[] {
  const ids = suggestionIdsAt(doc, from, to);
  return ids.size ? listSuggestions(doc).filter((s) => ids.has(s.id)) : [];
}

/** A transaction accepting (or rejecting) the suggestions given, whole; null when there are none. */
export function settle(state: EditorState, suggestions: readonly Suggestion[], accept: boolean): Transaction | null {
  const types = suggestTypes(state.schema);
  if (!types || suggestions.length === 0) return null;
  const tr = state.tr.setMeta(SETTLING, true);
  const removals: Array<[number, number]> = [];
  for (const s of suggestions) {
    for (const run of s.runs) {
      if (run.kind === 'insert') {
        if (accept) tr.removeMark(run.from, run.to, run.mark);
        else removals.push([run.from, run.to]);
      } else if (run.kind === 'delete') {
        if (accept) removals.push([run.from, run.to]);
        else tr.removeMark(run.from, run.to, run.mark);
      } else {
        tr.removeMark(run.from, run.to, run.mark);
        const format = accept ? null : formatMarkOf(run.mark.attrs);
        const type = format ? state.schema.marks[format.type] : undefined;
        if (format && type) {
          if (run.mark.attrs.op === 'add') tr.removeMark(run.from, run.to, type);
          else tr.addMark(run.from, run.to, type.create(format.attrs));
        }
      }
    }
  }
  // Marks change no positions; removals go from the end so the earlier ones stay where they were.
  removals.sort((a, b) => b[0] - a[0]);
  for (const [a, b] of removals) tr.delete(a, b);
  return tr;
}

export type SettleScope = 'here' | 'all';

/** Accepts or rejects the suggestions at the selection ('here') or in the whole body ('all'); false when there were none. */
export function settleCommand(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, scope: SettleScope, accept: boolean): boolean {
  const { from, to } = state.selection;
  const chosen = scope === 'all' ? listSuggestions(state.doc) : suggestionsAt(state.doc, from, to);
  const tr = settle(state, chosen, accept);
  if (!tr) return false;
  if (!dispatch) return true;
  // Its own step in the undo history, never merged with the typing just before or after it.
  const undo = (yUndoPluginKey.getState(state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
  undo?.stopCapturing();
  dispatch(tr.scrollIntoView());
  undo?.stopCapturing();
  return true;
}
