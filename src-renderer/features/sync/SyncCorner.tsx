/**
 * The shell's corner status: where sync stands (off, offline, connecting, syncing, synced with
 * its time — or with the number of articles the server refused —, or the error in words), as a
 * link to the server page. It is not a live region: syncing and synced alternate with every few
 * keystrokes and would be read out each time.
 *
 * The shell is always there, so the corner also passes the window's `online` event to main
 * (`sync:networkUp`): main has no such event of its own, and tries the server at once rather
 * than at its next backoff step. The event is only a hint: online is what the server answers.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route';
import { desk } from '../../platform/api';
import { syncStateText } from './sync-text';
import { acceptSyncStatus, useSyncStatus } from './useSyncStatus';
import './sync.css';

function useNetworkUp(): void {
  useEffect(() => {
    const up = (): void => void desk.sync.networkUp({}).then(acceptSyncStatus, () => undefined);
    window.addEventListener('online', up);
    return () => window.removeEventListener('online', up);
  }, []);
}

export function SyncCorner({ current }: { readonly current: boolean }) {
  const { t } = useTranslation(['sync', 'errors']);
  const status = useSyncStatus();
  useNetworkUp();
  const text = status ? syncStateText(t, status) : t('sync:page.title');
  const refused = status?.state === 'synced' && status.refused.length > 0;
  return (
    <a
      className="sync-corner"
      href={hrefFor({ name: 'server' })}
      data-sync-state={status?.state ?? 'unknown'}
      data-sync-refused={refused ? 'true' : undefined}
      aria-current={current ? 'page' : undefined}
      // The text may be cut short in a narrow header: the tooltip says it whole.
      title={`${text} · ${t('sync:corner.title')}`}
      data-testid="sync-corner"
    >
      <span className="sync-corner__dot" aria-hidden="true" />
      <span className="sync-corner__text">{text}</span>
    </a>
  );
}
