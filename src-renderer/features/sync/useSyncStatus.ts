/**
 * The desk's sync status as main reports it: asked once (`sync:status`), then kept current by
 * `sync:status` events. One subscription serves the whole page (the corner, the server page,
 * every library row, the article bar), and each reader re-renders only when what it shows
 * changes: a library row reads one article's state, not the whole status.
 *
 * An answer to `sync:status` that was asked before an event arrived is older than the event,
 * and is dropped. When web mode's link to main comes back, the status is asked again (events
 * may have been missed meanwhile).
 */
import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../../src-shared/sync';
import { desk, onReconnect } from '../../platform/api';
import { articleKey, fromKey, type ArticleSyncState } from './article-sync-state';

export { articleSyncState, type ArticleSyncState } from './article-sync-state';

let current: SyncStatus | null = null;
/** Grows with every question and every event: an answer to an older question is stale. */
let generation = 0;
const listeners = new Set<() => void>();
let stop: (() => void) | null = null;

function publish(next: SyncStatus): void {
  current = next;
  for (const l of [...listeners]) l();
}

function ask(): void {
  const asked = ++generation;
  desk.sync.status({}).then(
    (status) => asked === generation && publish(status),
    // Main cannot say (yet): the corner stays as it was; the next event brings the status.
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stop) {
    const offEvent = desk.on['sync:status']((status) => {
      generation++;
      publish(status);
    });
    const offReconnect = onReconnect(ask);
    stop = () => {
      offEvent();
      offReconnect();
    };
    ask();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
      generation++;
    }
  };
}

const snapshot = (): SyncStatus | null => current;

/** What an action's answer says (login, logout, retry): shown at once, newer than any question in flight. */
export function acceptSyncStatus(status: SyncStatus): void {
  generation++;
  publish(status);
}

/** The desk's sync status; null until main has answered. */
export function useSyncStatus(): SyncStatus | null {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The desk's login name ('' without one); re-renders only when it changes. */
export function useSyncUser(): string {
  return useSyncExternalStore(subscribe, () => current?.user ?? '');
}

/** One article's sync state; re-renders only when that state changes. */
export function useArticleSyncState(id: string): ArticleSyncState | null {
  return fromKey(useSyncExternalStore(subscribe, () => articleKey(current, id)));
}
