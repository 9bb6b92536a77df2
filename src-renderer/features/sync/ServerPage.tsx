/**
 * The newsroom server page (`#/server`): where sync stands and who is logged in, "Try now"
 * while the server does not answer, "Log out", the login form when there is no login (or the
 * server no longer takes it), and the articles the server refused with its reasons.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../src-shared/sync';
import { useAction } from '../../app/errors';
import { hrefFor } from '../../app/route';
import { desk } from '../../platform/api';
import { formatDateTime, formatNumber } from '../../shared/format';
import { currentLanguage } from '../../app/i18n';
import { LoginForm } from './LoginForm';
import { syncStateText } from './sync-text';
import { acceptSyncStatus, useSyncStatus } from './useSyncStatus';
import './sync.css';

/** The headlines of the refused articles (the status names them by id only). */
function useHeadlines(ids: readonly string[]): ReadonlyMap<string, string> {
  const [headlines, setHeadlines] = useState<ReadonlyMap<string, string>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    Promise.all([desk.library.list({ trashed: false }), desk.library.list({ trashed: true })]).then(
      ([active, trashed]) => live && setHeadlines(new Map([...active, ...trashed].map((a) => [a.id, a.headline]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]);
  return headlines;
}

function RefusedList({ status }: { readonly status: SyncStatus }) {
  const { t } = useTranslation(['sync', 'errors', 'common']);
  const id = useId();
  const headlines = useHeadlines(status.refused.map((r) => r.id));
  return (
    <section className="server-section" aria-labelledby={id}>
      <h2 className="side-title" id={id}>
        {t('sync:refused.title')}
      </h2>
      {status.refused.length === 0 ? (
        <p className="muted">{t('sync:refused.empty')}</p>
      ) : (
        <table className="refused-table">
          <thead>
            <tr>
              <th scope="col">{t('sync:refused.article')}</th>
              <th scope="col">{t('sync:refused.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {status.refused.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={hrefFor({ name: 'article', id: r.id })}>{headlines.get(r.id) || t('common:library.untitled')}</a>
                </td>
                <td>{t(`errors:${r.code}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StatusFacts({ status }: { readonly status: SyncStatus }) {
  const { t } = useTranslation(['sync', 'errors']);
  const act = useAction();
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<SyncStatus>, done?: string) => {
    setBusy(true);
    setAnnouncement('');
    try {
      const next = await act(action);
      if (next) {
        acceptSyncStatus(next);
        if (done) setAnnouncement(done);
      }
    } finally {
      setBusy(false);
    }
  };
  const canRetry = status.server !== null && (status.state === 'offline' || status.state === 'error');
  return (
    <>
      <dl className="facts server-facts">
        <div>
          <dt>{t('sync:page.state')}</dt>
          <dd>
            <span className="sync-state" data-sync-state={status.state}>
              <span className="sync-corner__dot" aria-hidden="true" />
              {status.state === 'error' ? t('sync:state.error') : syncStateText(t, status)}
            </span>
            {status.state === 'error' && status.error && <p className="server-error">{t(`errors:${status.error.code}`, { ...status.error.params })}</p>}
          </dd>
        </div>
        {status.server !== null && (
          <div>
            <dt>{t('sync:page.server')}</dt>
            <dd className="server-facts__address">{status.server}</dd>
          </div>
        )}
        {status.user !== null && (
          <div>
            <dt>{t('sync:page.user')}</dt>
            <dd>{status.user}</dd>
          </div>
        )}
        {status.role !== null && (
          <div>
            <dt>{t('sync:page.role')}</dt>
            <dd>{t(`sync:role.${status.role}`)}</dd>
          </div>
        )}
        {status.server !== null && (
          <div>
            <dt>{t('sync:page.lastSynced')}</dt>
            <dd>{status.lastSyncedAt ? <time dateTime={status.lastSyncedAt}>{formatDateTime(status.lastSyncedAt)}</time> : t('sync:page.never')}</dd>
          </div>
        )}
      </dl>
      {status.state !== 'off' && status.pending.length > 0 && <p className="muted">{t('sync:page.pending', { n: formatNumber(status.pending.length, currentLanguage()) })}</p>}
      <div className="form-actions">
        {canRetry && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => desk.sync.retry({}))}>
            {t('sync:page.retry')}
          </button>
        )}
        {status.server !== null && status.user !== null && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void run(() => desk.sync.logout({}), t('sync:page.loggedOut'))}>
            {t('sync:page.logout')}
          </button>
        )}
        <span role="status">{announcement}</span>
      </div>
    </>
  );
}

export function ServerPage() {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const statusId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // No login to use: none yet, logged out, or one the server no longer takes.
  const needsLogin = status !== null && (status.state === 'off' || status.user === null || status.error?.code === 'syncUnauthorized');
  return (
    <div className="page page--server">
      <div className="page-head">
        <h1 className="page-title" tabIndex={-1} ref={heading}>
          {t('page.title')}
        </h1>
      </div>
      <p className="muted">{t('page.intro')}</p>
      <div className="server-layout">
        <section className="server-section" aria-labelledby={statusId}>
          <h2 className="side-title" id={statusId}>
            {t('page.status')}
          </h2>
          {status && <StatusFacts status={status} />}
        </section>
        {status && needsLogin && <LoginForm status={status} again={status.state !== 'off' && status.user !== null} onLoggedIn={() => heading.current?.focus()} />}
        {status && <RefusedList status={status} />}
      </div>
    </div>
  );
}
