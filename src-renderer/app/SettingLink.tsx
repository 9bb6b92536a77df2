/** The link to the setting an error points to (setting-of.ts); nothing for an error that points to none. */
import { useTranslation } from 'react-i18next';
import { hrefFor } from './route';
import { settingOf } from './setting-of';

export function SettingLink({ code, className }: { readonly code: string; readonly className?: string }) {
  const { t } = useTranslation('settings');
  const route = settingOf(code);
  if (!route) return null;
  const text = route.name === 'settings' ? t('goTo', { section: route.section ? t(`section.${route.section}`) : t('title') }) : t('server.open');
  return (
    <a className={className} href={hrefFor(route)}>
      {text}
    </a>
  );
}
