/**
 * Stable ids for the body's top-level blocks (src-shared/translation/blocks.ts): a global
 * attribute `blockId` on the block nodes, stored by y-tiptap in the Yjs document as the
 * element's attribute, so a translation's pairs survive edits, merges and reloads.
 *
 * The attribute is not kept on split (the new half is a new block) and a plugin gives an id to
 * every top-level block that has none or repeats one before it (a paste, a split, a copy of a
 * block). It acts only on transactions that change the document — opening an article writes
 * nothing — and never on changes from another replica (y-tiptap's), whose own desk gave ids.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { BLOCK_ID_ATTR, newBlockId } from '../../../src-shared/translation/blocks';

export const BLOCK_TYPES = ['paragraph', 'heading', 'photo', 'blockquote', 'bulletList', 'orderedList'] as const;

export const BlockIds = Extension.create({
  name: 'blockIds',
  addGlobalAttributes() {
    return [
      {
        types: [...BLOCK_TYPES],
        attributes: {
          [BLOCK_ID_ATTR]: {
            default: null,
            keepOnSplit: false,
            // Kept in the document only: not drawn in the page (its HTML stays the story's), and
            // a block pasted from HTML is a new block, given its own id.
            parseHTML: () => null,
            renderHTML: () => ({}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('blockIds'),
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((tr) => tr.docChanged && !(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin)) return null;
          const seen = new Set<string>();
          let tr = state.tr;
          let changed = false;
          state.doc.forEach((node, offset) => {
            if (!(BLOCK_TYPES as readonly string[]).includes(node.type.name)) return;
            const id = node.attrs[BLOCK_ID_ATTR] as unknown;
            if (typeof id === 'string' && id && !seen.has(id)) {
              seen.add(id);
              return;
            }
            const fresh = newBlockId();
            seen.add(fresh);
            tr = tr.setNodeAttribute(offset, BLOCK_ID_ATTR, fresh);
            changed = true;
          });
          // Part of the change that made the block, in the same undo step: marked addToHistory
          // false, y-tiptap would leave the whole change (the typing too) out of the history.
          return changed ? tr : null;
        },
      }),
    ];
  },
});
