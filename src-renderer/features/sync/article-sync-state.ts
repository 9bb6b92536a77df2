/** One article's place in the desk's sync status (pure: the store in useSyncStatus.ts reads it). */
import type { ErrorCode } from '../../../src-shared/errors';
import type { SyncStatus } from '../../../src-shared/sync';

/**
 * One article as sync sees it: null when sync is off (or unknown), else whether the server
 * has every change of it, still lacks some, or refused it (with the reason's code).
 */
export type ArticleSyncState = { readonly kind: 'onServer' } | { readonly kind: 'pending' } | { readonly kind: 'refused'; readonly code: ErrorCode };

/** A string per state, so a reader's snapshot compares equal while nothing it shows changed. */
export function articleKey(status: SyncStatus | null, id: string): string {
  if (!status || status.state === 'off') return '';
  const refusal = status.refused.find((r) => r.id === id);
  if (refusal) return `refused:${refusal.code}`;
  return status.pending.includes(id) ? 'pending' : 'onServer';
}

export function fromKey(key: string): ArticleSyncState | null {
  if (key === '') return null;
  if (key === 'pending' || key === 'onServer') return { kind: key };
  return { kind: 'refused', code: key.slice('refused:'.length) as ErrorCode };
}

export function articleSyncState(status: SyncStatus | null, id: string): ArticleSyncState | null {
  return fromKey(articleKey(status, id));
}
