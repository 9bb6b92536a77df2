/**
 * Search in the library: the search bar, then either the library's own list (`children`) or,
 * while a query or filter is set, the search results in its place.
 */
import type { ReactNode } from 'react';
import { SearchBar } from './SearchBar';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import './search.css';

export function LibrarySearch({ trashed, children }: { readonly trashed: boolean; readonly children: ReactNode }) {
  const search = useSearch(trashed);
  return (
    <>
      <SearchBar search={search} />
      {search.active ? <SearchResults result={search.result} /> : children}
    </>
  );
}
