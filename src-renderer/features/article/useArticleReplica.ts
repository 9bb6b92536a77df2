/** Opens an article's replica for the life of a page and releases it (saving first) on leave. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ArticleSummary } from '../../../src-shared/models';
import { desk, onReconnect } from '../../platform/api';
import { ArticleReplica, type ReplicaSnapshot } from './replica';

export type ArticleLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'open'; readonly replica: ArticleReplica; readonly summary: ArticleSummary };

export function useArticleReplica(id: string): ArticleLoad {
  const [load, setLoad] = useState<ArticleLoad>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: ArticleReplica | null = null;
    setLoad({ kind: 'loading' });
    ArticleReplica.open(desk, id, onReconnect).then(
      ({ replica, summary }) => {
        if (cancelled) return replica.release();
        opened = replica;
        setLoad({ kind: 'open', replica, summary });
      },
      (error: unknown) => !cancelled && setLoad({ kind: 'failed', error }),
    );
    return () => {
      cancelled = true;
      opened?.release();
    };
  }, [id]);
  return load;
}

export function useReplicaSnapshot(replica: ArticleReplica): ReplicaSnapshot {
  return useSyncExternalStore(replica.subscribe, replica.snapshot);
}
