/**
 * One article as sync sees it, while sync is on: "on the server", "not on the server yet" or
 * the server's refusal. Nothing while sync is off. `compact` (the library's rows) shows the icon
 * with its words for screen readers and as a tooltip; otherwise the words are shown beside it.
 */
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../src-shared/errors';
import { useArticleSyncState } from './useSyncStatus';
import './sync.css';

export function ArticleSyncBadge({ id, compact = false }: { readonly id: string; readonly compact?: boolean }) {
  const { t } = useTranslation(['sync', 'errors']);
  const state = useArticleSyncState(id);
  if (state === null) return null;
  let short: string;
  let full: string;
  switch (state.kind) {
    case 'onServer':
      short = full = t('sync:article.onServer');
      break;
    case 'pending':
      short = full = t('sync:article.pending');
      break;
    case 'refused':
      short = t('sync:article.refused');
      full = t('sync:article.refusedWhy', { reason: t(`errors:${state.code}`) });
      break;
    default:
      return assertNever(state);
  }
  return (
    <span className={compact ? 'article-sync article-sync--compact' : 'article-sync'} data-article-sync={state.kind} title={full}>
      <span className="article-sync__icon" aria-hidden="true" />
      <span className={compact ? 'sr-only' : 'article-sync__text'}>{compact ? full : short}</span>
      {!compact && state.kind === 'refused' && <span className="sr-only">{t(`errors:${state.code}`)}</span>}
    </span>
  );
}
