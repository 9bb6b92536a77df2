/**
 * On the article page, after a merge in which this desk and the other side had changed one same
 * paragraph (or the headline or lead): a notice that says so and links to the differences
 * between this desk's text from before the merge (its `merge` version) and now. Dismissed, it
 * is not shown again for that merge (noted beside the version in main).
 *
 * Words either desk typed into a paragraph the other joined to another or deleted are in no
 * text of the merge (src-shared/lost-text.ts): the notice lists them, each with a button that
 * writes it back where its paragraph's text now is, as the writer's change (Ctrl+Z takes it
 * back). A run already back in the body — put back here or on another desk — leaves the list.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { HistoryItem } from '../../../src-shared/history';
import { isBack, putBack, type LostText } from '../../../src-shared/lost-text';
import { USER_ORIGIN } from '../article/origins';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { showVersion } from './version-request';
import './history.css';

/** The newest merge version whose notice is still due. */
const due = (items: readonly HistoryItem[]): HistoryItem | null => items.find((i) => i.reason === 'merge' && (i.samePlace === true || (i.lost?.length ?? 0) > 0) && i.dismissed !== true) ?? null;

interface Props {
  readonly articleId: string;
  /** The page's replica and undo manager: a run put back is the writer's change. */
  readonly doc: Y.Doc;
  readonly undoManager?: Y.UndoManager;
}

export function MergeNotice({ articleId, doc, undoManager }: Props) {
  const { t } = useTranslation('history');
  const run = useAction();
  const [item, setItem] = useState<HistoryItem | null>(null);
  // The list of lost runs follows the body: read again after every change to the article.
  const [, bodyChanged] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    doc.on('update', bodyChanged);
    return () => doc.off('update', bodyChanged);
  }, [doc]);

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
  const lost = (item.lost ?? []).filter((l) => !isBack(doc, l));
  const bringBack = (l: LostText): void => {
    undoManager?.stopCapturing();
    putBack(doc, l, USER_ORIGIN);
    undoManager?.stopCapturing();
  };
  return (
    <div className="banner banner--warning merge-notice" role="status">
      <div className="merge-notice__body">
        <p className="banner__text">{item.by ? t('mergeNotice.text', values) : t('mergeNotice.textUnknown')}</p>
        {lost.length > 0 && (
          <>
            <p className="banner__text">{t('mergeNotice.lost')}</p>
            <ul className="merge-notice__lost">
              {lost.map((l, i) => (
                <li key={i}>
                  <q>{l.text.trim()}</q>
                  <button type="button" className="button button--quiet" aria-label={t('mergeNotice.putBackLabel', { text: l.text.trim() })} onClick={() => bringBack(l)}>
                    {t('mergeNotice.putBack')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
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
