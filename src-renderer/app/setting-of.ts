/**
 * Which setting an error points to: the message says where ("in Settings, under Sending to the
 * newsroom") and SettingLink.tsx links there. One table, so the error banner, the article's
 * Send and the outbox's reasons agree.
 */
import type { ErrorCode } from '../../src-shared/errors';
import type { Route } from './route';

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
