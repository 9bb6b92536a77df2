/** The library's rows (active or trashed), reloaded whenever main says the library changed. */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../src-shared/models';
import { useErrors } from '../../app/errors';
import { desk, onReconnect } from '../../platform/api';

export interface Library {
  readonly articles: readonly ArticleSummary[] | null;
  readonly reload: () => Promise<void>;
}

export function useLibrary(trashed: boolean): Library {
  const { report } = useErrors();
  const [articles, setArticles] = useState<readonly ArticleSummary[] | null>(null);
  const reload = useCallback(async () => {
    try {
      // Main returns the rows in Vietnamese collation order (compareVi on the headline).
      setArticles(await desk.library.list({ trashed }));
    } catch (err) {
      report(err);
    }
  }, [trashed, report]);
  useEffect(() => {
    setArticles(null);
    void reload();
    const offChanged = desk.on['library:changed'](() => void reload());
    const offReconnect = onReconnect(() => void reload());
    return () => {
      offChanged();
      offReconnect();
    };
  }, [reload]);
  return { articles, reload };
}
