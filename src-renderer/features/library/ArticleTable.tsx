import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { ArticleRow, type ArticleRowProps } from './ArticleRow';
import { useRowWindow } from './row-window';

const COLUMNS = 7;

export function ArticleTable({ articles, caption, ...handlers }: { readonly articles: readonly ArticleSummary[]; readonly caption: string } & Omit<ArticleRowProps, 'article'>) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  // A long library has only the rows in sight (and some either side) in the page: row-window.ts.
  const { start, end, before, after } = useRowWindow(articles.length, body);
  const windowed = end - start < articles.length;
  return (
    <table className="articles" aria-rowcount={windowed ? articles.length + 1 : undefined}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr aria-rowindex={windowed ? 1 : undefined}>
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
      <tbody ref={body}>
        {before > 0 && <Spacer height={before} />}
        {articles.slice(start, end).map((a, i) => (
          <ArticleRow key={a.id} article={a} {...(windowed ? { rowIndex: start + i + 2 } : {})} {...handlers} />
        ))}
        {after > 0 && <Spacer height={after} />}
      </tbody>
    </table>
  );
}

/** Stands in for the rows not in the page, at about their height. */
function Spacer({ height }: { readonly height: number }) {
  return (
    <tr data-spacer="" aria-hidden="true" className="articles__spacer">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  );
}
