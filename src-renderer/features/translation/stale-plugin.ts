/**
 * The body's marks of a translation's stale blocks (stale-bus.ts): each top-level block whose
 * id is out of date with its source gets a class and a label (drawn by CSS beside it), so a
 * translator who opens the translation from the library sees which paragraphs the source
 * changed. Only the body's top-level blocks are looked at, and only when the document or the
 * marks change.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { BLOCK_ID_ATTR } from '../../../src-shared/translation/blocks';
import { dispatchFromOutside } from '../editor/outside-dispatch';
import { onStaleMarks, staleMarksOf } from './stale-bus';

const key = new PluginKey<DecorationSet>('translationStale');
const REFRESH = 'refresh';

function decorations(doc: Y.Doc, node: PMNode): DecorationSet {
  const { blocks } = staleMarksOf(doc);
  if (blocks.size === 0) return DecorationSet.empty;
  const out: Decoration[] = [];
  node.forEach((child, offset) => {
    const id = child.attrs[BLOCK_ID_ATTR] as unknown;
    const label = typeof id === 'string' ? blocks.get(id) : undefined;
    if (label !== undefined) out.push(Decoration.node(offset, offset + child.nodeSize, { class: 'translation-stale', 'data-stale-block': id as string, 'data-stale-label': label }));
  });
  return DecorationSet.create(node, out);
}

export const StaleBlocks = Extension.create<{ doc: Y.Doc | null }>({
  name: 'translationStale',
  addOptions() {
    return { doc: null };
  },
  addProseMirrorPlugins() {
    const doc = this.options.doc;
    if (!doc) return [];
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorations(doc, state.doc),
          apply: (tr, old, _, state) => (tr.docChanged || tr.getMeta(key) === REFRESH ? decorations(doc, state.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
        view: (view) => ({ destroy: onStaleMarks(doc, () => dispatchFromOutside(view, (state) => state.tr.setMeta(key, REFRESH).setMeta('addToHistory', false))) }),
      }),
    ];
  },
});
