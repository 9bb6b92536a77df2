/**
 * Comments in the headline and the lead (plain text fields): Ctrl+Alt+M asks for a comment on
 * the selected words, the field the writer is in is the one the Comments tab's button
 * comments on, a thread's words are selected in their field when the tab asks, and the words of
 * open threads are marked in the fields (field-comment-marks.ts). The fields
 * are found by their ids, so their own handlers stay as they are.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { anchorAt, listThreads } from '../../../src-shared/comments';
import { nfc } from '../../../src-shared/text/vietnamese';
import { onShowCommentWords, requestComment, setCommentTarget } from './comment-bus';
import { fieldCommentMarks, type PlainField } from './field-comment-marks';

/** Whether a key event is the comment shortcut, Ctrl+Alt+M (Cmd+Alt+M on a Mac). */
export const isCommentKey = (e: KeyboardEvent): boolean => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.code === 'KeyM' || e.key.toLowerCase() === 'm');

function selectionAnchor(doc: Y.Doc, field: PlainField, el: HTMLInputElement | HTMLTextAreaElement) {
  const a = el.selectionStart ?? 0;
  const b = el.selectionEnd ?? 0;
  if (a === b) return null;
  // The document holds the NFC text; offsets are counted in it.
  const start = nfc(el.value.slice(0, a)).length;
  const end = nfc(el.value.slice(0, b)).length;
  return anchorAt(doc, field, start, end);
}

export function usePlainFieldComments(doc: Y.Doc, ids: Readonly<Record<PlainField, string>>): void {
  useEffect(() => {
    const offs: Array<() => void> = [];
    const elements = new Map<PlainField, HTMLInputElement | HTMLTextAreaElement>();
    for (const field of ['headline', 'sapo'] as const) {
      const el = document.getElementById(ids[field]);
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
      elements.set(field, el);
      const onKey = (e: KeyboardEvent) => {
        if (!isCommentKey(e)) return;
        e.preventDefault();
        requestComment(doc, selectionAnchor(doc, field, el));
      };
      const onFocus = () => setCommentTarget(doc, () => selectionAnchor(doc, field, el));
      const box: HTMLElement = el;
      box.addEventListener('keydown', onKey);
      box.addEventListener('focus', onFocus);
      offs.push(fieldCommentMarks(doc, field, el));
      offs.push(() => {
        box.removeEventListener('keydown', onKey);
        box.removeEventListener('focus', onFocus);
      });
    }
    offs.push(
      onShowCommentWords(doc, (id) => {
        const thread = listThreads(doc).find((t) => t.id === id);
        if (!thread?.range || (thread.field !== 'headline' && thread.field !== 'sapo')) return;
        const el = elements.get(thread.field);
        if (!el) return;
        el.focus();
        el.setSelectionRange(thread.range.start, thread.range.end);
      }),
    );
    return () => offs.forEach((off) => off());
  }, [doc, ids.headline, ids.sapo]);
}
