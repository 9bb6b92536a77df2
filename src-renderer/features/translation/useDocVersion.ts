/** A counter that moves on every change to a Yjs document: a page re-reads what it derives from it. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useDocVersion(...docs: ReadonlyArray<Y.Doc | null>): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1);
    const live = docs.filter((d): d is Y.Doc => d !== null);
    for (const d of live) d.on('update', bump);
    return () => {
      for (const d of live) d.off('update', bump);
    };
  }, docs);
  return version;
}
