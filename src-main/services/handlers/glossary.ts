import type { DeskServices, DomainHandlers } from './types';

export function glossaryHandlers(s: DeskServices): DomainHandlers<'glossary'> {
  const { glossary } = s;
  return {
    'glossary:suggest': async ({ query, kind, limit }) => glossary.suggest(query, { kind, limit }),
    'glossary:list': async () => glossary.list(),
    'glossary:learn': async ({ people, organisations }) => glossary.learn(people ?? [], organisations ?? []),
    'glossary:update': async ({ id, ...patch }) => glossary.update(id, patch),
    'glossary:merge': async ({ into, from }) => glossary.merge(into, from),
    'glossary:remove': async ({ id }) => {
      await glossary.remove(id);
      return {};
    },
  };
}
