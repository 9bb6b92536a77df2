/**
 * A transaction that does not come from the writer's keys — a spellcheck answer from its worker,
 * comments refreshed, another desk's caret — dispatched so that it never moves the caret back.
 *
 * The browser moves the caret for arrow keys itself and ProseMirror reads the move on the next
 * "selectionchange" event. A redraw landing between the two writes ProseMirror's older selection
 * back into the page and the key press is lost (Shift+← twice selecting one letter). ProseMirror
 * guards against this only for mouse drags, so the move is read first: its DOM observer's flush
 * is what the selectionchange event would have run.
 */
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { readPendingSelection } from './selection-before-keys';

export function dispatchFromOutside(view: EditorView, make: (state: EditorState) => Transaction): void {
  if (view.isDestroyed) return;
  readPendingSelection(view);
  if (!view.isDestroyed) view.dispatch(make(view.state));
}
