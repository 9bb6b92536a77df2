/** Where this desk keeps its data (to back it up, or find it), and which Bàn Tin runs it. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-shared/models';
import { desk } from '../../platform/api';

export function DeskData() {
  const { t } = useTranslation('settings');
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    desk.app.info({}).then(
      (i) => live && setInfo(i),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <p className="field__hint settings-intro">{t('data.intro')}</p>
      {info && (
        <dl className="settings-facts">
          <dt>{t('data.folder')}</dt>
          <dd className="settings-facts__path" data-testid="data-folder">
            {info.dataDir}
          </dd>
          <dt>{t('data.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('data.mode')}</dt>
          <dd>{info.mode === 'electron' ? t('data.modeElectron') : t('data.modeWeb')}</dd>
        </dl>
      )}
    </>
  );
}
