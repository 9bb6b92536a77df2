/**
 * The sections and tags the library's articles already use, for the details panel's section
 * list and tag completion; kept current as the library changes. The sections offered are the
 * desk's own list (settings, in its order), then any other section an article uses.
 */
import { useEffect, useMemo, useState } from 'react';
import { desk } from '../../platform/api';
import { offeredSections, vocabularyOf, type Vocabulary } from './vocabulary';
import { useSettings } from '../../shared/useSettings';

export function useLibraryVocabulary(): Vocabulary {
  const settings = useSettings();
  const [vocabulary, setVocabulary] = useState<Vocabulary>({ sections: [], tags: [] });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void =>
      void desk.library.list({ trashed: false }).then(
        (rows) => live && setVocabulary(vocabularyOf(rows)),
        () => undefined,
      );
    // The library changes with every save of the open article: list it again once things settle.
    const off = desk.on['library:changed'](() => {
      clearTimeout(timer);
      timer = setTimeout(load, 1500);
    });
    load();
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);
  const deskSections = settings?.sections;
  return useMemo(() => ({ ...vocabulary, sections: offeredSections(deskSections ?? [], vocabulary.sections) }), [vocabulary, deskSections]);
}
