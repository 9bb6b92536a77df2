/**
 * A desk's first sync of many articles writes desk.json (which holds the whole library's index)
 * once for many articles, not once or twice for each: at ten thousand articles each write is
 * megabytes, and per-article writes made a first sync take hours. Counted, not timed: every
 * replacement of desk.json (a durable write ends with a rename onto it) is seen by a watcher
 * on the desk's folder while a second desk pulls what a reporter's desk sent. Once the desk
 * says it is synced, desk.json on disk already holds every article's record and index entry,
 * and every article's file is there. And a directory answer cut off in its body (ten thousand
 * articles over a slow link) is the server not reachable now, which sync retries, not an
 * address that is no newsroom server, which stops sync until the user acts.
 */
import { watch } from 'node:fs';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { DESK_FILE } from '../../src-main/services/desk-store';
import { directory } from '../../src-main/services/sync/server-client';
import { call } from '../support/desk';
import { serverFixtures } from '../support/server';
import { addUser, allSynced, FAST_SYNC, loginAs, openSyncDesk, syncStatus } from '../support/sync-desk';

const fx = serverFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

const ARTICLES = 40;
/** Providers at once on the pulling desk: with a write per article, at least ARTICLES / 4 writes. */
const CONCURRENCY = 4;

it('pulling 40 articles replaces desk.json a few times, not once an article, and synced means written', async () => {
  const s = await fx.start();
  await addUser(s, 'phóng-viên', 'reporter');
  await addUser(s, 'biên-tập', 'editor');

  const writer = await openSyncDesk(await fx.temp('bantin-desk-'), 'cli');
  desks.push(writer);
  await loginAs(writer, s, 'phóng-viên');
  const ids: string[] = [];
  for (let i = 0; i < ARTICLES; i++) ids.push((await call<ArticleSummary>(writer, 'article:create', { language: 'vi' })).id);
  await writer.sync.round();

  const dir = await fx.temp('bantin-desk-');
  // The batch waits longer than the test runs: only a batch's own size or the end of the pull writes it.
  const reader = await openSyncDesk(dir, 'web', { ...FAST_SYNC, concurrency: CONCURRENCY, recordBatchMs: 10 * 60_000 });
  desks.push(reader);
  let replaced = 0;
  const watcher = watch(dir, (_event, name) => {
    if (name === DESK_FILE) replaced++;
  });
  try {
    await loginAs(reader, s, 'biên-tập');
    await syncStatus(reader, (st) => allSynced(st) && reader.articles.entries().length === ARTICLES, `${ARTICLES} articles pulled`, 60_000);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, DESK_FILE), 'utf8')) as {
      sync: { articles: Record<string, { pending: boolean; version: number }> };
      index: Record<string, unknown>;
    };
    for (const id of ids) {
      expect(onDisk.sync.articles[id], id).toMatchObject({ pending: false });
      expect(onDisk.index[id], id).toBeDefined();
      await fs.access(path.join(dir, 'articles', `${id}.ydoc`));
    }
  } finally {
    watcher.close();
  }
  // The login, the records of the pull (one batch), the time it became synced: a handful.
  expect(replaced).toBeGreaterThan(0);
  expect(replaced).toBeLessThanOrEqual(6);
});

it('a directory cut off in its body is unreachable, not a wrong address', async () => {
  // Not our server: one that starts a JSON answer and drops the connection halfway.
  const cut = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"articles":[{"id":"');
    setTimeout(() => res.socket?.destroy(), 50);
  });
  await new Promise<void>((resolve) => cut.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(cut.address() as AddressInfo).port}`;
    await expect(directory(url, 'token')).rejects.toMatchObject({ code: 'syncUnreachable' });
  } finally {
    cut.closeAllConnections();
    await new Promise((resolve) => cut.close(resolve));
  }
});
