/** What a version's reason reads as in the list: versions saved around a merge name who made the changes merged. */
import type { TFunction } from 'i18next';
import type { HistoryItem } from '../../../src-shared/history';
import { assertNever } from '../../../src-shared/errors';

export function reasonLabel(t: TFunction<'history'>, item: HistoryItem): string {
  const name = item.by ?? null;
  switch (item.reason) {
    case 'timer':
    case 'manual':
    case 'restore':
      return t(`reason.${item.reason}`);
    case 'merge':
      return name ? t('reason.merge', { name }) : t('reason.mergeUnknown');
    case 'remote':
      return name ? t('reason.remote', { name }) : t('reason.remoteUnknown');
    default:
      return assertNever(item.reason);
  }
}
