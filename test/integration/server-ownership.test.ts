/**
 * Who owns a new article, against a real server and a real desk: the desk's ids prove their
 * creator, so a reporter who knows an id (it is printed in every package) cannot take the
 * article before its writer's desk syncs it; an editor can give an article to someone else.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMED_ARTICLE_ID, claimedArticleId, tokenWithClaim } from '../../src-shared/article-claim';
import { ARTICLES_DIR } from '../../src-main/services/article-files';
import { DESK_FILE } from '../../src-main/services/desk-store';
import type { DirectoryEntry } from '../../src-shared/server-api';
import { newClaim } from '../../src-main/services/sync/claim';
import { acknowledged, api, login, refusedWith, serverFixtures, userWithToken, type TestServer } from '../support/server';
import { addUser, allSynced, articleText, loginAs, newArticle, openSyncDesk, syncStatus, USER_PASSWORD } from '../support/sync-desk';

const fixtures = serverFixtures();

async function directory(s: TestServer, token: string): Promise<DirectoryEntry[]> {
  const answer = await api(s.url, 'GET', '/api/directory', { token });
  expect(answer.status).toBe(200);
  return answer.json.articles as DirectoryEntry[];
}

describe('newsroom server: who owns a new article', () => {
  it('a reporter who knows the id but not its secret cannot create it; the writer’s desk then syncs it as its owner', async () => {
    const s = await fixtures.start();
    await addUser(s, 'minhthu', 'reporter');
    const nam = await userWithToken(s, 'vannam', 'reporter');
    const deskDir = await fixtures.temp('bantin-desk-');
    const desk = await openSyncDesk(deskDir);
    try {
      // Written offline: the id is known (a package printed it) before the desk ever syncs.
      const id = await newArticle(desk, 'Lũ quét ở Hà Giang');
      expect(id).toMatch(CLAIMED_ARTICLE_ID);
      // Its secret is in the desk's records, not in the article's file (nor so in anything made from it).
      const secret = (JSON.parse(await readFile(path.join(deskDir, DESK_FILE), 'utf8')) as { sync: { secrets: Record<string, string> } }).sync.secrets[id]!;
      expect(claimedArticleId(createHash('sha256').update(secret).digest('hex'))).toBe(id);
      const files = await readdir(path.join(deskDir, ARTICLES_DIR));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect((await readFile(path.join(deskDir, ARTICLES_DIR, f))).includes(secret)).toBe(false);

      expect(await refusedWith(fixtures.client(s, nam).open(id))).toBe('forbidden');
      // A made-up secret is no better, nor is one for another id.
      expect(await refusedWith(fixtures.client(s, tokenWithClaim(nam, 'A'.repeat(43))).open(id))).toBe('forbidden');
      expect(await refusedWith(fixtures.client(s, tokenWithClaim(nam, newClaim().secret)).open(id))).toBe('forbidden');
      expect(await directory(s, nam)).toEqual([]);

      await loginAs(desk, s, 'minhthu');
      await syncStatus(desk, allSynced, 'the writer’s desk synced');
      const thu = await login(s.url, 'minhthu', USER_PASSWORD);
      expect((await directory(s, thu)).map((a) => [a.id, a.owner])).toEqual([[id, 'minhthu']]);
      expect((await articleText(desk, id)).headline).toBe('Lũ quét ở Hà Giang');
      expect(await refusedWith(fixtures.client(s, nam).open(id))).toBe('forbidden');
    } finally {
      await desk.close();
    }
  });

  it('an id of the older form still goes to its first writer; the secret travels with the token only', async () => {
    const s = await fixtures.start();
    const thu = await userWithToken(s, 'minhthu', 'reporter');
    const nam = await userWithToken(s, 'vannam', 'reporter');
    const legacy = '3f1e2d4c-5b6a-4789-8abc-def012345678';
    await acknowledged(fixtures.client(s, thu).open(legacy));
    expect(await refusedWith(fixtures.client(s, nam).open(legacy))).toBe('forbidden');
    // With its secret, a reporter creates an id of the new form; the login token alone still works after.
    const { id, secret } = newClaim();
    await acknowledged(fixtures.client(s, tokenWithClaim(nam, secret)).open(id));
    await acknowledged(fixtures.client(s, nam).open(id));
    expect((await directory(s, nam)).map((a) => [a.id, a.owner])).toEqual([[id, 'vannam']]);
  });

  it('an editor gives an article to another user; the old owner loses it at once; a reporter cannot', async () => {
    const s = await fixtures.start();
    const thu = await userWithToken(s, 'minhthu', 'reporter');
    const nam = await userWithToken(s, 'vannam', 'reporter');
    const editor = await userWithToken(s, 'bientap', 'editor');
    const { id, secret } = newClaim();
    const open = fixtures.client(s, tokenWithClaim(thu, secret)).open(id);
    await acknowledged(open);
    open.document.getText('headline').insert(0, 'Bão số 3');
    await acknowledged(open);

    const byReporter = await api(s.url, 'POST', `/api/articles/${id}/owner`, { token: thu, json: { user: 'vannam' } });
    expect(byReporter.status).toBe(403);
    expect(byReporter.json).toEqual({ error: 'forbidden' });
    expect((await api(s.url, 'POST', `/api/articles/${id}/owner`, { token: editor, json: { user: 'ai-do' } })).json).toEqual({ error: 'invalidPayload', field: 'user', user: 'ai-do' });
    expect((await api(s.url, 'POST', '/api/articles/khong-co-bai-nay/owner', { token: editor, json: { user: 'vannam' } })).status).toBe(404);

    const dropped = refusedWith(open);
    const given = await api(s.url, 'POST', `/api/articles/${id}/owner`, { token: editor, json: { user: 'vannam' } });
    expect(given.status).toBe(200);
    expect(given.json).toEqual({ id, owner: 'vannam' });
    // The old owner's open connection is closed and refused, as a removed assignee's is.
    expect(await dropped).toBe('forbidden');
    expect(await directory(s, thu)).toEqual([]);
    expect((await directory(s, nam)).map((a) => [a.id, a.owner])).toEqual([[id, 'vannam']]);
    const his = fixtures.client(s, nam).open(id);
    await acknowledged(his);
    expect(his.document.getText('headline').toString()).toBe('Bão số 3');
  });
});
