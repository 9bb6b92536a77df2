/** The thread in focus (comment-bus), as React state. */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { activeComment, onActiveComment } from './comment-bus';

export function useActiveComment(doc: Y.Doc): string | null {
  const subscribe = useCallback((changed: () => void) => onActiveComment(doc, changed), [doc]);
  return useSyncExternalStore(subscribe, () => activeComment(doc));
}
