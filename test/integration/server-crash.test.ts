/**
 * The newsroom server killed with SIGKILL in the middle of a stream of edits, three times on
 * the same data folder: after each restart the server has every edit it had acknowledged.
 *
 * "Acknowledged" is what a desk can see: Hocuspocus answers each update it applied with a
 * SyncStatus message, in order, and the provider's `unsyncedChanges` counts the updates still
 * without one (0: every update sent has its answer).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acknowledged, login, readThroughServer, serverFixtures, until, wsUrlOf } from '../support/server';

const fx = serverFixtures();

const PASSWORD = 'mật-khẩu-quản-trị-đủ-dài';
const NAME = 'bai-dang-viet-0001';

describe('newsroom server: kill -9', () => {
  it('loses nothing it acknowledged when killed mid-sync, three times over', async () => {
    const dir = await fx.temp();
    /** Words the server acknowledged, in every round so far. */
    const acked = new Set<number>();
    let made = 0;
    for (let round = 0; round < 3; round++) {
      const server = await fx.spawn(dir, { BANTIN_ADMIN_PASSWORD: PASSWORD });
      const token = await login(server.url, 'admin', PASSWORD);

      // Everything acknowledged before is there after the restart.
      const before = (await readThroughServer(wsUrlOf(server.url), token, NAME)).getText('headline').toString();
      for (const i of acked) expect(before, `round ${round}: word ${i} acknowledged before the kill`).toContain(` w${i}.`);

      const client = fx.client(wsUrlOf(server.url), token);
      const provider = client.open(NAME);
      await acknowledged(provider);
      const headline = provider.document.getText('headline');
      const typed: number[] = [];
      // Acknowledgements come in the order the updates were sent (one socket, one document), so
      // with `number` still unacknowledged, all typed words but the last `number` have theirs.
      // (While a word is being typed the count is one ahead of `typed`: an underestimate, safe.)
      provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        for (const i of typed.slice(0, Math.max(0, typed.length - number))) acked.add(i);
      });
      const ackedAtStart = acked.size;

      // Type a word every 2 ms; kill the server while the words are still flowing.
      let typing = true;
      const typist = (async () => {
        while (typing) {
          headline.insert(headline.length, ` w${made}.`);
          typed.push(made++);
          await new Promise((r) => setTimeout(r, typed.length % 25 === 0 ? 15 : 2));
        }
      })();
      // Killed once it has acknowledged a few words (on a loaded machine that takes longer than
      // on a quiet one), with more still flowing.
      await until(() => acked.size - ackedAtStart > 10 + round * 5, `round ${round}: words acknowledged`, 20_000);
      await new Promise((r) => setTimeout(r, round * 50));
      const exit = await server.kill('SIGKILL');
      typing = false;
      await typist;
      expect(exit.signal).toBe('SIGKILL');
      expect(acked.size - ackedAtStart, `round ${round}: the server acknowledged words before it was killed`).toBeGreaterThan(10);
      // Words typed but never acknowledged stay only in this client; drop it, as a desk that
      // crashed too would, so that nothing is re-sent to the restarted server.
      client.destroy();
    }
    const last = await fx.spawn(dir);
    const token = await login(last.url, 'admin', PASSWORD);
    const text = (await readThroughServer(wsUrlOf(last.url), token, NAME)).getText('headline').toString();
    for (const i of acked) expect(text).toContain(` w${i}.`);

    // A clean stop (SIGTERM) folds every logged update into the article's state.
    expect(await last.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    const db = new Database(path.join(dir, 'server.sqlite'), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM article_updates').get() as { n: number }).n).toBe(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (db.prepare('SELECT state FROM articles WHERE id = ?').get(NAME) as { state: Buffer }).state);
      expect(doc.getText('headline').toString()).toBe(text);
    } finally {
      db.close();
    }
  });
});
