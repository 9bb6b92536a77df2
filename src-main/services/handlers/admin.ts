import { connections, createUser, listUsers, updateUser } from '../admin/accounts';
import type { DeskServices, DomainHandlers } from './types';

/** Accounts on the newsroom server, for its admins: every call goes to the server (admin/accounts.ts). */
export function adminHandlers(s: DeskServices): DomainHandlers<'admin'> {
  const deps = { sync: s.sync };
  return {
    'admin:users': async () => listUsers(deps),
    'admin:createUser': async (input) => createUser(deps, input),
    'admin:updateUser': async (input) => updateUser(deps, input),
    'admin:connections': async () => connections(deps),
  };
}
