import type { DeskServices, DomainHandlers } from './types';

export function syncHandlers(s: DeskServices): DomainHandlers<'sync'> {
  const { sync } = s;
  return {
    'sync:status': async () => sync.status(),
    'sync:login': async (input) => sync.login(input),
    'sync:logout': async () => sync.logout(),
    'sync:retry': async () => sync.retry(),
    'sync:networkUp': async () => sync.networkUp(),
  };
}
