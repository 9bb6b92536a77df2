/**
 * The SQLite storage commits the updates of one event-loop turn together (group commit): each
 * caller still learns its sequence number only once its update is committed, in call order,
 * and a stop with updates waiting commits them before the database closes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src-server/storage/sqlite';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const ARTICLES = ['6f1c1d7e-0000-4000-8000-000000000001', '6f1c1d7e-0000-4000-8000-000000000002', '6f1c1d7e-0000-4000-8000-000000000003'];
const update = (i: number) => new Uint8Array([1, i & 0xff, i >> 8]);

describe('group commit of updates', () => {
  it('updates sent in one turn are all committed, numbered in the order they came, and readable after a reopen', async () => {
    const dir = await temp.make('bantin-group-');
    const storage = new SqliteStorage(dir);
    const now = new Date().toISOString();
    const seqs = await Promise.all(Array.from({ length: 300 }, (_, i) => storage.appendUpdate(ARTICLES[i % 3]!, update(i), null, now)));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    // A second turn after the first: numbered after it.
    expect(await storage.appendUpdate(ARTICLES[0]!, update(300), null, now)).toBeGreaterThan(seqs.at(-1)!);
    await storage.close();

    const reopened = new SqliteStorage(dir);
    try {
      const parts = await reopened.documentParts(ARTICLES[1]!);
      expect(parts.map((p) => [...p])).toEqual(Array.from({ length: 100 }, (_, k) => [...update(3 * k + 1)]));
      expect((await reopened.article(ARTICLES[0]!))?.version).toBe(seqs.at(-1)! + 1);
    } finally {
      await reopened.close();
    }
  });

  it('a stop with updates waiting for their turn commits them first', async () => {
    const dir = await temp.make('bantin-group-');
    const storage = new SqliteStorage(dir);
    const waiting = [0, 1, 2].map((i) => storage.appendUpdate(ARTICLES[0]!, update(i), null, new Date().toISOString()));
    await storage.close();
    const seqs = await Promise.all(waiting);
    expect(seqs).toHaveLength(3);
    const reopened = new SqliteStorage(dir);
    try {
      expect(await reopened.documentParts(ARTICLES[0]!)).toHaveLength(3);
    } finally {
      await reopened.close();
    }
  });
});
