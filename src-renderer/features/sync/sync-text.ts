/** How the desk's sync state reads, in the corner and on the server page. */
import type { TFunction } from 'i18next';
import { assertNever } from '../../../src-shared/errors';
import type { SyncStatus } from '../../../src-shared/sync';
import { currentLanguage } from '../../app/i18n';
import { formatDateTime, formatNumber } from '../../shared/format';

/**
 * "Đã đồng bộ lúc 17:53, 13/01/2022", "Ngoại tuyến", or the error's own words. Synced with
 * articles the server refused does not read as plain synced: it says how many were refused.
 */
export function syncStateText(t: TFunction<['sync', 'errors']>, status: SyncStatus): string {
  switch (status.state) {
    case 'off':
    case 'offline':
    case 'connecting':
    case 'syncing':
      return t(`sync:state.${status.state}`);
    case 'synced':
      if (status.refused.length > 0) return t('sync:corner.syncedRefused', { n: formatNumber(status.refused.length, currentLanguage()) });
      return status.lastSyncedAt ? t('sync:corner.syncedAt', { at: formatDateTime(status.lastSyncedAt) }) : t('sync:state.synced');
    case 'error':
      return status.error ? t(`errors:${status.error.code}`, { ...status.error.params }) : t('sync:state.error');
    default:
      return assertNever(status.state);
  }
}
