/**
 * The newsroom server's accounts, for its admins (contract ops `admin:*`): the users, one made
 * or changed, and who is connected now, each asked of the server there and then. Nothing is
 * kept on the desk — no list to read offline, and never a password: one made for a new user
 * or a reset is returned to the caller once, to be shown and forgotten. Offline (or not logged
 * in) every call is refused with `adminOffline`; the server's refusals come back as their own
 * codes (adminForbidden, adminUserExists, adminInvalidName, adminUserNotFound).
 */
import { randomBytes } from 'node:crypto';
import { ADMIN_PASSWORD_MIN, AdminConnections, AdminUser, AdminUserResult, AdminUsers, type AdminCreateInput, type AdminUpdateInput } from '../../../src-shared/admin';
import { DeskError } from '../../../src-shared/errors';
import type { ServerError } from '../../../src-shared/server-api';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { SyncService } from '../sync/service';
import { refusalOf } from '../sync/server-client';

const CALL_TIMEOUT_MS = 15_000;

export interface AccountsDeps {
  readonly sync: Pick<SyncService, 'credentials'>;
}

/** A new password for a reset: 120 random bits in letters, digits, `-` and `_` (20 characters). */
export const makePassword = (): string => randomBytes(15).toString('base64url');

/** What the server said no with, as the desk's code (`name`: the user the call was about). */
function refusal(status: number, body: Partial<ServerError> | null, server: string, name: string): DeskError {
  switch (body?.error) {
    case 'forbidden':
      return new DeskError('adminForbidden');
    case 'userExists':
      return new DeskError('adminUserExists', { name });
    case 'notFound':
      return new DeskError('adminUserNotFound', { name });
    case 'invalidPayload':
      if (body.field === 'name') return new DeskError('adminInvalidName', { name });
      if (body.field === 'password') return new DeskError('adminPasswordTooShort', { min: ADMIN_PASSWORD_MIN });
      return refusalOf(status, body, server);
    default:
      return refusalOf(status, body, server);
  }
}

async function call(deps: AccountsDeps, method: 'GET' | 'POST' | 'PATCH', path: string, json?: unknown, name = ''): Promise<unknown> {
  const account = deps.sync.credentials();
  if (!account) throw new DeskError('adminOffline');
  let res: Response;
  try {
    res = await fetch(account.server + path, {
      method,
      headers: { authorization: `Bearer ${account.token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    throw new DeskError('adminOffline', {}, { cause: err });
  }
  const body: unknown = /^application\/json\b/i.test(res.headers.get('content-type') ?? '') ? await res.json().catch(() => null) : null;
  if (!res.ok || body === null || typeof body !== 'object') throw refusal(res.status, body as Partial<ServerError> | null, account.server, name);
  return body;
}

/** Parses the server's answer, or says the address is not a newsroom server's. */
function answer<T>(deps: AccountsDeps, parse: (v: unknown) => { success: true; data: T } | { success: false }, value: unknown): T {
  const parsed = parse(value);
  if (!parsed.success) throw new DeskError('syncNotServer', { server: deps.sync.credentials()?.server ?? '' });
  return parsed.data;
}

export async function listUsers(deps: AccountsDeps): Promise<AdminUsers> {
  return answer(deps, (v) => AdminUsers.safeParse(v), await call(deps, 'GET', '/api/users'));
}

export async function createUser(deps: AccountsDeps, input: AdminCreateInput): Promise<AdminUserResult> {
  const name = nfc(input.name).trim();
  const password = input.password ? nfc(input.password) : undefined;
  if (password !== undefined && [...password].length < ADMIN_PASSWORD_MIN) throw new DeskError('adminPasswordTooShort', { min: ADMIN_PASSWORD_MIN });
  const made = await call(deps, 'POST', '/api/users', { name, role: input.role, ...(password ? { password } : {}) }, name);
  return answer(deps, (v) => AdminUserResult.safeParse(v), made);
}

export async function updateUser(deps: AccountsDeps, input: AdminUpdateInput): Promise<AdminUserResult> {
  const name = nfc(input.name).trim();
  const me = deps.sync.credentials();
  // The admin's own account stays usable: disabling or demoting it would lock this desk out.
  if (me && me.user === name && (input.disabled === true || (input.role !== undefined && input.role !== 'admin'))) throw new DeskError('adminSelf');
  const password = input.resetPassword ? makePassword() : undefined;
  const change = { ...(input.role ? { role: input.role } : {}), ...(input.disabled === undefined ? {} : { disabled: input.disabled }), ...(password ? { password } : {}) };
  const changed = await call(deps, 'PATCH', `/api/users/${encodeURIComponent(name)}`, change, name);
  const user = answer(deps, (v) => AdminUser.safeParse(v), (changed as { user?: unknown }).user);
  return password ? { user, password } : { user };
}

export async function connections(deps: AccountsDeps): Promise<AdminConnections> {
  const now = await call(deps, 'GET', '/api/connections');
  return answer(deps, (v) => AdminConnections.safeParse(v), { ...(now as object), fetchedAt: new Date().toISOString() });
}
