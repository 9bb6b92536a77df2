/**
 * The editors' queue (`#/queue`): every article waiting for an editor, as the newsroom server
 * last listed it — reporter, assignees, section, status, arrival time, words — with counts per
 * status as filters and the table sorted by arrival (either way). Kept current while online;
 * offline it shows the last list fetched, with its time.
 *
 * The filters are toggle buttons and the arrival column's header a sort button (aria-sort), so
 * everything is reached with Tab and worked with Enter or Space; each headline is a link to the
 * article.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../src-shared/models';
import type { QueueRow } from '../../../src-shared/workflow-desk';
import { currentLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useQueue } from './useQueue';
import './workflow.css';

type Order = 'newest' | 'oldest';

/** Arrival time, then last change, as milliseconds (a row with neither sorts last). */
const arrival = (row: QueueRow): number => Date.parse(row.arrivedAt ?? row.updatedAt) || 0;

export function QueuePage() {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const queue = useQueue();
  const [filter, setFilter] = useState<Status | null>(null);
  const [order, setOrder] = useState<Order>('newest');
  const rows = useMemo(() => queue?.rows ?? [], [queue]);
  const counts = useMemo(() => {
    const by = new Map<Status, number>();
    for (const row of rows) by.set(row.status, (by.get(row.status) ?? 0) + 1);
    return STATUSES.filter((s) => by.has(s)).map((s) => [s, by.get(s)!] as const);
  }, [rows]);
  // A filter whose last story left the queue (taken, approved) falls back to every story.
  const active = counts.some(([s]) => s === filter) ? filter : null;
  const shown = useMemo(() => {
    const kept = active ? rows.filter((r) => r.status === active) : [...rows];
    return kept.sort((a, b) => (order === 'newest' ? arrival(b) - arrival(a) : arrival(a) - arrival(b)));
  }, [rows, active, order]);
  const language = currentLanguage();

  return (
    <div className="page queue">
      <h1 className="page-title">{t('queue.title')}</h1>
      {queue === null ? (
        <p className="muted" role="status">
          {t('queue.loading')}
        </p>
      ) : queue.fetchedAt === null ? (
        <p className="banner banner--info">{t('queue.never')}</p>
      ) : (
        <>
          {/* Not a live region: it changes at every refresh, which is no news to announce. */}
          <p className="muted">{t('queue.fetchedAt', { at: formatDateTime(queue.fetchedAt) })}</p>
          <div className="queue__filters" role="group" aria-label={t('queue.filters')}>
            <button type="button" className="button button--small" aria-pressed={active === null} onClick={() => setFilter(null)}>
              {t('queue.all', { n: formatNumber(rows.length, language) })}
            </button>
            {counts.map(([status, n]) => (
              <button key={status} type="button" className="button button--small" aria-pressed={active === status} data-status={status} onClick={() => setFilter(active === status ? null : status)}>
                {t('queue.countOf', { status: tc(`status.${status}`), n: formatNumber(n, language) })}
              </button>
            ))}
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t('queue.empty')}</p>
          ) : (
            <div className="queue__scroll">
              <table className="articles queue__table" aria-label={t('queue.tableLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.headline')}</th>
                    <th scope="col">{t('queue.owner')}</th>
                    <th scope="col">{t('queue.assignees')}</th>
                    <th scope="col">{t('queue.section')}</th>
                    <th scope="col">{t('queue.status')}</th>
                    <th scope="col" aria-sort={order === 'newest' ? 'descending' : 'ascending'}>
                      <button type="button" className="queue__sort" title={t('queue.sortArrival')} onClick={() => setOrder(order === 'newest' ? 'oldest' : 'newest')}>
                        {t('queue.arrivedAt')}
                        <span aria-hidden="true">{order === 'newest' ? ' ↓' : ' ↑'}</span>
                      </button>
                    </th>
                    <th scope="col" className="queue__number">
                      {t('queue.words')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <tr key={row.id} data-id={row.id}>
                      <td className="articles__headline">
                        <a className={row.headline ? 'article-link' : 'article-link article-link--untitled'} href={hrefFor({ name: 'article', id: row.id })}>
                          {row.headline || t('queue.untitled')}
                        </a>
                      </td>
                      <td>{row.owner ?? '—'}</td>
                      <td>{row.assignees.join(', ') || '—'}</td>
                      <td>{row.section || t('queue.noSection')}</td>
                      <td className="articles__nowrap">
                        <span className={`badge badge--${row.status}`}>{tc(`status.${row.status}`)}</span>
                      </td>
                      <td className="articles__date">{row.arrivedAt ? <time dateTime={row.arrivedAt}>{formatDateTime(row.arrivedAt)}</time> : '—'}</td>
                      <td className="queue__number">{formatNumber(row.words, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
