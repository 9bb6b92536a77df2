/** The article's photos, re-read whenever any of them changes (here or in another window). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { photos } from '../../../src-shared/article-doc';
import { readPhotos, type PhotoEntry } from '../../../src-shared/article-photos';

export function usePhotos(doc: Y.Doc): readonly PhotoEntry[] {
  const [list, setList] = useState(() => readPhotos(doc));
  useEffect(() => {
    const array = photos(doc);
    const update = () => setList(readPhotos(doc));
    update();
    array.observeDeep(update);
    return () => array.unobserveDeep(update);
  }, [doc]);
  return list;
}
