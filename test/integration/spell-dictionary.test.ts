/**
 * The newsroom dictionary: on the server (both backends) any user reads and adds, editors and
 * admins remove; from a desk, "add to dictionary" reaches a second desk through sync, and a word
 * added offline waits on its desk and goes out when the server is back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DictionaryResponse } from '../../src-shared/server-api';
import { call } from '../support/desk';
import { serverBackends } from '../support/backends';
import { api, startTestServer, userWithToken, type TestServer } from '../support/server';
import { addUser, deskFixtures, loginAs, syncStatus, waitFor } from '../support/sync-desk';
import { tempDirs } from '../support/temp';

const { backends: BACKENDS } = serverBackends('the newsroom dictionary test');

const temp = tempDirs();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await temp.cleanup();
});


const wordsOf = (a: { json: unknown }) => (a.json as DictionaryResponse).words.map((w) => [w.word, w.by]);

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the newsroom dictionary on ${backend.name}`, () => {
    it('any user reads and adds (NFC, once); only editors and admins remove', async () => {
      const s = await startTestServer(await temp.make('bantin-dict-'), { databaseUrl: await backend.database() });
      servers.push(s);
      const reporter = await userWithToken(s, 'Minh Thư', 'reporter');
      const editor = await userWithToken(s, 'Đức Anh', 'editor');
      expect((await api(s.url, 'GET', '/api/dictionary')).status).toBe(401);
      expect(wordsOf(await api(s.url, 'GET', '/api/dictionary', { token: reporter }))).toEqual([]);

      const added = await api(s.url, 'POST', '/api/dictionary', { token: reporter, json: { word: 'Zelenskyy' } });
      expect(added.status).toBe(200);
      await api(s.url, 'POST', '/api/dictionary', { token: editor, json: { word: 'Mường'.normalize('NFD') } });
      await api(s.url, 'POST', '/api/dictionary', { token: editor, json: { word: 'Zelenskyy' } });
      expect(wordsOf(await api(s.url, 'GET', '/api/dictionary', { token: editor }))).toEqual([
        ['Zelenskyy', 'Minh Thư'],
        ['Mường', 'Đức Anh'],
      ]);
      expect((await api(s.url, 'POST', '/api/dictionary', { token: reporter, json: { word: 'hai từ' } })).status).toBe(400);

      expect((await api(s.url, 'DELETE', '/api/dictionary/Zelenskyy', { token: reporter })).status).toBe(403);
      const removed = await api(s.url, 'DELETE', `/api/dictionary/${encodeURIComponent('Mường')}`, { token: editor });
      expect(removed.status).toBe(200);
      expect(wordsOf(removed)).toEqual([['Zelenskyy', 'Minh Thư']]);
      expect((await api(s.url, 'DELETE', '/api/dictionary/Kyiv', { token: editor })).status).toBe(404);
    });
  });
}

describe('the newsroom dictionary between desks', () => {
  const f = deskFixtures();

  it('a word added on one desk reaches the other through sync; one added offline goes out when the server is back', async () => {
    const dir = await f.temp('bantin-dict-server-');
    const s = await f.server(dir);
    await addUser(s, 'an', 'reporter');
    await addUser(s, 'binh', 'editor');
    const a = await f.desk();
    const b = await f.desk();
    await loginAs(a, s, 'an');
    await loginAs(b, s, 'binh');
    await syncStatus(a, (st) => st.state === 'synced', 'desk A online');
    await syncStatus(b, (st) => st.state === 'synced', 'desk B online');

    const words = async (d: typeof a) => (await call<{ words: string[] }>(d, 'spell:words', {})).words;
    expect((await call<{ words: string[] }>(a, 'spell:add', { word: 'Zelenskyy' })).words).toEqual(['Zelenskyy']);
    // Desk B is told by the server's notice and fetches the list.
    await waitFor(async () => (await words(b)).includes('Zelenskyy'), 'the word on desk B');

    // The server goes away: a word added on A is known there at once and waits.
    const port = Number(new URL(s.url).port);
    await f.stop(s);
    await syncStatus(a, (st) => st.state !== 'synced', 'desk A offline');
    expect((await call<{ words: string[] }>(a, 'spell:add', { word: 'Kyiv' })).words).toEqual(['Zelenskyy', 'Kyiv']);
    expect(await words(b)).toEqual(['Zelenskyy']);
    await f.server(dir, port);
    await waitFor(async () => (await words(b)).includes('Kyiv'), 'the offline word on desk B after the server is back', 30_000);
    expect(await words(a)).toEqual(['Zelenskyy', 'Kyiv']);
  });
});
