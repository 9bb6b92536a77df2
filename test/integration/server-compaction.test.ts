/**
 * Compaction folds an article's stored updates into its state on a worker thread
 * (src-server/storage/fold.ts): the event loop stays free while it folds, the state is the one
 * folding on the loop gives, a compaction under way when the storage closes is dropped
 * quietly, and compactions of one article asked for at once (with updates stored in between)
 * leave every update in the state or the log. On a server, an article being typed into is
 * compacted only once its log is long, and whatever is left once its last desk leaves.
 */
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Folder } from '../../src-server/storage/fold';
import { SqliteStorage } from '../../src-server/storage/sqlite';
import { foldUpdates } from '../../src-server/storage/types';
import { COMPACT_AFTER_UPDATES } from '../../src-server/sync';
import { acknowledged, serverFixtures, userWithToken } from '../support/server';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const ARTICLE = '6f1c1d7e-0000-4000-8000-0000000000aa';

/** `n` updates of one writer typing words into a text. */
function typed(n: number, word = 'mưa '): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(doc.getText('t').length, word);
  return updates;
}

const textOf = (state: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
};

describe('compaction', () => {
  it('folds on a worker thread: the same state as folding here, with the event loop free meanwhile', async () => {
    const updates = typed(10_000, 'lũ ').map((data, i) => ({ seq: i + 1, data }));
    const folder = new Folder();
    try {
      await folder.fold(ARTICLE, null, updates.slice(0, 10)); // the worker started
      const loop0 = performance.eventLoopUtilization();
      const state = await folder.fold(ARTICLE, null, updates);
      const loop = performance.eventLoopUtilization(loop0);
      // Folding 10,000 updates here keeps the loop busy the whole time (utilisation ~1).
      expect(loop.utilization).toBeLessThan(0.5);
      expect(textOf(state)).toBe(textOf(foldUpdates(ARTICLE, null, updates)));
      expect(textOf(state)).toBe('lũ '.repeat(10_000));
    } finally {
      await folder.close();
    }
  });

  it('a compaction under way when the storage closes ends quietly, and the log is whole after a reopen', async () => {
    const dir = await temp.make('bantin-compact-');
    const storage = new SqliteStorage(dir);
    const updates = typed(10_000, 'lũ ');
    const now = new Date().toISOString();
    await Promise.all(updates.map((u) => storage.appendUpdate(ARTICLE, u, null, now)));
    const compacting = storage.compact(ARTICLE);
    await new Promise((r) => setImmediate(r)); // the log read and handed to the worker
    await storage.close();
    await expect(compacting).resolves.toBeUndefined();
    const reopened = new SqliteStorage(dir);
    try {
      const doc = new Y.Doc();
      for (const part of await reopened.documentParts(ARTICLE)) Y.applyUpdate(doc, part);
      expect(doc.getText('t').toString()).toBe('lũ '.repeat(10_000));
    } finally {
      await reopened.close();
    }
  });

  it('a compaction asked for after the storage closed ends quietly (the server stores documents as it stops)', async () => {
    const dir = await temp.make('bantin-compact-');
    const storage = new SqliteStorage(dir);
    for (const u of typed(5)) await storage.appendUpdate(ARTICLE, u, null, new Date().toISOString());
    await storage.close();
    await expect(storage.compact(ARTICLE)).resolves.toBeUndefined();
  });

  it('compactions of one article asked for at once, with updates stored between them, keep every update', async () => {
    const dir = await temp.make('bantin-compact-');
    const storage = new SqliteStorage(dir);
    try {
      const updates = typed(300);
      const now = new Date().toISOString();
      const store = (from: number, to: number) => Promise.all(updates.slice(from, to).map((u) => storage.appendUpdate(ARTICLE, u, null, now)));
      await store(0, 100);
      const first = storage.compact(ARTICLE);
      await store(100, 200);
      const second = storage.compact(ARTICLE);
      await store(200, 300);
      await Promise.all([first, second]);
      const doc = new Y.Doc();
      for (const part of await storage.documentParts(ARTICLE)) Y.applyUpdate(doc, part);
      expect(doc.getText('t').toString()).toBe('mưa '.repeat(300));
      // The second compaction folded what was stored before it; the rest waits in the log.
      expect(await storage.pendingUpdates(ARTICLE)).toBeLessThanOrEqual(100);
    } finally {
      await storage.close();
    }
  });
});

describe('compaction while desks type (the server)', () => {
  const fixtures = serverFixtures();

  it('leaves a short log while the article is open, compacts a long one then, and the rest once its last desk leaves', async () => {
    // Stores every few milliseconds: compacting at each, the log would never stay.
    const s = await fixtures.start({ debounceMs: 10, maxDebounceMs: 40 });
    const token = await userWithToken(s, 'bientap', 'editor');
    const client = fixtures.client(s, token);
    const writer = client.open(ARTICLE);
    await acknowledged(writer);
    const headline = writer.document.getText('headline');
    for (let i = 0; i < 20; i++) {
      headline.insert(headline.length, `từ${i} `);
      await acknowledged(writer);
    }
    await new Promise((r) => setTimeout(r, 400));
    const short = await s.server.storage.pendingUpdates(ARTICLE);
    expect(short).toBeGreaterThanOrEqual(20);

    // Past the length, compacted while the desk is still there.
    for (let i = 0; i < COMPACT_AFTER_UPDATES; i++) headline.insert(headline.length, 'x');
    await acknowledged(writer, 60_000);
    let pending = Number.POSITIVE_INFINITY;
    for (const t0 = Date.now(); Date.now() - t0 < 15_000 && pending >= COMPACT_AFTER_UPDATES; await new Promise((r) => setTimeout(r, 50))) pending = await s.server.storage.pendingUpdates(ARTICLE);
    expect(pending).toBeLessThan(COMPACT_AFTER_UPDATES);

    // Its last desk leaves: what is left is compacted as the article unloads.
    const text = headline.toString();
    client.destroy();
    for (const t0 = Date.now(); Date.now() - t0 < 15_000 && pending > 0; await new Promise((r) => setTimeout(r, 50))) pending = await s.server.storage.pendingUpdates(ARTICLE);
    expect(pending).toBe(0);
    const stored = new Y.Doc();
    for (const part of await s.server.storage.documentParts(ARTICLE)) Y.applyUpdate(stored, part);
    expect(stored.getText('headline').toString()).toBe(text);
  });
});
