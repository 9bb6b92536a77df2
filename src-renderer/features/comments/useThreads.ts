/**
 * The article's comment threads, read again shortly after any change to the document: a
 * thread's words move with every edit, so text changes count as well as the comments' own.
 * A reading equal to the one shown is dropped (typing far from any comment changes nothing).
 * Only while the list is on screen (`live`): hidden, it would read the whole body's text every
 * moment of typing for nobody; it is read again as it comes back.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { listThreads, type CommentThread } from '../../../src-shared/comments';

export const THREADS_DELAY_MS = 150;

export function useThreads(doc: Y.Doc, live = true): readonly CommentThread[] {
  const [threads, setThreads] = useState<readonly CommentThread[]>(() => listThreads(doc));
  const shown = useRef(JSON.stringify(threads));
  useEffect(() => {
    if (!live) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      const next = listThreads(doc);
      const key = JSON.stringify(next);
      if (key === shown.current) return;
      shown.current = key;
      setThreads(next);
    };
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        read();
      }, THREADS_DELAY_MS);
    };
    doc.on('update', onUpdate);
    read();
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc, live]);
  return threads;
}
