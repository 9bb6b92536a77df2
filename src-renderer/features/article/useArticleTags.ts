/** The article's tags, kept current as its `meta` changes here or on another desk. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';
import { tagsOf } from './meta-writes';

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export function useArticleTags(doc: Y.Doc): readonly string[] {
  const [tags, setTags] = useState(() => tagsOf(doc));
  useEffect(() => {
    const m = meta(doc);
    const update = () => {
      const next = tagsOf(doc);
      setTags((prev) => (same(prev, next) ? prev : next));
    };
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return tags;
}
