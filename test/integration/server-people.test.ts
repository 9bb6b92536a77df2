/**
 * Whom an editor may assign: GET /api/people lists the enabled accounts' names and roles (and
 * nothing else about them) to editors and admins; a reporter is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src-shared/server-api';
import { api, serverFixtures, userWithToken } from '../support/server';

const fixtures = serverFixtures();

describe('newsroom server: the people an editor assigns', () => {
  it('an editor reads the enabled accounts’ names and roles; a reporter is refused; a disabled account is absent', async () => {
    const s = await fixtures.start();
    const editor = await userWithToken(s, 'hoanganh', 'editor');
    const reporter = await userWithToken(s, 'minhthu', 'reporter');
    await userWithToken(s, 'vannam', 'reporter');
    const off = await api(s.url, 'PATCH', '/api/users/vannam', { token: s.adminToken, json: { disabled: true } });
    expect(off.status).toBe(200);

    const answer = await api(s.url, 'GET', '/api/people', { token: editor });
    expect(answer.status).toBe(200);
    const people = answer.json.people as Person[];
    expect(people).toEqual([
      { name: 'admin', role: 'admin' },
      { name: 'hoanganh', role: 'editor' },
      { name: 'minhthu', role: 'reporter' },
    ]);

    const refused = await api(s.url, 'GET', '/api/people', { token: reporter });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('forbidden');
    expect((await api(s.url, 'GET', '/api/people')).status).toBe(401);
  });
});
