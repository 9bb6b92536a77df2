import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../src-shared/errors';
import { formatTime } from '../../shared/format';
import type { ArticleReplica } from './replica';

/**
 * "Đã lưu lúc 17:53", "Đang lưu…", or why the last save failed (it is being retried).
 * It follows the replica's save state by itself, so a save re-renders only this line.
 */
export function SaveStatus({ replica }: { readonly replica: Pick<ArticleReplica, 'saveState' | 'subscribeSave'> }) {
  const { t } = useTranslation(['common', 'errors']);
  const save = useSyncExternalStore(replica.subscribeSave, replica.saveState);
  let text: string;
  switch (save.kind) {
    case 'saved':
      text = t('article.savedAt', { time: formatTime(save.at) });
      break;
    case 'saving':
      text = t('article.saving');
      break;
    case 'failed':
      text = t('article.saveFailed', { reason: t(`errors:${save.error.code}`, { ...save.error.params }) });
      break;
    default:
      assertNever(save);
  }
  return (
    <p className={`save-status save-status--${save.kind}`} role="status" data-state={save.kind}>
      <span className="save-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
