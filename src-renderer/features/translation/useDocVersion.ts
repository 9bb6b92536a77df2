/** A counter that moves on every change to a Yjs document: a page re-reads what it derives from it. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';

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

/**
 * A counter that moves only when the document's meta map changes (its links, language…): for
 * what shows beside the editor and reads no text, so it does not render again at every key.
 */
export function useMetaVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const map = meta(doc);
    const bump = (): void => setVersion((v) => v + 1);
    map.observe(bump);
    return () => map.unobserve(bump);
  }, [doc]);
  return version;
}
