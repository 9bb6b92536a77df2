import { DeskError } from '../../../src-shared/errors';
import { gazetteer } from '../gazetteer/load';
import type { DomainHandlers } from './types';

export function placeHandlers(): DomainHandlers<'place'> {
  return {
    'place:search': async ({ query, limit }) => {
      const g = await gazetteer().catch((err: unknown) => {
        throw new DeskError('gazetteerUnavailable', {}, { cause: err });
      });
      return g.search(query, limit);
    },
  };
}
