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
import { onShowCommentWords } from './comment-bus';
import { commentableField, nfcSelection, type Editable } from './comment-field';
import { fieldCommentMarks, type PlainField } from './field-comment-marks';

function selectionAnchor(doc: Y.Doc, field: PlainField, el: Editable) {
  const selected = nfcSelection(el);
  return selected && anchorAt(doc, field, selected.start, selected.end);
}

export function usePlainFieldComments(doc: Y.Doc, ids: Readonly<Record<PlainField, string>>): void {
  useEffect(() => {
    const offs: Array<() => void> = [];
    const elements = new Map<PlainField, Editable>();
    for (const field of ['headline', 'sapo'] as const) {
      const el = document.getElementById(ids[field]);
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
      elements.set(field, el);
      offs.push(commentableField(doc, el, () => selectionAnchor(doc, field, el)));
      offs.push(fieldCommentMarks(doc, field, el));
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
