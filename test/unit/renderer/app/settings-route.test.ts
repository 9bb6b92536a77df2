import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, SETTINGS_SECTIONS } from '../../../../src-renderer/app/route';
import { settingOf } from '../../../../src-renderer/app/setting-of';

describe('the settings route', () => {
  it('is #/settings, or #/settings/<section> at one of its sections, both ways', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(hrefFor({ name: 'settings' })).toBe('#/settings');
    for (const section of SETTINGS_SECTIONS) {
      expect(parseRoute(hrefFor({ name: 'settings', section }))).toEqual({ name: 'settings', section });
    }
  });

  it('sends an unknown section to the library, like any unknown address', () => {
    expect(parseRoute('#/settings/nowhere')).toEqual({ name: 'library', trashed: false });
  });
});

describe('errors that point to a setting', () => {
  it('link the upload errors to the upload section and the server login errors to the server page', () => {
    expect(settingOf('uploadNotConfigured')).toEqual({ name: 'settings', section: 'upload' });
    expect(settingOf('uploadUnauthorized')).toEqual({ name: 'settings', section: 'upload' });
    expect(settingOf('syncUnauthorized')).toEqual({ name: 'server' });
  });

  it('link nothing for an error that no setting can fix', () => {
    expect(settingOf('diskFull')).toBeNull();
    expect(settingOf('notFound')).toBeNull();
  });
});
