/**
 * Opens an article's replica for the life of a page and releases it (saving first) on leave,
 * with the page's presence in it (features/sync/presence.ts): it says goodbye before the
 * article is closed in main. While presence shows someone else in the article, the replica
 * sends each change as soon as it is painted (`setLive`), so they see it within a round trip.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ArticleSummary } from '../../../src-shared/models';
import { desk, onReconnect } from '../../platform/api';
import { ArticlePresence } from '../sync/presence';
import { ArticleReplica, type ReplicaSnapshot } from './replica';

export type ArticleLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'open'; readonly replica: ArticleReplica; readonly summary: ArticleSummary; readonly presence: ArticlePresence };

export function useArticleReplica(id: string): ArticleLoad {
  const [load, setLoad] = useState<ArticleLoad>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: { replica: ArticleReplica; presence: ArticlePresence; unfollow: () => void } | null = null;
    setLoad({ kind: 'loading' });
    ArticleReplica.open(desk, id, onReconnect).then(
      ({ replica, summary }) => {
        if (cancelled) return replica.release();
        const presence = new ArticlePresence(desk, id, replica.doc, onReconnect);
        const follow = (): void => replica.setLive(presence.others().length > 0);
        opened = { replica, presence, unfollow: presence.subscribe(follow) };
        follow();
        setLoad({ kind: 'open', replica, summary, presence });
      },
      (error: unknown) => !cancelled && setLoad({ kind: 'failed', error }),
    );
    return () => {
      cancelled = true;
      opened?.unfollow();
      opened?.replica.release(opened.presence.leave());
    };
  }, [id]);
  return load;
}

export function useReplicaSnapshot(replica: ArticleReplica): ReplicaSnapshot {
  return useSyncExternalStore(replica.subscribe, replica.snapshot);
}
