import type { DeskServices, DomainHandlers } from './types';

export function historyHandlers(s: DeskServices): DomainHandlers<'history'> {
  const { history } = s;
  return {
    'history:list': async ({ id }) => history.list(id),
    'history:snapshot': async ({ id, reason }) => history.snapshot(id, reason ?? 'manual'),
    'history:get': async ({ id, version }) => ({ state: await history.get(id, version) }),
    'history:diff': async ({ id, version }) => history.diff(id, version),
    'history:dismissMerge': async ({ id, version }) => {
      await history.dismissMerge(id, version);
      return {};
    },
  };
}
