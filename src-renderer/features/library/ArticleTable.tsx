import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { ArticleRow, type ArticleRowProps } from './ArticleRow';

export function ArticleTable({ articles, caption, ...handlers }: { readonly articles: readonly ArticleSummary[]; readonly caption: string } & Omit<ArticleRowProps, 'article'>) {
  const { t } = useTranslation();
  return (
    <table className="articles">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.columns.headline')}</th>
          <th scope="col">{t('library.columns.status')}</th>
          <th scope="col">{t('library.columns.language')}</th>
          <th scope="col">{t('library.columns.byline')}</th>
          <th scope="col">{t('library.columns.storyDate')}</th>
          <th scope="col">{t('library.columns.updated')}</th>
          <th scope="col">
            <span className="sr-only">{t('library.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <ArticleRow key={a.id} article={a} {...handlers} />
        ))}
      </tbody>
    </table>
  );
}
