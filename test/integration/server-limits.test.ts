/**
 * What one account may put on a real server, with small limits set for the test: new articles
 * and photos per hour (counted in the database, so a restart — or another instance — does not
 * reset them) and the size of one article; and a real desk showing an article refused over a
 * limit without sending it again and again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Limits } from '../../src-server/access';
import { acknowledged, ADMIN_PASSWORD, api, closedWith, login, readThroughServer, refusedWith, serverFixtures, userWithToken, wsUrlOf } from '../support/server';
import { addParagraph, addUser, allSynced, editAs, loginAs, newArticle, openSyncDesk, syncStatus, waitFor } from '../support/sync-desk';
import { call } from '../support/desk';
import { appliedMessage, startSyncProxy } from '../support/sync-proxy';
import { sendBeforeReading } from '../support/http';
import type { SyncStatus } from '../../src-shared/sync';

const fixtures = serverFixtures();

/** A server with `limits` whose log lines are kept. */
async function limited(limits: Partial<Limits>, dir?: string) {
  const lines: string[] = [];
  const s = await fixtures.start({ limits, log: (line) => lines.push(line) }, dir);
  return { s, lines };
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('newsroom server: limits per account', () => {
  it('refuses a new article past the hourly limit, even after a restart; existing articles and other accounts go on', async () => {
    const dir = await fixtures.temp();
    const { s } = await limited({ articlesPerHour: 2 }, dir);
    const thu = await userWithToken(s, 'minhthu', 'reporter');
    const nam = await userWithToken(s, 'vannam', 'reporter');
    await acknowledged(fixtures.client(s, thu).open('bai-gioi-han-01'));
    await acknowledged(fixtures.client(s, thu).open('bai-gioi-han-02'));
    expect(await refusedWith(fixtures.client(s, thu).open('bai-gioi-han-03'))).toBe('tooManyArticles');
    await acknowledged(fixtures.client(s, thu).open('bai-gioi-han-01'));
    await acknowledged(fixtures.client(s, nam).open('bai-cua-nam-01'));

    await s.server.close();
    const again = await fixtures.start({ limits: { articlesPerHour: 2 } }, dir);
    expect(await refusedWith(fixtures.client(again, thu).open('bai-gioi-han-03'))).toBe('tooManyArticles');
    expect((await api(again.url, 'GET', '/api/directory', { token: thu })).json.articles).toHaveLength(2);
  });

  it('refuses an update that would make the article larger than the limit, stores none of it, and takes smaller ones', async () => {
    const { s } = await limited({ articleMaxBytes: 20_000 });
    const token = await userWithToken(s, 'bientap', 'editor');
    const writer = fixtures.client(s, token).open('bai-qua-dai-01');
    await acknowledged(writer);
    writer.document.getText('headline').insert(0, 'Tít');
    writer.document.getText('sapo').insert(0, 'a'.repeat(12_000));
    await acknowledged(writer);
    const closed = closedWith(writer);
    writer.document.getText('sapo').insert(0, 'b'.repeat(12_000));
    expect(await closed).toBe('articleTooLarge');

    const stored = await readThroughServer(s.wsUrl, token, 'bai-qua-dai-01');
    expect(stored.getText('sapo').toString()).toBe('a'.repeat(12_000));
    const other = fixtures.client(s, token).open('bai-qua-dai-01');
    await acknowledged(other);
    other.document.getText('headline').insert(3, ' mới');
    await acknowledged(other);
    expect((await readThroughServer(s.wsUrl, token, 'bai-qua-dai-01')).getText('headline').toString()).toBe('Tít mới');
  });

  it('refuses a photo past the hourly limit with a code; one the server has is answered as before', async () => {
    const { s } = await limited({ photosPerHour: 2 });
    const token = await userWithToken(s, 'anhthu', 'reporter');
    const photos = [0, 1, 2].map(() => new Uint8Array(randomBytes(2048)));
    for (const bytes of photos.slice(0, 2)) expect((await api(s.url, 'PUT', `/api/photos/${sha(bytes)}`, { token, body: bytes })).status).toBe(201);
    const third = await api(s.url, 'PUT', `/api/photos/${sha(photos[2]!)}`, { token, body: photos[2]! });
    expect(third.status).toBe(429);
    expect(third.json).toEqual({ error: 'tooManyPhotos' });
    expect((await api(s.url, 'HEAD', `/api/photos/${sha(photos[2]!)}`, { token })).status).toBe(404);
    expect((await api(s.url, 'PUT', `/api/photos/${sha(photos[0]!)}`, { token, body: photos[0]! })).json).toMatchObject({ stored: false });
  });

  it('answers a request body over the limit with 413 payloadTooLarge, which a client still sending reads (no reset)', async () => {
    const { s } = await limited({});
    const url = new URL(s.url);
    const head = `POST /api/login HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n`;
    const { answer, error } = await sendBeforeReading(Number(url.port), head, 4 * 1024 * 1024);
    expect(error).toBeNull();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"payloadTooLarge"');
    // The server goes on answering.
    expect((await api(s.url, 'POST', '/api/login', { json: { name: 'admin', password: ADMIN_PASSWORD } })).status).toBe(200);
  });

  it('npm run server takes the limits from the environment (or flags)', async () => {
    const child = await fixtures.spawn(await fixtures.temp(), { BANTIN_ADMIN_PASSWORD: ADMIN_PASSWORD, BANTIN_ARTICLES_PER_HOUR: '1', BANTIN_PHOTOS_PER_HOUR: '1' });
    const admin = await login(child.url, 'admin', ADMIN_PASSWORD);
    await acknowledged(fixtures.client(wsUrlOf(child.url), admin).open('bai-tu-bien-moi-truong-01'));
    expect(await refusedWith(fixtures.client(wsUrlOf(child.url), admin).open('bai-tu-bien-moi-truong-02'))).toBe('tooManyArticles');
    const photos = [1, 2].map((n) => new TextEncoder().encode(`ảnh ${n}`));
    expect((await api(child.url, 'PUT', `/api/photos/${sha(photos[0]!)}`, { token: admin, body: photos[0]! })).status).toBe(201);
    expect((await api(child.url, 'PUT', `/api/photos/${sha(photos[1]!)}`, { token: admin, body: photos[1]! })).json).toEqual({ error: 'tooManyPhotos' });
  });

  it('a desk shows an article refused over a limit and does not send it again until asked to', async () => {
    const { s, lines } = await limited({ articlesPerHour: 1, articleMaxBytes: 30_000 });
    await addUser(s, 'minhthu', 'reporter');
    const desk = await openSyncDesk(await fixtures.temp('bantin-desk-'));
    try {
      const first = await newArticle(desk, 'Bài thứ nhất');
      await loginAs(desk, s, 'minhthu');
      await syncStatus(desk, allSynced, 'the first article synced');
      const second = await newArticle(desk, 'Bài thứ hai');
      const refused = (st: SyncStatus) => st.state === 'synced' && st.refused.some((r) => r.id === second && r.code === 'syncTooManyArticles');
      await syncStatus(desk, refused, 'the second article refused');

      // Too large: the first article grows past the limit.
      await editAs(desk, 'writer', first, addParagraph('Dài '.repeat(10_000)));
      await syncStatus(desk, (st) => refused(st) && st.refused.some((r) => r.id === first && r.code === 'syncArticleTooLarge'), 'the first article refused as too large');
      const count = (what: string): number => lines.filter((l) => l.includes(what)).length;
      expect(count('larger than')).toBe(1);
      // Several directory polls later (every 300 ms here), neither was sent again.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(count('larger than')).toBe(1);
      expect(count('refused a new article')).toBe(1);

      // Asked to try again, the desk sends both once more.
      await call(desk, 'sync:retry', {});
      await waitFor(() => count('larger than') === 2 && count('refused a new article') === 2, 'both sent again on retry');
      await syncStatus(desk, (st) => st.refused.length === 2, 'both refused again');
    } finally {
      await desk.close();
    }
  });

  it('a desk told its too large change was applied, by an acknowledgement the server sent for something else, keeps it unsent once refused', async () => {
    const { s, lines } = await limited({ articleMaxBytes: 30_000 });
    await addUser(s, 'minhthu', 'reporter');
    // Between desk and server: the moment the desk sends its too large change (an update, or its
    // answer in a sync round), it is told at once that the server applied one — Hocuspocus's
    // acknowledgement names the article, not the update, and one meant for an earlier provider
    // of the article can arrive just then — and the server's own answers (its refusal) wait a
    // second behind it.
    let told = 0;
    let holdUntil = 0;
    const proxy = await startSyncProxy(s.url, {
      fromDesk(frame, toDesk) {
        if (told > 0 || frame.type !== 0 || frame.step === 0 || frame.bytes.length < 30_000) return;
        told++;
        holdUntil = Date.now() + 1_000;
        toDesk(appliedMessage(frame.article));
      },
      holdToDesk: () => Math.max(0, holdUntil - Date.now()),
    });
    const desk = await openSyncDesk(await fixtures.temp('bantin-desk-'));
    try {
      const id = await newArticle(desk, 'Bài sẽ quá dài');
      await loginAs(desk, proxy.url, 'minhthu');
      await syncStatus(desk, allSynced, 'the article synced');
      await editAs(desk, 'writer', id, addParagraph('Dài '.repeat(10_000)));
      await waitFor(() => told === 1, 'the change on its way');
      const settled = await syncStatus(desk, (st) => Date.now() > holdUntil && st.state !== 'syncing', 'the desk done with the change');
      // Refused, not on the server: still unsent, and sent again when the user asks.
      expect(settled.refused).toContainEqual({ id, code: 'syncArticleTooLarge' });
      expect(settled.pending).toContain(id);
      expect(desk.sync.unsent(id)).toBe(true);
      const count = (): number => lines.filter((l) => l.includes('larger than')).length;
      expect(count()).toBe(1);
      await call(desk, 'sync:retry', {});
      await waitFor(() => count() === 2, 'the article sent again on retry');
    } finally {
      await desk.close();
      await proxy.close();
    }
  });
});
