/** Desks that sync with a test server: background sync with short pauses, and waits on their sync status. */
import * as Y from 'yjs';
import { readArticle } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import type { SyncStatus } from '../../src-shared/sync';
import { openDesk, type Desk } from '../../src-main/services/desk';
import type { SyncOptions } from '../../src-main/services/sync/service';
import { call, replicaOf, TEST_VERSION, updateFrom } from './desk';
import { afterEach } from 'vitest';
import { api, startTestServer, type TestServer } from './server';
import { tempDirs } from './temp';

export const FAST_SYNC = { pollMs: 300, minDelayMs: 100, maxDelayMs: 400 } as const;

/** A desk that syncs with short pauses (FAST_SYNC), or with `sync` instead (the desk's defaults for what it leaves out). */
export function openSyncDesk(dataDir: string, mode: 'web' | 'cli' = 'web', sync: SyncOptions = FAST_SYNC): Promise<Desk> {
  return openDesk({ dataDir, mode, version: TEST_VERSION, sync });
}

/** Waits until `check` holds for the desk's sync status; fails with the last status seen. */
export async function syncStatus(desk: Desk, check: (s: SyncStatus) => boolean, what: string, timeoutMs = 20_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  let last = desk.sync.status();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last sync status: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = desk.sync.status();
  }
  return last;
}

export const allSynced = (s: SyncStatus): boolean => s.state === 'synced' && s.pending.length === 0;

/**
 * Edits an article the way a window does: opens a replica (as `client`), changes it and sends
 * the update through `article:update`; the replica stays open until `close`.
 */
export async function editAs(desk: Desk, client: string, id: string, change: (doc: Y.Doc) => void): Promise<void> {
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id }, client);
  const doc = replicaOf(state);
  await call(desk, 'article:update', { id, update: updateFrom(doc, change) }, client);
  await call(desk, 'article:close', { id }, client);
}

/** Appends a paragraph with `text` to the body. */
export function addParagraph(text: string): (doc: Y.Doc) => void {
  return (doc) => {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, text);
    p.insert(0, [t]);
    const body = doc.getXmlFragment('body');
    body.insert(body.length, [p]);
  };
}

export const USER_PASSWORD = 'mật-khẩu-phóng-viên-dài';

/** Creates a user on the test server (as admin) with USER_PASSWORD. */
export async function addUser(s: Pick<TestServer, 'url' | 'adminToken'>, name: string, role: 'reporter' | 'editor'): Promise<void> {
  const created = await api(s.url, 'POST', '/api/users', { token: s.adminToken, json: { name, role, password: USER_PASSWORD } });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.json)}`);
}

export const loginAs = (d: Desk, s: TestServer | string, name: string): Promise<SyncStatus> =>
  call<SyncStatus>(d, 'sync:login', { server: typeof s === 'string' ? s : s.url, user: name, password: USER_PASSWORD });

/** The article's headline and body as the desk has them (opened and closed again as `reader`). */
export async function articleText(d: Desk, id: string): Promise<{ headline: string; body: string }> {
  const { state } = await call<{ state: Uint8Array }>(d, 'article:open', { id }, 'reader');
  await call(d, 'article:close', { id }, 'reader');
  const view = readArticle(replicaOf(state));
  return { headline: view.headline, body: view.body };
}

/** A new Vietnamese article with `headline`, written as a window would. */
export async function newArticle(d: Desk, headline: string): Promise<string> {
  const { id } = await call<ArticleSummary>(d, 'article:create', { language: 'vi' });
  await editAs(d, 'writer', id, (doc) => doc.getText('headline').insert(0, headline));
  return id;
}

/** Waits until `check` holds, polling every 50 ms. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Per test: temporary folders, newsroom servers and syncing desks, all closed and removed after
 * each test. `stop` closes a server in the middle of a test (to start it again on its folder
 * and port); `desk` and `server` take a folder of the test's own when given.
 */
export function deskFixtures(): {
  temp(prefix?: string): Promise<string>;
  server(dir?: string, port?: number): Promise<TestServer>;
  stop(server: TestServer): Promise<void>;
  desk(dir?: string, sync?: SyncOptions): Promise<Desk>;
} {
  const temp = tempDirs();
  const desks: Desk[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
    await Promise.all(servers.splice(0).map((s) => s.server.close().catch(() => undefined)));
    await temp.cleanup();
  });
  return {
    temp: (prefix = 'bantin-') => temp.make(prefix),
    async server(dir, port = 0) {
      const s = await startTestServer(dir ?? (await temp.make('bantin-server-')), { port });
      servers.push(s);
      return s;
    },
    async stop(s) {
      const at = servers.indexOf(s);
      if (at >= 0) servers.splice(at, 1);
      await s.server.close();
    },
    async desk(dir, sync = FAST_SYNC) {
      const d = await openSyncDesk(dir ?? (await temp.make('bantin-desk-')), 'web', sync);
      desks.push(d);
      return d;
    },
  };
}
