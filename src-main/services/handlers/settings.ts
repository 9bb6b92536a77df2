import type { DeskServices, DomainHandlers } from './types';

export function settingsHandlers(s: DeskServices): DomainHandlers<'settings'> {
  return {
    'settings:get': async () => s.settings(),
    'settings:update': async (patch) => s.updateSettings(patch),
  };
}
