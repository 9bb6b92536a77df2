/**
 * The library's search state: the query and filters, the results for them (asked ~100 ms after
 * the last change, stale answers dropped), asked again whenever main says the library changed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchInput, SearchResult } from '../../../../src-shared/contract';
import type { Language, Status } from '../../../../src-shared/models';
import { useErrors } from '../../../app/errors';
import { desk, onReconnect } from '../../../platform/api';

export const SEARCH_DEBOUNCE_MS = 100;

export interface SearchFilters {
  readonly status: Status | '';
  readonly language: Language | '';
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: SearchFilters = { status: '', language: '', from: '', to: '' };

export interface LibrarySearchState {
  readonly query: string;
  readonly filters: SearchFilters;
  /** True while a query or a filter is set: results replace the library's list. */
  readonly active: boolean;
  /** The results of the current query and filters; null until they arrive. */
  readonly result: SearchResult | null;
  setQuery(query: string): void;
  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void;
  clear(): void;
}

export function inputOf(query: string, filters: SearchFilters, trashed: boolean): SearchInput {
  return {
    query,
    trashed,
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

export function useSearch(trashed: boolean): LibrarySearchState {
  const { report } = useErrors();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [tick, setTick] = useState(0);
  const asked = useRef(0);
  const active = query.trim() !== '' || filters.status !== '' || filters.language !== '' || filters.from !== '' || filters.to !== '';

  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const offChanged = desk.on['library:changed'](bump);
    const offReconnect = onReconnect(bump);
    return () => {
      offChanged();
      offReconnect();
    };
  }, []);

  useEffect(() => {
    if (!active) {
      asked.current++;
      setResult(null);
      return;
    }
    const n = ++asked.current;
    const timer = setTimeout(() => {
      desk.library.search(inputOf(query, filters, trashed)).then(
        (r) => n === asked.current && setResult(r),
        (err: unknown) => n === asked.current && report(err),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [active, query, filters, trashed, tick, report]);

  const setFilter = useCallback(<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => setFilters((f) => ({ ...f, [key]: value })), []);
  const clear = useCallback(() => {
    setQuery('');
    setFilters(NO_FILTERS);
  }, []);
  return { query, filters, active, result, setQuery, setFilter, clear };
}
