/**
 * GET /api/connections: who holds a socket on the server now — an admin sees each connected
 * user with their role, sockets, the articles open (with the headline the server holds) and
 * since when; editors and reporters are refused.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline } from '../../src-shared/article-doc';
import { acknowledged, api, serverFixtures, until, userWithToken } from '../support/server';

const fx = serverFixtures();

describe('GET /api/connections', () => {
  it('lists the connected users and their open articles for an admin; refuses editors and reporters', async () => {
    const s = await fx.start();
    const reporter = await userWithToken(s, 'Phóng viên Lan', 'reporter');
    const editor = await userWithToken(s, 'Biên tập Hà', 'editor');

    const before = new Date().toISOString();
    const desk = fx.client(s, reporter);
    const doc = new Y.Doc();
    const provider = desk.open('bai-ket-noi-00001', doc);
    await acknowledged(provider);
    headline(doc).insert(0, 'Lũ về miền Trung');
    await acknowledged(provider);

    const answer = await api(s.url, 'GET', '/api/connections', { token: s.adminToken });
    expect(answer.status).toBe(200);
    const users = answer.json.users as Array<{ name: string; role: string; sockets: number; articles: Array<{ id: string; headline: string }>; since: string }>;
    expect(users.map((u) => u.name)).toEqual(['Phóng viên Lan']);
    expect(users[0]).toMatchObject({ role: 'reporter', sockets: 1, articles: [{ id: 'bai-ket-noi-00001', headline: 'Lũ về miền Trung' }] });
    expect(users[0]!.since >= before && users[0]!.since <= new Date().toISOString()).toBe(true);

    for (const token of [editor, reporter]) {
      const refused = await api(s.url, 'GET', '/api/connections', { token });
      expect(refused).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    }
    expect((await api(s.url, 'GET', '/api/connections')).status).toBe(401);

    // Gone from the list once the desk disconnects.
    desk.destroy();
    await until(() => s.server.hocuspocus.getConnectionsCount() === 0, 'the desk to disconnect');
    expect((await api(s.url, 'GET', '/api/connections', { token: s.adminToken })).json.users).toEqual([]);
  });
});
