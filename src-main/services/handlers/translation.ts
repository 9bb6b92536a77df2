/** Translation pairs (src-main/services/translations.ts). */
import { confirm, pairState, translate } from '../translations';
import type { DeskServices, DomainHandlers } from './types';

export function translationHandlers(s: DeskServices): DomainHandlers<'translation'> {
  return {
    'translation:create': async ({ id, to }) => ({ id: await translate(s.articles, id, to) }),
    'translation:state': async ({ id }) => pairState(s.articles, id),
    'translation:confirm': async ({ id, blockId }) => confirm(s.articles, id, blockId),
  };
}
