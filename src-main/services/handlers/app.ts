import type { DeskServices, DomainHandlers } from './types';

export function appHandlers(s: DeskServices): DomainHandlers<'app'> {
  return {
    'app:info': async () => ({
      version: s.version,
      mode: s.mode === 'electron' ? 'electron' : 'web',
      dataDir: s.dataDir,
      notices: [...s.notices()],
    }),
  };
}
