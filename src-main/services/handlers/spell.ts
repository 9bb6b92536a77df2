import type { DeskServices, DomainHandlers } from './types';

export function spellHandlers(s: DeskServices): DomainHandlers<'spell'> {
  const { dictionary } = s;
  return {
    'spell:words': async () => ({ words: dictionary.words() }),
    'spell:add': async ({ word }) => ({ words: await dictionary.add(word) }),
  };
}
