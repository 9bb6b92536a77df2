/**
 * One article: opened as a replica for as long as the page shows it.
 *
 * An article that cannot be opened says why on this page, not in the shell's banner: the banner
 * stays when the user goes elsewhere, and the reason belongs to this page only. An article this
 * desk does not have yet (opened by a link before sync brought it) is opened as soon as it
 * arrives: the page watches the library while it waits.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toErrorPayload } from '../../../src-shared/errors';
import { hrefFor } from '../../app/route';
import { desk } from '../../platform/api';
import { ArticleEditor } from './ArticleEditor';
import { useArticleReplica } from './useArticleReplica';

export function ArticlePage({ id }: { readonly id: string }) {
  const [attempt, setAttempt] = useState(0);
  return <ArticleLoader key={`${id}:${attempt}`} id={id} onArrived={() => setAttempt((n) => n + 1)} />;
}

/** While the article is missing, calls `onArrived` once the library lists it. */
function useArrival(id: string, missing: boolean, onArrived: () => void): void {
  const latest = useRef(onArrived);
  latest.current = onArrived;
  useEffect(() => {
    if (!missing) return undefined;
    let live = true;
    const check = (): void =>
      void Promise.all([desk.library.list({ trashed: false }), desk.library.list({ trashed: true })]).then(
        ([active, trashed]) => live && [...active, ...trashed].some((a) => a.id === id) && latest.current(),
        () => undefined,
      );
    const off = desk.on['library:changed'](check);
    check(); // it may have arrived between the failed open and now
    return () => {
      live = false;
      off();
    };
  }, [id, missing]);
}

function ArticleLoader({ id, onArrived }: { readonly id: string; readonly onArrived: () => void }) {
  const { t } = useTranslation(['common', 'errors']);
  const load = useArticleReplica(id);
  const error = load.kind === 'failed' ? toErrorPayload(load.error) : null;
  useArrival(id, error?.code === 'notFound', onArrived);

  switch (load.kind) {
    case 'loading':
      return (
        <p className="muted page" role="status">
          {t('common:article.loading')}
        </p>
      );
    case 'failed':
      return (
        <div className="page">
          <h1 className="page-title">{t('common:article.unavailable')}</h1>
          <p role="alert">{error ? t(`errors:${error.code}`, { ...error.params }) : ''}</p>
          <p>
            <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
              {t('common:article.back')}
            </a>
          </p>
        </div>
      );
    case 'open':
      return <ArticleEditor key={load.replica.id} replica={load.replica} summary={load.summary} presence={load.presence} />;
  }
}
