/** The newsroom server as the settings page shows it: its address, who is logged in, how sync stands, and the way to its own page. */
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route';
import { syncStateText } from '../sync/sync-text';
import { useSyncStatus } from '../sync/useSyncStatus';

export function ServerSummary() {
  const { t } = useTranslation('settings');
  const { t: tsync } = useTranslation(['sync', 'errors']);
  const status = useSyncStatus();
  return (
    <>
      <p className="field__hint settings-intro">{t('server.intro')}</p>
      {status && status.server !== null ? (
        <dl className="settings-facts">
          <dt>{t('server.address')}</dt>
          <dd className="settings-facts__path">{status.server}</dd>
          {status.user !== null && (
            <>
              <dt>{t('server.user')}</dt>
              <dd>{status.user}</dd>
            </>
          )}
          <dt>{tsync('sync:page.state')}</dt>
          <dd>{syncStateText(tsync, status)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('server.none')}</p>
      )}
      <p>
        <a href={hrefFor({ name: 'server' })}>{t('server.open')}</a>
      </p>
    </>
  );
}
