/**
 * The article's comment threads, read again shortly after any change to the document: a
 * thread's words move with every edit, so text changes count as well as the comments' own.
 * A reading equal to the one shown is dropped (typing far from any comment changes nothing).
 * Only while the list is on screen (`live`): hidden, it would read the whole body's text every
 * moment of typing for nobody; it is read again as it comes back.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { commentsMap, listThreads, type CommentThread } from '../../../src-shared/comments';

export const THREADS_DELAY_MS = 150;
/** How long typing pauses before a quiet reader (the margin) reads the threads' words again. */
export const QUIET_DELAY_MS = 800;

/**
 * `quiet`: a change of the text alone is read once the typing pauses (QUIET_DELAY_MS), changes
 * of the comments as soon as for the tab — for the margin, on screen while the writer types.
 */
export function useThreads(doc: Y.Doc, live = true, quiet = false): readonly CommentThread[] {
  const [threads, setThreads] = useState<readonly CommentThread[]>(() => listThreads(doc));
  const shown = useRef(JSON.stringify(threads));
  useEffect(() => {
    if (!live) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let soon = false;
    const read = () => {
      timer = null;
      soon = false;
      const next = listThreads(doc);
      const key = JSON.stringify(next);
      if (key === shown.current) return;
      shown.current = key;
      setThreads(next);
    };
    const onUpdate = () => {
      if (!quiet) {
        timer ??= setTimeout(read, THREADS_DELAY_MS);
        return;
      }
      if (soon) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, QUIET_DELAY_MS);
    };
    const comments = commentsMap(doc);
    const onComments = () => {
      if (soon) return;
      if (timer) clearTimeout(timer);
      soon = true;
      timer = setTimeout(read, THREADS_DELAY_MS);
    };
    doc.on('update', onUpdate);
    comments.observeDeep(onComments);
    read();
    return () => {
      doc.off('update', onUpdate);
      comments.unobserveDeep(onComments);
      if (timer) clearTimeout(timer);
    };
  }, [doc, live, quiet]);
  return threads;
}
