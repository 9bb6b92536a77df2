/**
 * Suggesting: a transaction the writer made, turned into the same change proposed.
 *
 * Each step of the writer's transaction is replayed on the state it came from:
 * - text removed is kept and marked `suggestDelete` (an addMark: the Yjs items stay, so a word
 *   another desk typed inside it meanwhile survives the merge), except the writer's own
 *   proposed text, which simply goes;
 * - text inserted is placed after whatever the step removed and marked `suggestInsert`
 *   (pasted paragraphs too: their text is marked, the paragraph breaks are written as they are);
 * - bold, italic or a link added or removed is applied and recorded with `suggestFormat`, so
 *   rejecting it undoes it;
 * - any other step (headings, lists, quotes) is applied as it is: block formatting is not
 *   proposed, only made.
 * A deletion reaching across paragraphs marks their text and leaves the paragraphs apart.
 *
 * Typing on at the end of one's own suggestion continues it (same id, author and time), so a
 * word typed letter by letter, or a word struck then retyped, is one suggestion to accept.
 */
import type { Mark, MarkType, Node as PMNode, Schema } from '@tiptap/pm/model';
import { Fragment, Slice } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { SUGGEST_DELETE, SUGGEST_FORMAT, SUGGEST_INSERT, suggestionAttrs, type SuggestionAttrs } from '../../../../src-shared/suggestions';

export interface SuggestContext {
  /** Who suggests: the login name, '' on a desk without one. */
  readonly author: string;
  /** The time the suggestion is made (ms since epoch). */
  readonly now: number;
  /** A new id unique across desks. */
  readonly newId: () => string;
}

export interface SuggestTypes {
  readonly insert: MarkType;
  readonly remove: MarkType;
  readonly format: MarkType;
}

export function suggestTypes(schema: Schema): SuggestTypes | null {
  const insert = schema.marks[SUGGEST_INSERT];
  const remove = schema.marks[SUGGEST_DELETE];
  const format = schema.marks[SUGGEST_FORMAT];
  return insert && remove && format ? { insert, remove, format } : null;
}

function isSuggestionMark(mark: Mark, types: SuggestTypes): boolean {
  return mark.type === types.insert || mark.type === types.remove || mark.type === types.format;
}

/** The suggestion attributes of `author` on a node, if it carries an insertion or deletion of theirs. */
function ownAttrs(node: PMNode | null | undefined, types: SuggestTypes, author: string): SuggestionAttrs | null {
  if (!node) return null;
  for (const mark of node.marks) {
    if (mark.type !== types.insert && mark.type !== types.remove) continue;
    const attrs = suggestionAttrs(mark.attrs);
    if (attrs && attrs.author === author) return attrs;
  }
  return null;
}

/** The same slice with its inline content marked as `mark` (and nobody else's suggestion). */
function markSlice(slice: Slice, mark: Mark, types: SuggestTypes): Slice {
  const walk = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.isInline) {
        const kept = node.marks.filter((m) => !isSuggestionMark(m, types));
        nodes.push(node.mark(node.isText || node.type.allowsMarkType(mark.type) ? mark.addToSet(kept) : kept));
      } else nodes.push(node.copy(walk(node.content)));
    });
    return Fragment.from(nodes);
  };
  return new Slice(walk(slice.content), slice.openStart, slice.openEnd);
}

/** A mapping from positions in the document before step `index` of `tr` to the document `out` holds now. */
function rebaseMapping(tr: Transaction, index: number, out: Transaction): Mapping {
  const maps = [];
  for (let j = index - 1; j >= 0; j--) maps.push(tr.steps[j]!.getMap().invert());
  return new Mapping([...maps, ...out.mapping.maps]);
}

