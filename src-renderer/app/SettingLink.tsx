/**
 * Errors that point to a setting link to it: the message says where ("in Settings, under
 * Sending to the newsroom") and the link takes the person there. One table, so the error
 * banner and the outbox's reasons agree.
 */
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src-shared/errors';
import { hrefFor, type Route } from './route';

const SETTING_OF: Partial<Record<ErrorCode, Route>> = {
  uploadNotConfigured: { name: 'settings', section: 'upload' },
  uploadUnauthorized: { name: 'settings', section: 'upload' },
  uploadRefused: { name: 'settings', section: 'upload' },
  syncUnauthorized: { name: 'server' },
  syncBadCredentials: { name: 'server' },
};

export function settingOf(code: string): Route | null {
  return SETTING_OF[code as ErrorCode] ?? null;
}

/** The link to the setting an error points to; nothing for an error that points to none. */
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
