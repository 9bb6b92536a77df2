/** Search results in place of the library's list: count, then each article's headline and snippet with the matched words marked. */
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResult } from '../../../../src-shared/contract';
import { currentLanguage } from '../../../app/i18n';
import { hrefFor } from '../../../app/route';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { Marked } from './Marked';

/** What to show under the headline: the body around its first match, else the lead or the event when it matched, else the body's start. */
function excerptOf(hit: SearchHit): SearchHit['highlights'][number] | null {
  const body = hit.highlights.find((h) => h.field === 'body');
  if (body?.ranges.length) return body;
  const matched = hit.highlights.find((h) => h.field === 'sapo') ?? hit.highlights.find((h) => h.field === 'event');
  return matched ?? body ?? (hit.summary.sapo ? { field: 'sapo', text: hit.summary.sapo, ranges: [] } : null);
}

export function SearchResults({ result }: { readonly result: SearchResult | null }) {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const lang = currentLanguage();
  const count =
    result === null
      ? t('searching')
      : result.total === 0
        ? t('none')
        : result.total > result.hits.length
          ? t('countCapped', { total: formatNumber(result.total, lang), shown: formatNumber(result.hits.length, lang) })
          : t('count', { n: formatNumber(result.total, lang) });
  return (
    <section className="search-results" aria-label={t('results')}>
      <p className="search-results__count" role="status">
        {count}
      </p>
      {result && result.hits.length > 0 && (
        <ol className="search-results__list">
          {result.hits.map((hit) => {
            const s = hit.summary;
            const head = hit.highlights.find((h) => h.field === 'headline');
            const excerpt = excerptOf(hit);
            return (
              <li key={s.id} className="search-hit">
                <a className={s.headline ? 'article-link search-hit__headline' : 'article-link article-link--untitled search-hit__headline'} href={hrefFor({ name: 'article', id: s.id })}>
                  {head ? <Marked text={head.text} ranges={head.ranges} /> : s.headline || tc('library.untitled')}
                </a>
                <p className="search-hit__meta">
                  <span className={`badge badge--${s.status}`}>{tc(`status.${s.status}`)}</span> <span>{tc(`articleLanguage.${s.language}`)}</span>{' '}
                  {s.byline && <span>{s.byline}</span>} <time dateTime={s.createdAt}>{t('created', { date: formatDateTime(s.createdAt) })}</time>
                </p>
                {excerpt && (
                  <p className="search-hit__snippet">
                    <Marked text={excerpt.text} ranges={excerpt.ranges} />
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
