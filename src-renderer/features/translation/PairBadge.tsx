/** The library row's word on an article's pair: a link to its side-by-side view and how many translated blocks are out of date. */
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { hrefFor } from '../../app/route';
import './translation.css';

export function PairBadge({ article }: { readonly article: ArticleSummary }) {
  const { t } = useTranslation('translate');
  const translation = article.translationOf ? article.id : (article.translations?.en ?? article.translations?.vi);
  if (!translation) return null;
  const label = article.translationOf
    ? t('action.sideBySideSource', { language: t(`language.${article.translationOf.language}`) })
    : t('action.sideBySide', { language: t(`language.${article.translations?.en ? 'en' : 'vi'}`) });
  return (
    <span className="pair-badges">
      <a className="badge badge--pair" href={hrefFor({ name: 'translation', id: translation })} aria-label={label} title={label}>
        ⇄ {article.translationOf ? `${article.translationOf.language.toUpperCase()}→${article.language.toUpperCase()}` : `${article.language.toUpperCase()}→${article.translations?.en ? 'EN' : 'VI'}`}
      </a>
      {article.staleBlocks ? <span className="badge badge--stale" title={t('action.staleCount', { count: article.staleBlocks })}>
          <span aria-hidden="true">{t('action.staleShort', { count: article.staleBlocks })}</span>
          <span className="sr-only">{t('action.staleCount', { count: article.staleBlocks })}</span>
        </span> : null}
    </span>
  );
}
