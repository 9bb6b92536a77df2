import { importArticle } from '../import';
import type { DeskServices, DomainHandlers } from './types';

export function articleHandlers(s: DeskServices): DomainHandlers<'article'> {
  const { articles, hub, sync } = s;
  return {
    'article:create': async ({ language }) => articles.create({ language }),
    'article:open': async ({ id }, ctx) => {
      const opened = await articles.open(id);
      hub.markOpen(ctx.client, id);
      return opened;
    },
    'article:update': async ({ id, update }, ctx) => ({ savedAt: await articles.update(id, update, ctx.client) }),
    'article:close': async ({ id }, ctx) => {
      hub.markClosed(ctx.client, id);
      articles.closed(id);
      return {};
    },
    'article:trash': async ({ id }) => articles.setTrashed(id, true),
    'article:restore': async ({ id }) => articles.setTrashed(id, false),
    'article:import': async (request) => importArticle(articles, request),
    /** Presence: relayed to the other windows and the newsroom server (sync/presence.ts). */
    'article:awareness': async ({ id, update }, ctx) => {
      await sync.awareness(ctx.client, id, update);
      return {};
    },
  };
}
