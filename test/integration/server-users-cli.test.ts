/**
 * `server users list|add|set`: an admin's account commands against a running server, through
 * its API — a password made and shown once, roles, disabling (the user's token and socket cut),
 * a reset password; refused without an admin's credentials.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src-server/cli/commands';
import type { CommandIo } from '../../src-server/cli/io';
import { acknowledged, ADMIN_PASSWORD, api, closedWith, login, serverFixtures, userWithToken } from '../support/server';

const fx = serverFixtures();

/** Runs `server users …` in this process; `input` is what standard input would give. */
async function users(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    readLine: () => (input === undefined ? Promise.reject(new Error('standard input was not expected')) : Promise.resolve(input)),
  };
  return { code: await runCommand('users', args, io), out, err };
}

const passwordIn = (lines: string[]): string => /\(shown once, to be changed\): (\S+)$/.exec(lines.find((l) => l.includes('shown once'))!)![1]!;

describe('server users', () => {
  it('adds, lists, changes, disables and resets accounts as an admin; the API applies it at once', async () => {
    const s = await fx.start();
    const admin = { BANTIN_TOKEN: s.adminToken };
    const conn = ['--url', s.url];

    // Added with a password made by the server, shown once; the name taken in NFC.
    const added = await users(['add', 'Minh Thu\u0300', '--role', 'reporter', ...conn], admin);
    expect(added).toMatchObject({ code: 0, err: [] });
    expect(added.out[0]).toBe('Added Minh Thù (reporter).');
    const first = passwordIn(added.out);
    const token = await login(s.url, 'Minh Thù', first);

    // The password from standard input this time (no BANTIN_PASSWORD), and the list.
    const listed = await users(['list', ...conn], {}, ADMIN_PASSWORD);
    expect(listed.code).toBe(0);
    expect(listed.out[0]).toMatch(/^NAME\s+ROLE\s+STATE\s+CREATED$/);
    expect(listed.out.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['admin', 'admin', 'enabled'],
      ['Minh Thù', 'reporter', 'enabled'],
    ]);
    const json = await users(['list', '--json', ...conn], { BANTIN_PASSWORD: ADMIN_PASSWORD });
    expect((JSON.parse(json.out[0]!) as Array<{ name: string }>).map((u) => u.name)).toEqual(['admin', 'Minh Thù']);

    expect(await users(['set', 'Minh Thù', '--role', 'editor', ...conn], admin)).toMatchObject({ code: 0, out: ['Minh Thù: editor, enabled.'] });
    expect((await api(s.url, 'GET', '/api/me', { token })).json.user).toMatchObject({ role: 'editor' });

    // Disabled: the token stops working and the open socket is closed.
    const desk = fx.client(s, token);
    const provider = desk.open('bai-tai-khoan-00001');
    await acknowledged(provider);
    const closed = closedWith(provider);
    expect(await users(['set', 'Minh Thù', '--disable', ...conn], admin)).toMatchObject({ code: 0, out: ['Minh Thù: editor, disabled.'] });
    await closed;
    desk.destroy(); // before it tries again (a socket destroyed while connecting throws outside any test)
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password: first } })).status).toBe(401);

    // Enabled with a new password: the old one no longer works, the new one does.
    const reset = await users(['set', 'Minh Thù', '--enable', '--reset-password', ...conn], admin);
    expect(reset.code).toBe(0);
    expect(reset.out[0]).toBe('Minh Thù: editor, enabled.');
    const second = passwordIn(reset.out);
    expect(second).not.toBe(first);
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password: first } })).status).toBe(401);
    await login(s.url, 'Minh Thù', second);
  });

  it('is refused without an admin, and says what was wrong', async () => {
    const s = await fx.start();
    const reporter = await userWithToken(s, 'Lan', 'reporter');
    const conn = ['--url', s.url];
    expect(await users(['list', ...conn], { BANTIN_TOKEN: reporter })).toMatchObject({ code: 1, err: ['users refused: forbidden'] });
    expect(await users(['list', ...conn], { BANTIN_PASSWORD: 'không-phải-mật-khẩu' })).toMatchObject({ code: 1, err: ['login as admin refused: badCredentials'] });
    const admin = { BANTIN_TOKEN: s.adminToken };
    expect(await users(['set', 'Không Có', '--disable', ...conn], admin)).toMatchObject({ code: 1, err: ['no user Không Có'] });
    expect(await users(['add', 'Lan', '--role', 'editor', ...conn], admin)).toMatchObject({ code: 1, err: ['Lan was not added: userExists'] });
    expect((await users(['add', 'Mai', '--role', 'chief', ...conn], admin)).code).toBe(2);
    expect((await users(['set', 'Lan', ...conn], admin)).code).toBe(2);
    expect((await users(['list', '--url', 'http://127.0.0.1:1'], admin)).err[0]).toMatch(/^cannot reach the server at http:\/\/127\.0\.0\.1:1/);
  });
});
