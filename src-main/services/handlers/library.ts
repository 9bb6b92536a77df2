import { loadSample } from '../sample';
import { withStaleCounts } from '../translations';
import type { DeskServices, DomainHandlers } from './types';

export function libraryHandlers(s: DeskServices): DomainHandlers<'library'> {
  return {
    'library:list': async ({ trashed }) => withStaleCounts(s.articles, s.articles.list(trashed)),
    'library:loadSample': async () => loadSample(s.articles),
    'library:search': (input) => s.search.search(input),
  };
}
