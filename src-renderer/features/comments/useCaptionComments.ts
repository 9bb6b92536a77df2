/**
 * Comments on a photo's captions (plain text fields of the photo's card, one per language), as
 * on the headline and the lead: Ctrl+Alt+M asks for a comment on the selected words, the field
 * the writer is in is the one the Comments tab's button comments on, the words of open threads
 * are marked over the field, and a thread's words are selected in their caption when the tab
 * asks (the Photos tab is brought forward for it). A photo not attached yet (no id) takes none.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { captionAnchorAt, listThreads } from '../../../src-shared/comments';
import { LANGUAGES, type Language } from '../../../src-shared/models';
import { onShowCommentWords, showPhotos } from './comment-bus';
import { commentableField, nfcSelection, type Editable } from './comment-field';
import { captionCommentMarks } from './field-comment-marks';

function selectionAnchor(doc: Y.Doc, photo: string, language: Language, el: Editable) {
  const selected = nfcSelection(el);
  return selected && captionAnchorAt(doc, photo, language, selected.start, selected.end, el.value);
}

export function useCaptionComments(doc: Y.Doc, photo: string | null, ids: Readonly<Record<Language, string>>): void {
  useEffect(() => {
    if (!photo) return undefined;
    const offs: Array<() => void> = [];
    const elements = new Map<Language, Editable>();
    for (const language of LANGUAGES) {
      const el = document.getElementById(ids[language]);
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
      elements.set(language, el);
      offs.push(commentableField(doc, el, () => selectionAnchor(doc, photo, language, el)));
      offs.push(captionCommentMarks(doc, photo, language, el));
    }
    offs.push(
      onShowCommentWords(doc, (id) => {
        const thread = listThreads(doc).find((t) => t.id === id);
        if (!thread?.range || thread.caption?.photo !== photo) return;
        const el = elements.get(thread.caption.language);
        if (!el) return;
        showPhotos(doc);
        // Once the Photos tab is shown: a hidden field cannot take the focus.
        requestAnimationFrame(() => {
          el.focus();
          el.setSelectionRange(thread.range!.start, thread.range!.end);
        });
      }),
    );
    return () => offs.forEach((off) => off());
  }, [doc, photo, ids.vi, ids.en]);
}