function suggestReplace(out: Transaction, step: ReplaceStep, mapping: Mapping, types: SuggestTypes, ctx: SuggestContext): void {
  const from = mapping.map(step.from, 1);
  let to = Math.max(from, mapping.map(step.to, -1));
  const doc = out.doc;
  // Continue the writer's own suggestion at or next to the change, else start one.
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const attrs =
    ownAttrs($from.nodeBefore, types, ctx.author) ??
    (to > from ? ownAttrs($from.nodeAfter, types, ctx.author) : null) ??
    ownAttrs($to.nodeAfter, types, ctx.author) ?? { id: ctx.newId(), author: ctx.author, at: ctx.now };

  if (to > from) {
    const mine: Array<[number, number]> = [];
    const strike: Array<[number, number]> = [];
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const range: [number, number] = [Math.max(pos, from), Math.min(pos + node.nodeSize, to)];
      const own = node.marks.find((m) => m.type === types.insert && suggestionAttrs(m.attrs)?.author === ctx.author);
      if (own) mine.push(range);
      else if (!types.remove.isInSet(node.marks)) strike.push(range);
      return false;
    });
    const mark = types.remove.create(attrs);
    for (const [a, b] of strike) out.addMark(a, b, mark);
    const start = out.mapping.maps.length;
    for (const [a, b] of mine.reverse()) out.delete(a, b);
    to = out.mapping.slice(start).map(to, -1);
  }
  if (step.slice.size > 0) out.replace(to, to, markSlice(step.slice, types.insert.create(attrs), types));
}

/** Bold, italic or a link proposed: applied, and recorded on the text that was not the writer's own proposal. */
function suggestMarkStep(out: Transaction, step: AddMarkStep | RemoveMarkStep, mapping: Mapping, types: SuggestTypes, ctx: SuggestContext): void {
  const mapped = step.map(mapping);
  if (!mapped) return;
  const { from, to, mark } = mapped as AddMarkStep | RemoveMarkStep;
  if (isSuggestionMark(mark, types)) {
    out.step(mapped);
    return;
  }
  const op = step instanceof AddMarkStep ? 'add' : 'remove';
  const before = out.doc;
  out.step(mapped);
  const record = types.format.create({ id: ctx.newId(), author: ctx.author, at: ctx.now, op, mark: JSON.stringify(mark.toJSON()) });
  before.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const a = Math.max(pos, from);
    const b = Math.min(pos + node.nodeSize, to);
    // Formatting one's own proposed text is part of that proposal.
    if (ownAttrs(node, types, ctx.author) && types.insert.isInSet(node.marks)) return false;
    const had = mark.isInSet(node.marks);
    if ((op === 'add') === had) return false; // nothing changes there
    const earlier = types.format.isInSet(node.marks);
    const undoes = earlier && earlier.attrs.op !== op && formatMarkType(earlier) === mark.type.name;
    if (undoes) out.removeMark(a, b, types.format);
    else out.addMark(a, b, record);
    return false;
  });
}

function formatMarkType(mark: Mark): string | null {
  try {
    return (JSON.parse(String(mark.attrs.mark)) as { type?: string }).type ?? null;
  } catch {
    return null;
  }
}

/**
 * The writer's transaction `tr` (made on `state`) as a proposal: a new transaction on `state`
 * with the same selection intent and meta. Null when the schema has no suggestion marks.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, ctx: SuggestContext): Transaction | null {
  const types = suggestTypes(state.schema);
  if (!types) return null;
  const out = state.tr;
  tr.steps.forEach((step: Step, i) => {
    const mapping = rebaseMapping(tr, i, out);
    if (step instanceof ReplaceStep && !(step as unknown as { structure: boolean }).structure) suggestReplace(out, step, mapping, types, ctx);
    else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) suggestMarkStep(out, step, mapping, types, ctx);
    else {
      const mapped = step.map(mapping);
      if (mapped) out.maybeStep(mapped);
    }
  });
  if (tr.selectionSet) out.setSelection(tr.selection.map(tr.docs[0] ?? state.doc, tr.mapping.invert()).map(out.doc, out.mapping));
  // A key deleting one side of the caret: the caret steps over what it struck, backwards for
  // Backspace, forwards for Delete, so the next key strikes the next character.
  const first = tr.steps[0];
  if (state.selection.empty && tr.steps.length === 1 && first instanceof ReplaceStep && first.slice.size === 0 && first.to > first.from) {
    if (first.to === state.selection.from) out.setSelection(TextSelection.near(out.doc.resolve(out.mapping.map(first.from, -1)), -1));
    else if (first.from === state.selection.from) out.setSelection(TextSelection.near(out.doc.resolve(out.mapping.map(first.to, 1))));
  }
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const [key, value] of Object.entries((tr as unknown as { meta: Record<string, unknown> }).meta)) out.setMeta(key, value);
  return out;
}
