/**
 * An article let go and wanted again at once (opened in a window just after its round) is
 * linked again only once the server has answered the close of the provider before it: until
 * then the server hands a new login for the article to the old connection, which is closing,
 * and what it answers the old provider reaches the new one. A proxy between desk and server
 * holds the server's messages back a second from the moment the desk closes the article.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../support/desk';
import { startSyncProxy } from '../support/sync-proxy';
import { addUser, allSynced, deskFixtures, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';

const fx = deskFixtures();
const CLOSE = 7;
const AUTH = 2;

describe('an article linked again right after it was let go', () => {
  it('waits for the server to answer the close of the provider before it, then syncs', async () => {
    const server = await fx.server();
    await addUser(server, 'thuha', 'reporter');
    let id = '';
    let closeSentAt = 0;
    let holdUntil = 0;
    let answeredAt = 0;
    const loginsAfterClose: number[] = [];
    const proxy = await startSyncProxy(server.url, {
      fromDesk(frame) {
        if (frame.article !== id || !id) return;
        if (frame.type === CLOSE && closeSentAt === 0) {
          closeSentAt = Date.now();
          holdUntil = closeSentAt + 1_000;
        } else if (frame.type === AUTH && closeSentAt > 0) loginsAfterClose.push(Date.now());
      },
      holdToDesk: () => Math.max(0, holdUntil - Date.now()),
      deliveredToDesk(frame) {
        if (frame.article === id && frame.type === CLOSE && closeSentAt > 0 && answeredAt === 0) answeredAt = Date.now();
      },
    });
    try {
      const desk = await fx.desk();
      id = await newArticle(desk, 'Mưa lớn ở Huế');
      await loginAs(desk, proxy.url, 'thuha');
      await syncStatus(desk, allSynced, 'the article on the server');
      // Synced with no window open: its provider is let go (the desk sends a close).
      await waitFor(() => closeSentAt > 0, 'the article let go');
      await call(desk, 'article:open', { id }, 'writer');
      await waitFor(() => loginsAfterClose.length > 0, 'the article linked again', 10_000);
      expect(answeredAt > 0 && loginsAfterClose[0]! >= answeredAt, 'linked again only once the server answered the close').toBe(true);
      await syncStatus(desk, (st) => allSynced(st) && desk.sync.isOnline(), 'synced again');
    } finally {
      await proxy.close();
    }
  });
});
