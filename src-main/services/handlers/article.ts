import { articleNeedsCleaning, cleanArticleText, updateNeedsCleaning } from '../../../src-shared/article-clean';
import { importArticle } from '../import';
import type { DeskServices, DomainHandlers } from './types';

export function articleHandlers(s: DeskServices): DomainHandlers<'article'> {
  const { articles, hub, sync } = s;
  /**
   * Articles whose body received text a window did not clean (NFC, no control characters).
   * A raw update is applied as it came, so that every replica agrees on it; main then cleans
   * what it brought. The headline, the lead and the fields at once: a window sends those only
   * once an input method has finished composing. The body when a window next opens or closes
   * the article: its editor sends text while a composition is in progress (and cleans it itself
   * when the composition ends), and rewriting it under the input method would disturb it.
   */
  const bodyToClean = new Set<string>();
  const cleanBody = async (id: string): Promise<void> => {
    if (!bodyToClean.delete(id)) return;
    await articles.change(id, (doc) => cleanArticleText(doc, { body: true }));
  };
  return {
    'article:create': async ({ language }) => articles.create({ language }),
    'article:open': async ({ id }, ctx) => {
      await cleanBody(id);
      const opened = await articles.open(id);
      hub.markOpen(ctx.client, id);
      return opened;
    },
    'article:update': async ({ id, update }, ctx) => {
      const savedAt = await articles.update(id, update, ctx.client);
      if (updateNeedsCleaning(update)) {
        bodyToClean.add(id);
        // Most often it is the body (an input method composing): then nothing is written now.
        if (await articles.read(id, (doc) => articleNeedsCleaning(doc, { body: false }))) await articles.change(id, (doc) => cleanArticleText(doc, { body: false }));
      }
      return { savedAt };
    },
    'article:close': async ({ id }, ctx) => {
      hub.markClosed(ctx.client, id);
      // A window closing an article that is gone (trashed for good meanwhile) is no failure of its own.
      await cleanBody(id).catch(() => undefined);
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
