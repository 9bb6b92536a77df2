import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { hrefFor } from '../../app/route';
import { formatDateTime } from '../../shared/format';
import { ArticleSyncBadge } from '../sync/ArticleSyncBadge';
import { PendingMoveBadge } from '../workflow/PendingMoveBadge';
import { ReturnNote } from '../workflow/ReturnNote';
import { PairBadge } from '../translation/PairBadge';

export interface ArticleRowProps {
  readonly article: ArticleSummary;
  readonly onTrash: (article: ArticleSummary) => void;
  readonly onRestore: (article: ArticleSummary) => void;
  /** Its place in a table that holds only some of its rows (aria-rowindex, the header row being 1). */
  readonly rowIndex?: number;
}

export function ArticleRow({ article, onTrash, onRestore, rowIndex }: ArticleRowProps) {
  const { t } = useTranslation();
  const title = article.headline || t('library.untitled');
  const trashed = article.trashedAt !== null;
  return (
    <tr aria-rowindex={rowIndex}>
      <td className="articles__headline">
        <a className={article.headline ? 'article-link' : 'article-link article-link--untitled'} href={hrefFor({ name: 'article', id: article.id })}>
          {title}
        </a>
        {article.sapo && <p className="articles__sapo">{article.sapo}</p>}
        {article.status === 'returned' && <ReturnNote id={article.id} />}
      </td>
      <td className="articles__nowrap">
        <span className={`badge badge--${article.status}`}>{t(`status.${article.status}`)}</span>
        <ArticleSyncBadge id={article.id} compact />
        <PendingMoveBadge id={article.id} status={article.status} />
        {article.conflicts ? <span className="badge badge--conflict">{t('library.conflicts', { n: article.conflicts })}</span> : null}
        {article.openComments ? <span className="badge badge--comments">{t('library.openComments', { n: article.openComments })}</span> : null}
      </td>
      <td className="articles__nowrap">
        {t(`articleLanguage.${article.language}`)}
        <PairBadge article={article} />
      </td>
      <td className="articles__nowrap">{article.byline || <span className="muted">{t('library.noByline')}</span>}</td>
      <td className="articles__date">
        {/* Index rows written before the story date existed have none: the story is dated at its creation. */}
        <time dateTime={article.storyDate ?? article.createdAt}>{formatDateTime(article.storyDate ?? article.createdAt)}</time>
      </td>
      <td className="articles__date">
        <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
      </td>
      <td className="articles__actions">
        {trashed ? (
          <button type="button" className="button button--small" aria-label={t('library.restoreNamed', { headline: title })} onClick={() => onRestore(article)}>
            {t('library.restore')}
          </button>
        ) : (
          <button type="button" className="button button--small button--danger" aria-label={t('library.trashNamed', { headline: title })} onClick={() => onTrash(article)}>
            {t('library.moveToTrash')}
          </button>
        )}
      </td>
    </tr>
  );
}
