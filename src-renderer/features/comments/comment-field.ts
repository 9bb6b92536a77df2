/**
 * A plain text field (an <input> or <textarea>: the headline, the lead, a caption) that takes
 * comments: Ctrl+Alt+M asks for a comment on its selected words, and while the writer is in it,
 * it is the field the Comments tab's button comments on. The field is found by the caller; its
 * own handlers stay as they are.
 */
import type * as Y from 'yjs';
import type { CommentAnchor } from '../../../src-shared/comments';
import { nfc } from '../../../src-shared/text/vietnamese';
import { requestComment, setCommentTarget } from './comment-bus';

export type Editable = HTMLInputElement | HTMLTextAreaElement;

/** Whether a key event is the comment shortcut, Ctrl+Alt+M (Cmd+Alt+M on a Mac). */
export const isCommentKey = (e: KeyboardEvent): boolean => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.code === 'KeyM' || e.key.toLowerCase() === 'm');

/** The field's selection in the document's (NFC) offsets, or null when nothing is selected. */
export function nfcSelection(el: Editable): { readonly start: number; readonly end: number } | null {
  const a = el.selectionStart ?? 0;
  const b = el.selectionEnd ?? 0;
  if (a === b) return null;
  return { start: nfc(el.value.slice(0, a)).length, end: nfc(el.value.slice(0, b)).length };
}

/** Wires `el` for comments, `anchor` making the anchor of its current selection; returns the unwiring. */
export function commentableField(doc: Y.Doc, el: Editable, anchor: () => CommentAnchor | null): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!isCommentKey(e)) return;
    e.preventDefault();
    requestComment(doc, anchor());
  };
  const onFocus = () => setCommentTarget(doc, anchor);
  const box: HTMLElement = el;
  box.addEventListener('keydown', onKey);
  box.addEventListener('focus', onFocus);
  return () => {
    box.removeEventListener('keydown', onKey);
    box.removeEventListener('focus', onFocus);
  };
}
