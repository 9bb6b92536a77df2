/**
 * The desk's `admin:*` operations against a real newsroom server: an admin's desk lists,
 * makes (the made password returned once and working), changes, disables and resets users, and
 * sees who is connected; the refusals come back as codes — a taken or unusable name, a short
 * password, the admin's own account, a reporter's desk, a server that does not answer.
 */
import { describe, expect, it } from 'vitest';
import type { AdminConnections, AdminUserResult, AdminUsers } from '../../src-shared/admin';
import type { Envelope } from '../../src-shared/contract';
import { call } from '../support/desk';
import { ADMIN_PASSWORD, api, login } from '../support/server';
import { addUser, deskFixtures, loginAs, waitFor } from '../support/sync-desk';

const fx = deskFixtures();

async function refusal(desk: { dispatch: (op: unknown, input: unknown, ctx: { client: string }) => Promise<Envelope<unknown>> }, op: string, input: unknown): Promise<unknown> {
  const answer = await desk.dispatch(op, input, { client: 'test' });
  expect(answer.ok).toBe(false);
  return answer.ok ? null : answer.error;
}

describe('admin: accounts from the desk', () => {
  it('lists, makes, changes, disables and resets users; sees who is connected; refuses with codes', async () => {
    const s = await fx.server();
    const desk = await fx.desk();
    expect(await refusal(desk, 'admin:users', {})).toMatchObject({ code: 'adminOffline' });
    await call(desk, 'sync:login', { server: s.url, user: 'admin', password: ADMIN_PASSWORD });

    // Made without a password: the server's, returned once, logs in; the name taken in NFC.
    const made = await call<AdminUserResult>(desk, 'admin:createUser', { name: ' Minh Thu\u0300 ', role: 'reporter' });
    expect(made.user).toMatchObject({ name: 'Minh Thù', role: 'reporter', disabled: false });
    expect(made.password).toMatch(/^\S{16,}$/);
    const first = await login(s.url, 'Minh Thù', made.password!);
    expect((await call<AdminUsers>(desk, 'admin:users', {})).users.map((u) => [u.name, u.role])).toEqual([
      ['admin', 'admin'],
      ['Minh Thù', 'reporter'],
    ]);
    // Made with a password: none returned.
    expect(await call<AdminUserResult>(desk, 'admin:createUser', { name: 'Hà', role: 'editor', password: 'một-mật-khẩu-đủ-dài' })).not.toHaveProperty('password');
    await login(s.url, 'Hà', 'một-mật-khẩu-đủ-dài');

    expect(await refusal(desk, 'admin:createUser', { name: 'Minh Thù', role: 'editor' })).toMatchObject({ code: 'adminUserExists', params: { name: 'Minh Thù' } });
    expect(await refusal(desk, 'admin:createUser', { name: 'a/b', role: 'editor' })).toMatchObject({ code: 'adminInvalidName' });
    expect(await refusal(desk, 'admin:createUser', { name: 'Lan', role: 'editor', password: 'ngắn' })).toMatchObject({ code: 'adminPasswordTooShort', params: { min: 10 } });
    expect(await refusal(desk, 'admin:updateUser', { name: 'Không Có', role: 'editor' })).toMatchObject({ code: 'adminUserNotFound' });
    expect(await refusal(desk, 'admin:updateUser', { name: 'admin', disabled: true })).toMatchObject({ code: 'adminSelf' });
    expect(await refusal(desk, 'admin:updateUser', { name: 'admin', role: 'editor' })).toMatchObject({ code: 'adminSelf' });

    expect((await call<AdminUserResult>(desk, 'admin:updateUser', { name: 'Minh Thù', role: 'editor' })).user.role).toBe('editor');
    expect((await api(s.url, 'GET', '/api/me', { token: first })).json.user).toMatchObject({ role: 'editor' });

    // A reset: a new password made on the desk, returned once; the old one and its token stop working.
    const reset = await call<AdminUserResult>(desk, 'admin:updateUser', { name: 'Minh Thù', resetPassword: true });
    expect(reset.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await api(s.url, 'GET', '/api/me', { token: first })).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password: made.password } })).status).toBe(401);
    await login(s.url, 'Minh Thù', reset.password!);

    // Disabled: the login is refused; enabled again, it works.
    expect((await call<AdminUserResult>(desk, 'admin:updateUser', { name: 'Minh Thù', disabled: true })).user.disabled).toBe(true);
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password: reset.password } })).json).toMatchObject({ error: 'badCredentials' });
    await call(desk, 'admin:updateUser', { name: 'Minh Thù', disabled: false });
    await login(s.url, 'Minh Thù', reset.password!);

    // The admin's own desk is connected (its directory channel).
    await waitFor(async () => (await call<AdminConnections>(desk, 'admin:connections', {})).users.some((u) => u.name === 'admin' && u.sockets === 1), 'the admin desk listed as connected');

    // A reporter's desk is refused; a server that does not answer is offline.
    await addUser(s, 'Phóng viên', 'reporter');
    const other = await fx.desk();
    await loginAs(other, s, 'Phóng viên');
    expect(await refusal(other, 'admin:users', {})).toMatchObject({ code: 'adminForbidden' });
    expect(await refusal(other, 'admin:connections', {})).toMatchObject({ code: 'adminForbidden' });
    await fx.stop(s);
    expect(await refusal(desk, 'admin:createUser', { name: 'Lan', role: 'editor' })).toMatchObject({ code: 'adminOffline' });
  });
});
