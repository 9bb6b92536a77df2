/**
 * One article as sync sees it, while sync is on: "on the server", "not on the server yet" or
 * the server's refusal. Nothing while sync is off. `compact` (the library's rows) shows the icon
 * with its words for screen readers and as a tooltip; otherwise the words are shown beside it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../src-shared/errors';
import type { ArticleSyncState } from './article-sync-state';
import { useArticleSyncState } from './useSyncStatus';
import './sync.css';

/** While someone types, each keystroke is "not on the server" for the moment it takes to send. */
const PENDING_AFTER_MS = 3_000;

/**
 * The state to show: an article on the server turns "not on the server yet" only when it has
 * stayed so for PENDING_AFTER_MS, so the badge does not flicker with every key; any other change
 * shows at once.
 */
function useCalmState(state: ArticleSyncState | null): ArticleSyncState | null {
  const [shown, setShown] = useState(state);
  const key = state === null ? '' : state.kind === 'refused' ? `refused:${state.code}` : state.kind;
  const shownKind = shown?.kind;
  useEffect(() => {
    if (state?.kind === 'pending' && shownKind === 'onServer') {
      const timer = setTimeout(() => setShown(state), PENDING_AFTER_MS);
      return () => clearTimeout(timer);
    }
    setShown(state);
    return undefined;
    // `key` stands for `state`: a new object may carry the same state.
  }, [key, shownKind]);
  return shown;
}

export function ArticleSyncBadge({ id, compact = false }: { readonly id: string; readonly compact?: boolean }) {
  const { t } = useTranslation(['sync', 'errors']);
  const state = useCalmState(useArticleSyncState(id));
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
