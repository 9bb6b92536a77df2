/**
 * An article let go and linked again at once — a window closing on it and opening it again, a
 * notice of a change just after its round — sends its new login on the same socket before the
 * server has handled the old provider's close; the server could hand that login to the closing
 * connection and the new provider waited for ever ("syncing", never synced). The desk lets such
 * a provider go after a few seconds and links the article again. Here a window closes and
 * reopens the article many times in a row, writing each time: every round ends synced, with
 * every word on the server.
 */
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src-shared/article-doc';
import { call } from '../support/desk';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus } from '../support/sync-desk';

const fx = deskFixtures();

describe('an article closed and opened again at once', () => {
  it('ends every round synced, with every word on the server', { timeout: 120_000 }, async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'editor');
    const desk = await fx.desk();
    const id = await newArticle(desk, 'Đóng mở liên tục');
    await loginAs(desk, server, 'lan');
    await syncStatus(desk, allSynced, 'first sync');
    desk.hub.connect('window', () => undefined);
    const rounds = 12;
    for (let i = 0; i < rounds; i++) {
      await call(desk, 'article:open', { id }, 'window');
      await editAs(desk, 'writer', id, addParagraph(`Vòng ${i}.`));
      await syncStatus(desk, allSynced, `round ${i} synced`);
      // Closed and opened again without a pause: the provider is let go and made anew.
      await call(desk, 'article:close', { id }, 'window');
    }
    await syncStatus(desk, allSynced, 'last round synced');
    // What the server holds: a second desk logging in gets every round's words.
    const other = await fx.desk();
    await addUser(server, 'minh', 'editor');
    await loginAs(other, server, 'minh');
    await syncStatus(other, (s) => allSynced(s) && other.articles.has(id), 'second desk has it');
    const body = await other.articles.read(id, (doc) => readArticle(doc).body);
    for (let i = 0; i < rounds; i++) expect(body).toContain(`Vòng ${i}.`);
  });
});
