/**
 * The SQLite storage commits the updates that arrive together (group commit: those of one
 * event-loop turn, and those that come before the next commit is due): each
 * caller still learns its sequence number only once its update is committed, in call order,
 * and a stop with updates waiting commits them before the database closes. The disk is waited
 * for off the event loop: an update is in the database (loads, compactions and backups see it)
 * from its turn's commit, and its caller hears of it only once the log is flushed.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backupDatabase } from '../../src-server/ops/backup';
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

  it('commits the first update after a quiet spell at once, and those arriving one a turn after it together, at most one commit per window', async () => {
    const dir = await temp.make('bantin-group-');
    // A window no test would wait out: the first update is answered without it.
    const storage = new SqliteStorage(dir, 60_000);
    try {
      const now = new Date().toISOString();
      await storage.appendUpdate(ARTICLES[0]!, update(0), null, now);
      expect(storage.commits).toBe(1);
      const waiting: Array<Promise<number>> = [];
      for (let i = 1; i <= 10; i++) {
        waiting.push(storage.appendUpdate(ARTICLES[i % 3]!, update(i), null, now));
        await new Promise((r) => setImmediate(r));
      }
      expect(storage.commits).toBe(1);
      // A read commits what waits for the window, in one commit, and their callers are answered.
      expect(await storage.documentParts(ARTICLES[1]!)).toHaveLength(4);
      expect(storage.commits).toBe(2);
      const seqs = await Promise.all(waiting);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
    } finally {
      await storage.close();
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

  it('a load, a compaction and a backup see the updates handed in before them, their callers not yet answered (the disk is waited for later)', async () => {
    const dir = await temp.make('bantin-group-');
    const storage = new SqliteStorage(dir);
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const word of ['Hà ', 'Nội ', 'mưa']) doc.getText('t').insert(doc.getText('t').length, word);
      const now = new Date().toISOString();
      const heard: string[] = [];
      const stored = (name: string) => Promise.all(updates.map((u) => storage.appendUpdate(ARTICLES[0]!, u, null, now))).then(() => heard.push(name));

      // A load in the same turn as the updates: committed for it; their callers are answered
      // only once the log is flushed, on another thread, which no microtask can complete.
      const first = stored('first');
      expect(await storage.documentParts(ARTICLES[0]!)).toHaveLength(3);
      expect(heard).toEqual([]);
      await first;

      // A compaction asked for before the next updates are durable folds them in.
      const second = stored('second');
      await storage.compact(ARTICLES[0]!);
      expect(await storage.pendingUpdates(ARTICLES[0]!)).toBe(0);
      const loaded = new Y.Doc();
      for (const part of await storage.documentParts(ARTICLES[0]!)) Y.applyUpdate(loaded, part);
      expect(loaded.getText('t').toString()).toBe('Hà Nội mưa');
      await second;

      // A backup taken while updates wait for the disk carries them.
      const third = stored('third');
      const out = path.join(dir, 'copy.sqlite');
      await backupDatabase(storage.db, out);
      await third;
      expect(heard).toEqual(['first', 'second', 'third']);
      const copy = new Database(out, { readonly: true });
      try {
        expect((copy.prepare('SELECT count(*) AS n FROM article_updates WHERE article_id = ?').get(ARTICLES[0]!) as { n: number }).n).toBe(3);
      } finally {
        copy.close();
      }
    } finally {
      await storage.close();
    }
  });
});
