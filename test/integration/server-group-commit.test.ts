/**
 * The SQLite storage writes on a thread of its own and commits the updates that arrive together
 * (group commit: those of one moment, and those that come before the next commit is due): each
 * caller learns its sequence number only once its update is committed, in call order, and a stop
 * with updates waiting commits them before the database closes. Loads, compactions and backups
 * see every update handed in before them; the event loop stays free while the writer commits.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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
    const storage = new SqliteStorage(dir, { commitEveryMs: 60_000 });
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

  it('a load, a compaction and a backup see the updates handed in before them', async () => {
    const dir = await temp.make('bantin-group-');
    // Updates wait for the window: only the read, the compaction or the backup commits them.
    const storage = new SqliteStorage(dir, { commitEveryMs: 60_000 });
    try {
      await storage.appendUpdate(ARTICLES[1]!, update(0), null, new Date().toISOString()); // the first commit, at once
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const word of ['Hà ', 'Nội ', 'mưa']) doc.getText('t').insert(doc.getText('t').length, word);
      const now = new Date().toISOString();
      const stored = () => Promise.all(updates.map((u) => storage.appendUpdate(ARTICLES[0]!, u, null, now)));

      const first = stored();
      expect(await storage.documentParts(ARTICLES[0]!)).toHaveLength(3);
      await first;

      const second = stored();
      await storage.compact(ARTICLES[0]!);
      expect(await storage.pendingUpdates(ARTICLES[0]!)).toBe(0);
      const loaded = new Y.Doc();
      for (const part of await storage.documentParts(ARTICLES[0]!)) Y.applyUpdate(loaded, part);
      expect(loaded.getText('t').toString()).toBe('Hà Nội mưa');
      await second;

      const third = stored();
      const out = path.join(dir, 'copy.sqlite');
      await backupDatabase(storage, out);
      await third;
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

  it('commits on another thread: the event loop stays free while a long commit runs', async () => {
    const dir = await temp.make('bantin-group-');
    const storage = new SqliteStorage(dir);
    try {
      await storage.appendUpdate(ARTICLES[0]!, update(0), null, new Date().toISOString()); // the writer is up
      // Two hundred thousand digests in one write: hundreds of milliseconds of SQLite's work.
      const digests = Array.from({ length: 200_000 }, (_, i) => ({ articleId: `6f1c1d7e-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1, headline: `Tin số ${i}`, section: 'thoi-su', words: 100, language: 'vi' as const, openComments: 0 }));
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      const began = performance.now();
      const before = performance.eventLoopUtilization();
      await storage.putDigests(digests);
      const took = performance.now() - began;
      const loop = performance.eventLoopUtilization(before).utilization;
      clearInterval(ticker);
      expect(took).toBeGreaterThan(100);
      // On the loop the write would have held it the whole time: at most a tick, utilisation ~1.
      expect(ticks).toBeGreaterThan(took / 5 / 4);
      expect(loop).toBeLessThan(0.5);
      expect((storage.db.prepare('SELECT count(*) AS n FROM article_digests').get() as { n: number }).n).toBe(200_000);
    } finally {
      await storage.close();
    }
  });

  it('a writer thread that dies refuses nothing after it: the next write starts another, and what was committed stays', async () => {
    const dir = await temp.make('bantin-group-');
    const storage = new SqliteStorage(dir);
    try {
      const now = new Date().toISOString();
      const first = await storage.appendUpdate(ARTICLES[0]!, update(0), null, now);
      await (storage as unknown as { writer: { worker: { terminate(): Promise<number> } } }).writer.worker.terminate();
      const second = await storage.appendUpdate(ARTICLES[0]!, update(1), null, now);
      expect(second).toBeGreaterThan(first);
      expect(await storage.documentParts(ARTICLES[0]!)).toHaveLength(2);
    } finally {
      await storage.close();
    }
  });

});
