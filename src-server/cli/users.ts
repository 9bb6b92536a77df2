/**
 * `server users list|add|set` — the accounts, for an admin, through the running server's API
 * (session.ts says why the API and not the database): the same checks as for a desk, and a
 * disabled user's or a reset password's sockets closed on every instance.
 *
 *   users list [--json]
 *   users add <name> --role reporter|editor|admin      (the password is made and shown once)
 *   users set <name> [--role <role>] [--disable | --enable] [--reset-password]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role, type UserInfo } from '../../src-shared/server-api';
import { CommandError, type CommandIo } from './io';
import { adminSession, refusal } from './session';

export const USERS_USAGE = [
  'server users list [--json]',
  'server users add <name> --role reporter|editor|admin',
  'server users set <name> [--role <role>] [--disable | --enable] [--reset-password]',
  '   (each with [--url <server>] [--user <admin>]; the password from BANTIN_PASSWORD or standard input, or a token in BANTIN_TOKEN)',
].join('\n       ');

const CONNECTION = { url: { type: 'string' }, user: { type: 'string' } } as const;

function role(text: string | undefined): Role | undefined {
  if (text === undefined) return undefined;
  if (!(ROLES as readonly string[]).includes(text)) throw new CommandError(`--role: one of ${ROLES.join(', ')}`, 2);
  return text as Role;
}

/** A new password, shown once: 120 random bits, letters and digits. */
const newPassword = (): string => randomBytes(15).toString('base64url');

export async function usersCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'list':
      return list(rest, io);
    case 'add':
      return add(rest, io);
    case 'set':
      return set(rest, io);
    default:
      throw new CommandError(`usage: ${USERS_USAGE}`, 2);
  }
}

async function list(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...CONNECTION, json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  if (positionals.length > 0) throw new CommandError(`usage: ${USERS_USAGE}`, 2);
  const session = await adminSession(values, io);
  try {
    const res = await session.fetch('GET', '/api/users');
    if (res.status !== 200) throw new CommandError(`users refused: ${await refusal(res)}`);
    const { users } = (await res.json()) as { users: UserInfo[] };
    if (values.json) {
      io.out(JSON.stringify(users));
      return 0;
    }
    const rows = [['NAME', 'ROLE', 'STATE', 'CREATED'], ...users.map((u) => [u.name, u.role, u.disabled ? 'disabled' : 'enabled', u.createdAt])];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
    for (const r of rows) io.out(r.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ').trimEnd());
    return 0;
  } finally {
    await session.end();
  }
}

async function add(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...CONNECTION, role: { type: 'string' } }, strict: true, allowPositionals: true });
  const wanted = role(values.role);
  if (positionals.length !== 1 || !wanted) throw new CommandError(`usage: ${USERS_USAGE}`, 2);
  const name = positionals[0]!.normalize('NFC');
  const session = await adminSession(values, io);
  try {
    const res = await session.fetch('POST', '/api/users', { name, role: wanted });
    if (res.status !== 201) throw new CommandError(`${name} was not added: ${await refusal(res)}`);
    const made = (await res.json()) as { user: UserInfo; password: string };
    io.out(`Added ${made.user.name} (${made.user.role}).`);
    io.out(`Password (shown once, to be changed): ${made.password}`);
    return 0;
  } finally {
    await session.end();
  }
}

async function set(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...CONNECTION, role: { type: 'string' }, disable: { type: 'boolean' }, enable: { type: 'boolean' }, 'reset-password': { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CommandError(`usage: ${USERS_USAGE}`, 2);
  if (values.disable && values.enable) throw new CommandError('--disable and --enable: one or the other', 2);
  const change: { role?: Role; disabled?: boolean; password?: string } = {};
  const wanted = role(values.role);
  if (wanted) change.role = wanted;
  if (values.disable) change.disabled = true;
  if (values.enable) change.disabled = false;
  if (values['reset-password']) change.password = newPassword();
  if (Object.keys(change).length === 0) throw new CommandError(`nothing to change: ${USERS_USAGE}`, 2);
  const name = positionals[0]!.normalize('NFC');
  const session = await adminSession(values, io);
  try {
    const res = await session.fetch('PATCH', `/api/users/${encodeURIComponent(name)}`, change);
    if (res.status === 404) throw new CommandError(`no user ${name}`);
    if (res.status !== 200) throw new CommandError(`${name} was not changed: ${await refusal(res)}`);
    const { user } = (await res.json()) as { user: UserInfo };
    io.out(`${user.name}: ${user.role}, ${user.disabled ? 'disabled' : 'enabled'}.`);
    // Disabling or a new password signed the user out everywhere (the server revoked the tokens).
    if (change.password) io.out(`New password (shown once, to be changed): ${change.password}`);
    return 0;
  } finally {
    await session.end();
  }
}
