/**
 * What a desk shows as things happen on the server, through the UI: an article open on desk B
 * whose photo reaches the server only after B opened it shows the picture without being
 * reopened; after the server refuses the open article the corner stays online and says synced
 * with a refusal (not plain synced), and the article's badge says refused; an article opened by
 * link before it reached the desk opens by itself once it arrives, and its "not found" does not
 * follow the user to the library.
 *
 * Desk A, where the article is written, is the desk's services in this process (as in the
 * integration tests); desk B is web mode in Chromium. A's copy of the photo is removed before
 * it syncs, so the photo reaches the server when the test uploads it, as a desk does (by hash,
 * naming the article) — at a moment the test chooses, after B shows the placeholder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import type { Desk } from '../../src-main/services/desk';
import { call } from '../support/desk';
import { makePhoto } from '../support/photos';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { addUser, allSynced, loginAs, newArticle, openSyncDesk, syncStatus, USER_PASSWORD } from '../support/sync-desk';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { PhotosPanel } from './support/pages/photos-panel';
import { ServerPage } from './support/pages/server-page';
import { fill, pattern } from './support/texts';

const vi = resources.vi;

describe('sync as it happens (one desk in Chromium, one in this process, one server)', () => {
  const h = useHarness();
  let server: TestServer | null = null;
  let deskA: Desk | null = null;

  afterEach(async () => {
    await deskA?.close();
    deskA = null;
    await server?.server.close();
    server = null;
  });

  it('a photo arriving while the article is open is shown; a refusal keeps the corner online and says so; an article opened before it arrived opens when it does', { timeout: 120_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    await addUser(server, 'lan', 'editor');
    await addUser(server, 'minh', 'editor');
    await addUser(server, 'hoa', 'reporter');

    // Desk A writes an article with a photo; A's copy of the photo goes, so A does not upload it.
    const dirA = await h.dataDir();
    deskA = await openSyncDesk(dirA, 'web', { pollMs: 10 * 60_000 });
    const id = await newArticle(deskA, 'Ảnh lũ ở Yên Bái');
    const { file, bytes } = await makePhoto(await h.dataDir(), 'lu-yen-bai.jpg');
    const { photo } = await call<{ photo: { id: string } }>(deskA, 'photo:add', { id, name: 'lu-yen-bai.jpg', bytes });
    for (const name of await fs.readdir(path.join(dirA, 'photos'))) if (name.startsWith(photo.id)) await fs.rm(path.join(dirA, 'photos', name));
    await loginAs(deskA, server, 'lan');
    await syncStatus(deskA, allSynced, 'desk A synced');

    // Desk B logs in as an editor and opens the article: the photo's card waits with a placeholder.
    const deskB = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const photos = new PhotosPanel(page, 'vi');
    await library.goto(deskB.url);
    await sync.open();
    await sync.login(server.url, 'minh', USER_PASSWORD);
    await sync.form().waitFor({ state: 'detached' });
    await page.goto(deskB.url);
    await library.waitReady();
    await library.open('Ảnh lũ ở Yên Bái');
    await article.waitReady();
    await photos.waitCount(1);
    const placeholder = photos.card(0).locator('.photo-card__img--loading');
    await placeholder.waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await placeholder.count()).toBe(1);

    // The photo reaches the server (uploaded as a desk does, naming the article): B shows it, still open.
    const uploaded = await api(server.url, 'PUT', `/api/photos/${photo.id}?article=${id}`, {
      token: await login(server.url, 'lan', USER_PASSWORD),
      body: await fs.readFile(file),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(uploaded.status).toBe(201);
    expect(await photos.thumbLoaded(0)).toBe(true);
    expect(article.articleId()).toBe(id);

    // B logs in again as a reporter the article is not assigned to: refused while the server
    // answers — the corner never says offline, and says synced with the refusal, not plain synced.
    await sync.open();
    await sync.logoutButton().click();
    await sync.form().waitFor();
    await sync.login(server.url, 'hoa', USER_PASSWORD);
    await sync.form().waitFor({ state: 'detached' });
    await page.goBack();
    await article.waitReady();
    await expect.poll(() => sync.articleSync(), { timeout: 15_000 }).toBe('refused');
    await expect.poll(() => sync.corner().getAttribute('data-sync-refused'), { timeout: 15_000 }).toBe('true');
    for (let i = 0; i < 8; i++) {
      expect(await sync.cornerState()).not.toBe('offline');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await sync.cornerState()).toBe('synced');
    expect(await sync.corner().innerText()).toMatch(pattern(vi.sync.corner.syncedRefused, { n: '1' }));

    // An article opened by link before it is on this desk: not found, on this page only; it
    // opens by itself when the server assigns it to hoa (and tells the desk).
    const later = await newArticle(deskA, 'Bài được phân công');
    await syncStatus(deskA, (st) => allSynced(st) && !st.pending.includes(later), 'desk A synced the second article');
    const unavailable = page.getByRole('heading', { level: 1, name: vi.common.article.unavailable, exact: true });
    const notFound = fill(vi.errors.notFound, { id: later });
    await page.goto(`${deskB.origin}/#/article/${later}`);
    await unavailable.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: notFound }).count()).toBe(1);
    await page.getByRole('link', { name: vi.common.article.back, exact: true }).click();
    await library.waitReady();
    expect(await page.getByText(notFound).count()).toBe(0);
    await page.goBack();
    await unavailable.waitFor();
    const assigned = await api(server.url, 'PUT', `/api/articles/${later}/assignees`, { token: server.adminToken, json: { users: ['hoa'] } });
    expect(assigned.status).toBe(200);
    await article.waitReady();
    await expect.poll(() => article.headline().inputValue(), { timeout: 15_000 }).toBe('Bài được phân công');
    expect(article.articleId()).toBe(later);
    expect(await page.getByText(notFound).count()).toBe(0);
  });
});
