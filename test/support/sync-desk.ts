/** Desks that sync with a test server: background sync with short pauses, and waits on their sync status. */
import * as Y from 'yjs';
import type { SyncStatus } from '../../src-shared/sync';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, replicaOf, TEST_VERSION, updateFrom } from './desk';

export const FAST_SYNC = { pollMs: 300, minDelayMs: 100, maxDelayMs: 400 } as const;

export function openSyncDesk(dataDir: string, mode: 'web' | 'cli' = 'web'): Promise<Desk> {
  return openDesk({ dataDir, mode, version: TEST_VERSION, sync: FAST_SYNC });
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
