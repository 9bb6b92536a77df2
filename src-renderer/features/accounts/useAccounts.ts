/**
 * The newsroom server's users and who is connected, asked of main (`admin:users`,
 * `admin:connections`) when the page opens and after each change; failures go to the banner.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminConnections, AdminUser } from '../../../src-shared/admin';
import { useErrors } from '../../app/errors';
import { desk } from '../../platform/api';

export interface Accounts {
  readonly users: readonly AdminUser[] | null;
  readonly connections: AdminConnections | null;
  /** Reads both again. */
  readonly reload: () => void;
}

export function useAccounts(): Accounts {
  const { report } = useErrors();
  const [users, setUsers] = useState<readonly AdminUser[] | null>(null);
  const [connections, setConnections] = useState<AdminConnections | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    desk.admin.users({}).then(
      (answer) => live && setUsers(answer.users),
      (err: unknown) => live && report(err),
    );
    desk.admin.connections({}).then(
      (answer) => live && setConnections(answer),
      (err: unknown) => live && report(err),
    );
    return () => {
      live = false;
    };
  }, [asked, report]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { users, connections, reload };
}
