/**
 * NFC for everything typed or pasted into the body. After each transaction that changed the
 * document, the text nodes it touched are checked and any that are not NFC are rewritten by the
 * smallest edit (so the caret stays where the writer is). Nothing is touched while an input
 * method is composing (Telex, VNI, IME): the composed syllable is normalised once composition
 * ends. Changes that came from the shared document (other windows) are left alone: they were
 * normalised where they were typed, and rewriting them here would echo edits back.
 */
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { nfc } from '../../../src-shared/text/vietnamese';
import { changedRange } from '../../../src-shared/text/changed-range';

const key = new PluginKey('nfcText');

interface Fix {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly node: PmNode;
}

/** The smallest rewrites that make the text nodes between `from` and `to` NFC. */
function fixesBetween(state: EditorState, from: number, to: number): Fix[] {
  const fixes: Fix[] = [];
  state.doc.nodesBetween(Math.max(0, from), Math.min(state.doc.content.size, to), (node, pos) => {
    if (!node.isText || !node.text) return true;
    const prev = node.text;
    const next = nfc(prev);
    const range = changedRange(prev, next);
    if (!range) return false;
    const { start, endPrev, endNext } = range;
    fixes.push({ from: pos + start, to: pos + endPrev, text: next.slice(start, endNext), node });
    return false;
  });
  return fixes;
}

function applyFixes(state: EditorState, fixes: readonly Fix[]): Transaction | null {
  if (fixes.length === 0) return null;
  const tr = state.tr;
  // From the end, so earlier positions stay valid.
  for (const f of [...fixes].sort((a, b) => b.from - a.from)) {
    if (f.text) tr.replaceWith(f.from, f.to, state.schema.text(f.text, f.node.marks));
    else tr.delete(f.from, f.to);
  }
  return tr;
}

function fromSharedDoc(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** Normalises the text block around the caret (after a composition ended). */
function normaliseAroundCaret(view: EditorView): void {
  if (view.isDestroyed || view.composing) return;
  const { $from, $to } = view.state.selection;
  const tr = applyFixes(view.state, fixesBetween(view.state, $from.start(), $to.end()));
  if (tr) view.dispatch(tr);
}

export const NfcText = Extension.create({
  name: 'nfcText',

  addProseMirrorPlugins() {
    let view: EditorView | null = null;
    return [
      new Plugin({
        key,
        view(v) {
          view = v;
          return { destroy: () => void (view = null) };
        },
        props: {
          handleDOMEvents: {
            compositionend: (v) => {
              // ProseMirror reads the composed text after this event; look once it has.
              setTimeout(() => normaliseAroundCaret(v), 0);
              return false;
            },
          },
        },
        appendTransaction(transactions, _old, state) {
          if (view?.composing) return null;
          const ranges: Array<[number, number]> = [];
          transactions.forEach((tr, i) => {
            if (!tr.docChanged || fromSharedDoc(tr)) return;
            // Map each changed range through the rest of this batch to the final document.
            tr.mapping.maps.forEach((map, j) => {
              map.forEach((_a, _b, start, end) => {
                let from = start;
                let to = end;
                for (let k = j + 1; k < tr.mapping.maps.length; k++) {
                  from = tr.mapping.maps[k]!.map(from, -1);
                  to = tr.mapping.maps[k]!.map(to, 1);
                }
                for (const later of transactions.slice(i + 1)) {
                  from = later.mapping.map(from, -1);
                  to = later.mapping.map(to, 1);
                }
                ranges.push([from, to]);
              });
            });
          });
          if (ranges.length === 0) return null;
          const fixes = ranges.flatMap(([from, to]) => fixesBetween(state, from - 1, to + 1));
          const unique = fixes.filter((f, i) => fixes.findIndex((g) => g.from === f.from) === i);
          return applyFixes(state, unique);
        },
      }),
    ];
  },
});
