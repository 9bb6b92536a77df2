/** Completions from the desk's glossary while the writer types a name, and learning what was entered. */
import { useEffect, useState } from 'react';
import type { GlossaryEntry, GlossaryKind, GlossaryPerson } from '../../../src-shared/glossary';
import { desk } from '../../platform/api';

export const SUGGEST_DELAY_MS = 120;

/** Entries matching `query` (none while it is empty or `active` is false), fetched shortly after typing pauses. */
export function useGlossarySuggestions(query: string, kind: GlossaryKind, active: boolean): readonly GlossaryEntry[] {
  const [entries, setEntries] = useState<readonly GlossaryEntry[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!active || !q) {
      setEntries([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      desk.glossary.suggest({ query: q, kind, limit: 8 }).then(
        (found) => {
          if (!stale) setEntries(found.filter((e) => e.name !== q));
        },
        // A completion that could not be fetched is no error for the writer: they keep typing.
        () => undefined,
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, kind, active]);
  return entries;
}

/** Tells the glossary what the writer entered (fire and forget: the article holds it already). */
export function learn(people: readonly GlossaryPerson[], organisations: readonly string[]): void {
  const p = people.filter((x) => x.name.trim());
  const o = organisations.filter((x) => x.trim());
  if (p.length === 0 && o.length === 0) return;
  desk.glossary.learn({ people: p, organisations: o }).catch(() => undefined);
}
