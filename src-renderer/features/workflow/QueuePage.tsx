/**
 * The editors' queue (`#/queue`): every article waiting for an editor, as the newsroom server
 * last listed it — reporter, assignees, section, status, arrival time, words and on-air time (the words at the
 * on-air rate this desk sets for the article's language), and "changed since approved" under the
 * headline of a story edited after an editor's yes, and its open comments under its status — with counts per status, and of the
 * stories changed since approved, as filters; sorted by arrival, words or on-air time, either
 * way. Kept current while online; offline it shows the last list fetched, with its time.
 *
 * The filters are toggle buttons and the sortable columns' headers sort buttons (aria-sort), so
 * everything is reached with Tab and worked with Enter or Space; each headline is a link to the
 * article.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_READING_RATES, STATUSES, type Status } from '../../../src-shared/models';
import { splitDuration } from '../../../src-shared/text/counts';
import { currentLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useRowWindow } from '../library/row-window';
import { useSettings } from '../../shared/useSettings';
import { clockDuration, filterRows, isoDuration, nextSort, onAirSeconds, sortRows, type QueueFilter, type QueueSort, type QueueSortKey } from './queue-rows';
import { useQueue } from './useQueue';
import './workflow.css';

export function QueuePage() {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const queue = useQueue();
  const { t: te } = useTranslation('editor');
  const settings = useSettings();
  const rates = settings?.readingRates ?? DEFAULT_READING_RATES;
  const [filter, setFilter] = useState<QueueFilter | null>(null);
  const [sort, setSort] = useState<QueueSort>({ key: 'arrival', direction: 'descending' });
  const rows = useMemo(() => queue?.rows ?? [], [queue]);
  const counts = useMemo(() => {
    const by = new Map<Status, number>();
    for (const row of rows) by.set(row.status, (by.get(row.status) ?? 0) + 1);
    return STATUSES.filter((s) => by.has(s)).map((s) => [s, by.get(s)!] as const);
  }, [rows]);
  const changed = rows.filter((r) => r.changedSinceApproved).length;
  // A filter whose last story left the queue (taken, approved) falls back to every story.
  const active = (filter === 'changedSinceApproved' && changed > 0) || counts.some(([s]) => s === filter) ? filter : null;
  const shown = useMemo(() => sortRows(filterRows(rows, active), sort, rates), [rows, active, sort, rates]);
  // A long queue has only the rows in sight (and some either side) in the page.
  const body = useRef<HTMLTableSectionElement>(null);
  const rowWindow = useRowWindow(shown.length, body);
  const windowed = rowWindow.end - rowWindow.start < shown.length;
  const language = currentLanguage();
  /** "2 phút 5 giây" / "2 min 5 s", as the article's counters say it. */
  const spoken = (seconds: number): string => {
    const { minutes, seconds: s } = splitDuration(seconds);
    return minutes > 0 ? te('counts.duration', { minutes: formatNumber(minutes, language), seconds: formatNumber(s, language) }) : te('counts.durationSeconds', { seconds: formatNumber(s, language) });
  };
  /** A sortable column's header: a button that sorts by it, or turns the order round. */
  const sortHeader = (key: QueueSortKey, label: string, title: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.key === key ? sort.direction : undefined}>
      <button type="button" className="queue__sort" title={title} onClick={() => setSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true" className={sort.key === key ? 'queue__sort-arrow' : 'queue__sort-arrow queue__sort-arrow--idle'}>
          {sort.key !== key ? ' ↕' : sort.direction === 'descending' ? ' ↓' : ' ↑'}
        </span>
      </button>
    </th>
  );

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
            {changed > 0 && (
              <button type="button" className="button button--small queue__filter-changed" aria-pressed={active === 'changedSinceApproved'} onClick={() => setFilter(active === 'changedSinceApproved' ? null : 'changedSinceApproved')}>
                {t('queue.changedCount', { n: formatNumber(changed, language) })}
              </button>
            )}
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t('queue.empty')}</p>
          ) : (
            <div className="queue__scroll">
              <table className="articles queue__table" aria-label={t('queue.tableLabel')} aria-rowcount={windowed ? shown.length + 1 : undefined}>
                <thead>
                  <tr aria-rowindex={windowed ? 1 : undefined}>
                    <th scope="col">{t('queue.headline')}</th>
                    <th scope="col">{t('queue.owner')}</th>
                    <th scope="col">{t('queue.assignees')}</th>
                    <th scope="col">{t('queue.section')}</th>
                    <th scope="col">{t('queue.status')}</th>
                    {sortHeader('arrival', t('queue.arrivedAt'), t('queue.sortArrival'))}
                    {sortHeader('words', t('queue.words'), t('queue.sortWords'), 'queue__number')}
                    {sortHeader('onAir', t('queue.onAir'), t('queue.sortOnAir'), 'queue__number')}
                  </tr>
                </thead>
                <tbody ref={body}>
                  {rowWindow.before > 0 && <QueueSpacer height={rowWindow.before} />}
                  {shown.slice(rowWindow.start, rowWindow.end).map((row, i) => {
                    const onAir = onAirSeconds(row, rates);
                    return (
                      <tr key={row.id} data-id={row.id} aria-rowindex={windowed ? rowWindow.start + i + 2 : undefined} className={row.changedSinceApproved ? 'queue__row--changed' : undefined}>
                        <td className="articles__headline">
                          <a className={row.headline ? 'article-link' : 'article-link article-link--untitled'} href={hrefFor({ name: 'article', id: row.id })}>
                            {row.headline || t('queue.untitled')}
                          </a>
                          {row.changedSinceApproved && <span className="badge badge--changed queue__changed">{t('changedSinceApproved')}</span>}
                        </td>
                        <td>{row.owner ?? '—'}</td>
                        <td className="queue__assignees">{row.assignees.join(', ') || '—'}</td>
                        <td>{row.section || t('queue.noSection')}</td>
                        <td className="queue__status">
                          <span className={`badge badge--${row.status}`}>{tc(`status.${row.status}`)}</span>
                          {row.openComments > 0 && <span className="badge badge--comments">{tc('library.openComments', { n: formatNumber(row.openComments, language) })}</span>}
                        </td>
                        <td className="articles__date">{row.arrivedAt ? <time dateTime={row.arrivedAt}>{formatDateTime(row.arrivedAt)}</time> : '—'}</td>
                        <td className="queue__number">{formatNumber(row.words, language)}</td>
                        <td className="queue__number" data-testid="on-air">
                          <time dateTime={isoDuration(onAir)} title={spoken(onAir)}>
                            <span aria-hidden="true">{clockDuration(onAir)}</span>
                            <span className="sr-only">{spoken(onAir)}</span>
                          </time>
                        </td>
                      </tr>
                    );
                  })}
                  {rowWindow.after > 0 && <QueueSpacer height={rowWindow.after} />}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Stands in for the queue's rows not in the page, at about their height. */
function QueueSpacer({ height }: { readonly height: number }) {
  return (
    <tr data-spacer="" aria-hidden="true" className="articles__spacer">
      <td colSpan={8} style={{ height }} />
    </tr>
  );
}
