/**
 * On the article page, after a merge in which this desk and the other side had changed one same
 * paragraph (or the headline or lead): a notice that says so and links to the differences
 * between this desk's text from before the merge (its `merge` version) and now. Dismissed, it
 * is not shown again for that merge (noted beside the version in main).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../../../src-shared/history';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { showVersion } from './version-request';
import './history.css';

/** The newest merge version whose notice is still due. */
const due = (items: readonly HistoryItem[]): HistoryItem | null => items.find((i) => i.reason === 'merge' && i.samePlace === true && i.dismissed !== true) ?? null;

export function MergeNotice({ articleId }: { readonly articleId: string }) {
  const { t } = useTranslation('history');
  const run = useAction();
  const [item, setItem] = useState<HistoryItem | null>(null);

  const load = useCallback(() => {
    let live = true;
    // The notice is a courtesy: a history that cannot be read is told by the history panel.
    desk.history.list({ id: articleId }).then(
      (items) => live && setItem(due(items)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [articleId]);

  useEffect(() => load(), [load]);
  useEffect(() => desk.on['history:changed']((e) => void (e.id === articleId && load())), [articleId, load]);

  if (!item) return null;
  const values = item.by ? { name: item.by } : {};
  return (
    <div className="banner banner--warning merge-notice" role="status">
      <p className="banner__text">{item.by ? t('mergeNotice.text', values) : t('mergeNotice.textUnknown')}</p>
      <div className="merge-notice__actions">
        <button type="button" className="button" onClick={() => showVersion(articleId, item.version)}>
          {t('mergeNotice.show')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            void run(async () => {
              await desk.history.dismissMerge({ id: articleId, version: item.version });
              setItem(null);
              return true;
            })
          }
        >
          {t('mergeNotice.dismiss')}
        </button>
      </div>
    </div>
  );
}
