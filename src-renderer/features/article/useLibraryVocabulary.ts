/**
 * The sections and tags the library's articles already use, for the details panel's section
 * list and tag completion; kept current as the library changes. The sections offered are the
 * desk's own list (settings, in its order), then any other section an article uses.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../src-shared/models';
import { compareVi, fold } from '../../../src-shared/text/vietnamese';
import { desk } from '../../platform/api';
import { useSettings } from '../../shared/useSettings';

export interface Vocabulary {
  readonly sections: readonly string[];
  readonly tags: readonly string[];
}

/** Distinct values (one per folded form, the first met), in Vietnamese order. */
function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const value = v.trim();
    if (value && !seen.has(fold(value))) seen.set(fold(value), value);
  }
  return [...seen.values()].sort(compareVi);
}

/** The desk's sections in their order, then the sections in use that the list lacks. */
export function offeredSections(desk: readonly string[], used: readonly string[]): string[] {
  const listed = new Set(desk.map(fold));
  return [...desk, ...used.filter((s) => !listed.has(fold(s)))];
}

export function vocabularyOf(rows: readonly ArticleSummary[]): Vocabulary {
  return { sections: distinct(rows.map((r) => r.section)), tags: distinct(rows.flatMap((r) => r.tags ?? [])) };
}

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
