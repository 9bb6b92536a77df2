/**
 * The sections and tags a set of library rows uses, each once (by folded form), in Vietnamese
 * order, and the sections offered on an article: the desk's list first, then the others in use.
 */
import type { ArticleSummary } from '../../../src-shared/models';
import { compareVi, fold } from '../../../src-shared/text/vietnamese';

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
