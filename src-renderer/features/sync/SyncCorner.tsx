/**
 * The shell's corner status: where sync stands (off, offline, connecting, syncing, synced with
 * its time, or the error in words), as a link to the server page. It is not a live region:
 * syncing and synced alternate with every few keystrokes and would be read out each time.
 */
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route';
import { syncStateText } from './sync-text';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncCorner({ current }: { readonly current: boolean }) {
  const { t } = useTranslation(['sync', 'errors']);
  const status = useSyncStatus();
  const text = status ? syncStateText(t, status) : t('sync:page.title');
  return (
    <a className="sync-corner" href={hrefFor({ name: 'server' })} data-sync-state={status?.state ?? 'unknown'} aria-current={current ? 'page' : undefined} title={t('sync:corner.title')} data-testid="sync-corner">
      <span className="sync-corner__dot" aria-hidden="true" />
      <span className="sync-corner__text">{text}</span>
    </a>
  );
}
