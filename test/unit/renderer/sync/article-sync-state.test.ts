/** One article's sync state, as the library row and the article bar show it. */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../src-shared/sync';
import { articleKey, articleSyncState } from '../../../../src-renderer/features/sync/article-sync-state';

const A = '0f1e2d3c-4b5a-4978-8877-665544332211';
const B = '1f1e2d3c-4b5a-4978-8877-665544332211';
const C = '2f1e2d3c-4b5a-4978-8877-665544332211';

function status(patch: Partial<SyncStatus>): SyncStatus {
  return { state: 'synced', server: 'http://127.0.0.1:8787', user: 'lan', role: 'editor', error: null, lastSyncedAt: null, pending: [], refused: [], ...patch };
}

describe('an article in the sync status', () => {
  it('says nothing while sync is off or not known yet', () => {
    expect(articleSyncState(null, A)).toBeNull();
    expect(articleSyncState(status({ state: 'off', pending: [A] }), A)).toBeNull();
  });

  it('is refused (with the code) before pending, pending before on the server', () => {
    const s = status({ state: 'offline', pending: [A, B], refused: [{ id: B, code: 'syncForbidden' }] });
    expect(articleSyncState(s, A)).toEqual({ kind: 'pending' });
    expect(articleSyncState(s, B)).toEqual({ kind: 'refused', code: 'syncForbidden' });
    expect(articleSyncState(s, C)).toEqual({ kind: 'onServer' });
  });

  it('keeps the same key while what a row shows is the same', () => {
    expect(articleKey(status({ pending: [A] }), C)).toBe(articleKey(status({ pending: [B], lastSyncedAt: '2026-01-13T10:53:00.000Z' }), C));
  });
});
