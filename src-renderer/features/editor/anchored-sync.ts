/**
 * Text typed or deleted in the body reaches the Yjs document where the writer made it.
 *
 * y-tiptap writes a ProseMirror change into Yjs by comparing each changed block's old and new
 * text (common prefix and suffix). Where letters repeat that places the edit on the wrong
 * characters — deleting "Nhiều xã… đường. " before "Những" is recorded as deleting "iều…Nh" —
 * and a word another desk typed inside the deleted sentence comes back spliced into the next
 * one ("Nhvậnững") when the two merge (see src-shared/text/changed-range.ts).
 *
 * ProseMirror knows exactly where each edit was made: its steps. This plugin keeps the steps
 * of the writer's own transactions and, just before y-tiptap compares the documents (its
 * binding's `_prosemirrorChanged`, wrapped here in the same Yjs transaction), applies each step
 * that stays inside one run of text of one block to that block's Y.XmlText at the step's own
 * position. y-tiptap then finds those blocks equal and leaves them; everything else (splitting
 * or joining blocks, marks, photos, a first character in an empty block) it still writes with
 * its own comparison, as before. Nothing of y-tiptap is changed but that one method of this
 * editor's binding.
 */
import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ReplaceStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

interface Pending {
  readonly step: Step;
  readonly before: PMNode;
}

interface Binding {
  _prosemirrorChanged(doc: PMNode): void;
  readonly type: Y.XmlFragment;
}

/** A run of inserted text: its characters and the Yjs attributes of its marks. */
interface Run {
  readonly text: string;
  readonly attributes: Record<string, unknown>;
}

/** Marks as y-tiptap stores them, or null when one needs its hashed naming (overlapping marks). */
function attributesOf(marks: readonly Mark[]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const mark of marks) {
    if (mark.type.name === 'ychange') continue;
    if (!mark.type.excludes(mark.type)) return null;
    out[mark.type.name] = mark.attrs;
  }
  return out;
}

/** The inline text a slice inserts into a text block, or null when it is more than text. */
function runsOf(slice: Slice): Run[] | null {
  let content = slice.content;
  if (slice.openStart !== slice.openEnd) return null;
  for (let depth = slice.openStart; depth > 0; depth--) {
    if (content.childCount !== 1) return null;
    content = content.firstChild!.content;
  }
  const runs: Run[] = [];
  let ok = true;
  content.forEach((node) => {
    const attributes = node.isText ? attributesOf(node.marks) : null;
    if (!attributes) ok = false;
    else runs.push({ text: node.text!, attributes });
  });
  return ok ? runs : null;
}

/**
 * The Y.XmlText holding offsets [from, to) of the text block at `$pos`'s parent, with the
 * offset where that run of text begins; null when the Yjs tree does not mirror the document
 * there or the range leaves one run of text.
 */
function textAt(fragment: Y.XmlFragment, doc: PMNode, from: number, to: number): { text: Y.XmlText; start: number } | null {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if ($from.parent !== $to.parent || !$from.parent.isTextblock) return null;
  let type: Y.XmlFragment | Y.XmlElement = fragment;
  for (let depth = 0; depth < $from.depth; depth++) {
    const child: unknown = type.get($from.index(depth));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $from.node(depth + 1).type.name) return null;
    type = child;
  }
  const block = $from.parent;
  const a = $from.parentOffset;
  const b = $to.parentOffset;
  // The block's children as y-tiptap keeps them: one Y.XmlText per run of text nodes, one
  // element per inline node.
  let offset = 0;
  let yIndex = 0;
  let i = 0;
  while (i < block.childCount) {
    const child = block.child(i);
    if (!child.isText) {
      offset += child.nodeSize;
      yIndex++;
      i++;
      continue;
    }
    let length = 0;
    while (i < block.childCount && block.child(i).isText) length += block.child(i++).nodeSize;
    if (a >= offset && b <= offset + length) {
      const text: unknown = type.get(yIndex);
      return text instanceof Y.XmlText && text.length === length ? { text, start: offset } : null;
    }
    offset += length;
    yIndex++;
  }
  return null;
}

/** Applies one step to the Y document at its own place; false when it is not a text edit. */
function applyStep(fragment: Y.XmlFragment, pending: Pending): boolean {
  const { step, before } = pending;
  if (!(step instanceof ReplaceStep)) return false;
  const runs = runsOf(step.slice);
  if (!runs) return false;
  const at = textAt(fragment, before, step.from, step.to);
  if (!at) return false;
  const index = before.resolve(step.from).parentOffset - at.start;
  const removed = step.to - step.from;
  if (removed > 0) at.text.delete(index, removed);
  let offset = index;
  for (const run of runs) {
    at.text.insert(offset, run.text, run.attributes);
    offset += run.text.length;
  }
  return true;
}

export const anchoredSyncKey = new PluginKey('anchoredSync');

function anchoredSyncPlugin(): Plugin {
  let pending: Pending[] = [];
  /** The document the Yjs body mirrors: the last one written to it or read from it. */
  let mirrored: PMNode | null = null;
  return new Plugin({
    key: anchoredSyncKey,
    state: {
      init: () => null,
      apply(tr) {
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (sync?.isChangeOrigin) {
          // Yjs wrote this one (a remote change, an undo): the body mirrors its result.
          pending = [];
          mirrored = tr.doc;
        } else if (tr.docChanged) {
          tr.steps.forEach((step, i) => pending.push({ step, before: tr.docs[i]! }));
        }
        return null;
      },
    },
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding;
      if (!binding) return {};
      const compare = binding._prosemirrorChanged.bind(binding);
      binding._prosemirrorChanged = (doc: PMNode) => {
        const steps = pending;
        pending = [];
        const fragment = binding.type;
        if (fragment.doc && steps.length && steps[0]!.before === mirrored) {
          fragment.doc.transact(() => {
            for (const s of steps) if (!applyStep(fragment, s)) break;
            compare(doc);
          }, ySyncPluginKey);
        } else compare(doc);
        mirrored = doc;
      };
      return {};
    },
  });
}

export const AnchoredSync = Extension.create({
  name: 'anchoredSync',
  addProseMirrorPlugins() {
    return [anchoredSyncPlugin()];
  },
});
