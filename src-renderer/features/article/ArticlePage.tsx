/** One article: opened as a replica for as long as the page shows it. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrors } from '../../app/errors';
import { hrefFor } from '../../app/route';
import { ArticleEditor } from './ArticleEditor';
import { useArticleReplica } from './useArticleReplica';

export function ArticlePage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const { report } = useErrors();
  const load = useArticleReplica(id);
  useEffect(() => {
    if (load.kind === 'failed') report(load.error);
  }, [load, report]);

  switch (load.kind) {
    case 'loading':
      return (
        <p className="muted page" role="status">
          {t('article.loading')}
        </p>
      );
    case 'failed':
      return (
        <div className="page">
          <h1 className="page-title">{t('article.unavailable')}</h1>
          <p>
            <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
              {t('article.back')}
            </a>
          </p>
        </div>
      );
    case 'open':
      return <ArticleEditor key={load.replica.id} replica={load.replica} summary={load.summary} presence={load.presence} />;
  }
}
