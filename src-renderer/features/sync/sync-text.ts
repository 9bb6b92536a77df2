/** How the desk's sync state reads, in the corner and on the server page. */
import type { TFunction } from 'i18next';
import { assertNever } from '../../../src-shared/errors';
import type { SyncStatus } from '../../../src-shared/sync';
import { formatDateTime } from '../../shared/format';

/** "Đã đồng bộ lúc 17:53, 13/01/2022", "Ngoại tuyến", or the error's own words. */
export function syncStateText(t: TFunction<['sync', 'errors']>, status: SyncStatus): string {
  switch (status.state) {
    case 'off':
    case 'offline':
    case 'connecting':
    case 'syncing':
      return t(`sync:state.${status.state}`);
    case 'synced':
      return status.lastSyncedAt ? t('sync:corner.syncedAt', { at: formatDateTime(status.lastSyncedAt) }) : t('sync:state.synced');
    case 'error':
      return status.error ? t(`errors:${status.error.code}`, { ...status.error.params }) : t('sync:state.error');
    default:
      return assertNever(status.state);
  }
}
