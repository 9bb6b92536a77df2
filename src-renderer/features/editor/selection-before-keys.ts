/**
 * Every key acts on the selection the writer sees. Chromium runs a key's event before a pending
 * "selectionchange" task (input comes first), and ProseMirror learns of a caret moved by the
 * browser only from that task: Shift+← then Backspace in quick succession — or at any speed on
 * a machine busy enough to queue both — deleted (or, while suggesting, struck) the selection
 * from before the last Shift+←. Before any other key handler, the selection the page holds is
 * read into the editor when it differs (the DOM observer's flush, as the selectionchange task
 * would have done), so commands bound to keys see it.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

interface Observed {
  readonly composing: boolean;
  readonly domObserver?: { flush(): void };
}

export function readPendingSelection(view: EditorView): void {
  const v = view as unknown as Observed;
  if (!v.composing) v.domObserver?.flush();
}

export const SelectionBeforeKeys = Extension.create({
  name: 'selectionBeforeKeys',
  // Before every extension's keyboard shortcuts (higher runs first).
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionBeforeKeys'),
        props: {
          handleKeyDown(view) {
            readPendingSelection(view);
            return false;
          },
        },
      }),
    ];
  },
});
