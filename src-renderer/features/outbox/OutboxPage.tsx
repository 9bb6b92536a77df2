/**
 * The outbox: packages on their way to the newsroom, each with its state — waiting (and why,
 * and when it is tried next), sending, sent, or stopped with the server's reason — and where
 * they go. Sending needs no attention: waiting packages leave as soon as the server answers.
 */
import { useTranslation } from 'react-i18next';
import type { OutboxJob } from '../../../src-shared/outbox';
import { useAction } from '../../app/errors';
import { SettingLink } from '../../app/SettingLink';
import { hrefFor } from '../../app/route';
import { desk } from '../../platform/api';
import { formatDateTime } from '../../shared/format';
import { useOutbox } from './useOutbox';
import './outbox.css';

const MiB = 1024 * 1024;

function JobRow({ job }: { readonly job: OutboxJob }) {
  const { t } = useTranslation('outbox');
  const { t: te } = useTranslation('errors');
  const act = useAction();
  const reason = job.lastError ? te(job.lastError.code as 'uploadUnreachable', { status: job.lastError.status ?? '' }) : '';
  return (
    <tr data-state={job.state}>
      <td>
        <a href={hrefFor({ name: 'article', id: job.articleId })}>{job.headline || t('untitled')}</a>
      </td>
      <td>{formatDateTime(job.createdAt)}</td>
      <td>{(job.size / MiB).toFixed(1)} MB</td>
      <td>
        <span className={`badge badge--job-${job.state}`}>{t(`state.${job.state}`)}</span>
        {job.state === 'sent' && job.sentAt && <span className="muted"> {formatDateTime(job.sentAt)}</span>}
        {reason && job.state !== 'sent' && (
          <p className="job-reason">
            {reason} {job.lastError && <SettingLink code={job.lastError.code} />}
          </p>
        )}
        {job.state === 'queued' && job.nextAttemptAt && job.attempts > 0 && <p className="muted job-reason">{t('nextAttempt', { at: formatDateTime(job.nextAttemptAt), attempts: job.attempts })}</p>}
      </td>
      <td className="job-actions">
        {(job.state === 'failed' || job.state === 'queued') && (
          <button type="button" className="button button--small" onClick={() => void act(() => desk.outbox.retry({ job: job.id }))}>
            {t('retry')}
          </button>
        )}
        {job.state !== 'sending' && (
          <button type="button" className="button button--small button--quiet" onClick={() => void act(() => desk.outbox.remove({ job: job.id }))}>
            {t('remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const jobs = useOutbox();
  return (
    <div className="page page--outbox">
      <div className="page-head">
        <h1 className="page-title" tabIndex={-1}>
          {t('title')}
        </h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="outbox-layout">
        <section aria-label={t('jobs')}>
          {jobs === null ? null : jobs.length === 0 ? (
            <p className="empty empty--plain">{t('empty')}</p>
          ) : (
            <table className="outbox-table">
              <caption className="sr-only">{t('jobs')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.article')}</th>
                  <th scope="col">{t('col.created')}</th>
                  <th scope="col">{t('col.size')}</th>
                  <th scope="col">{t('col.state')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...jobs].reverse().map((job) => (
                  <JobRow key={job.id} job={job} />
                ))}
              </tbody>
            </table>
          )}
        </section>
        <aside className="outbox-where">
          <h2 className="side-title">{t('where.title')}</h2>
          <p className="muted">{t('where.text')}</p>
          <a href={hrefFor({ name: 'settings', section: 'upload' })}>{t('where.link')}</a>
        </aside>
      </div>
    </div>
  );
}
