import { useTranslation } from 'react-i18next';
import { useErrors } from './errors';
import { SettingLink } from './SettingLink';

export function ErrorBanner() {
  const { t } = useTranslation(['common', 'errors']);
  const { current, dismiss } = useErrors();
  if (!current) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__text">
        {t(`errors:${current.code}`, { ...current.params })} <SettingLink code={current.code} className="banner__link" />
      </p>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
