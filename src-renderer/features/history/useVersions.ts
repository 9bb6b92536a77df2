/** The stored versions of one article, loaded while the history is shown and kept current. */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryItem } from '../../../src-shared/history';
import { useErrors } from '../../app/errors';
import { desk } from '../../platform/api';

export interface Versions {
  /** Newest first; null until the first answer. */
  readonly items: readonly HistoryItem[] | null;
  readonly refresh: () => void;
}

export function useVersions(articleId: string, active: boolean): Versions {
  const { report } = useErrors();
  const [items, setItems] = useState<readonly HistoryItem[] | null>(null);
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    if (!active) return;
    return desk.on['history:changed']((e) => e.id === articleId && refresh());
  }, [active, articleId, refresh]);

  useEffect(() => {
    if (!active) return;
    let live = true;
    desk.history.list({ id: articleId }).then(
      (list) => live && setItems(list),
      (err: unknown) => live && report(err),
    );
    return () => {
      live = false;
    };
  }, [active, articleId, asked, report]);

  return { items, refresh };
}
