import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import type { WebDesk } from './support/web-desk';

describe("the article page's replica and its link with main", () => {
  const h = useHarness();

  /** A second window on the same desk, opened at the article the first one shows. */
  async function openBoth(desk: WebDesk): Promise<{ a: ArticlePage; b: ArticlePage; pageA: Page; pageB: Page }> {
    const pageA = await h.page();
    const libraryA = new LibraryPage(pageA, 'vi');
    await libraryA.goto(desk.url);
    await libraryA.newArticle();
    const a = new ArticlePage(pageA, 'vi');
    await a.waitReady();
    const pageB = await h.page();
    await pageB.goto(desk.url);
    await pageB.goto(pageA.url());
    const b = new ArticlePage(pageB, 'vi');
    await b.waitReady();
    return { a, b, pageA, pageB };
  }

  it('shows what another window types as it is typed, and keeps the caret where the writer is', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const { a, b } = await openBoth(desk);

    await a.typeInto(a.headline(), 'Lũ về');
    await expect.poll(() => b.headline().inputValue()).toBe('Lũ về');

    // B writes at the start of the headline while A's caret sits at its end.
    await b.headline().click();
    await b.headline().press('Home');
    await b.page.keyboard.type('Khẩn: ');
    await expect.poll(() => a.headline().inputValue()).toBe('Khẩn: Lũ về');
    await a.page.keyboard.type(' Yên Bái');
    await expect.poll(() => b.headline().inputValue()).toBe('Khẩn: Lũ về Yên Bái');
    expect(await a.headline().inputValue()).toBe('Khẩn: Lũ về Yên Bái');

    await b.typeInto(b.body(), 'Đoạn một.\nĐoạn hai.');
    await expect.poll(() => a.bodyText()).toBe('Đoạn một.\nĐoạn hai.');
    await a.waitSaved();
    await b.waitSaved();
  });

  it('keeps what was typed while saves fail, shows why, and saves it all once main answers again', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), 'Mưa lớn');
    await article.waitSaved();

    const isUpdate = (url: URL) => url.pathname === '/api/call/article:update';
    await page.route(isUpdate, (route) => route.abort('connectionrefused'));
    await article.typeInto(article.headline(), ' ở Lào Cai');
    await article.typeInto(article.body(), 'Nước sông Hồng dâng cao.');
    await page.waitForSelector('[role="status"][data-state="failed"]');
    const status = await article.saveStatus().innerText();
    expect(status).toContain('Chưa lưu được');
    expect(status).toContain('Không kết nối được với Bàn Tin');
    await article.typeInto(article.sapo(), 'Sáng nay, mực nước vượt báo động ba.');

    await page.unroute(isUpdate);
    await article.waitSaved();
    await page.reload();
    await article.waitReady();
    expect(await article.fields()).toEqual({ headline: 'Mưa lớn ở Lào Cai', sapo: 'Sáng nay, mực nước vượt báo động ba.', body: 'Nước sông Hồng dâng cao.', byline: '' });
  });

  it('sends what is still unsaved as the page unloads', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();

    const isUpdate = (url: URL) => url.pathname === '/api/call/article:update';
    await page.route(isUpdate, (route) => route.abort('connectionrefused'));
    await article.typeInto(article.headline(), 'Gửi khi đóng trang');
    await page.waitForSelector('[role="status"][data-state="failed"]');
    // The next retry is seconds away: only the send on unload can save this before the reload.
    await page.unroute(isUpdate);
    await page.reload();
    await article.waitReady();
    expect(await article.headline().inputValue()).toBe('Gửi khi đóng trang');
  });

  it('re-syncs the article from main when the event socket comes back after a drop', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const pageA = await h.page();
    const sockets: WebSocketRoute[] = [];
    await pageA.routeWebSocket(/\/api\/events$/, (ws) => {
      const server = ws.connectToServer();
      sockets.push(ws, server);
    });
    const libraryA = new LibraryPage(pageA, 'vi');
    await libraryA.goto(desk.url);
    await libraryA.newArticle();
    const a = new ArticlePage(pageA, 'vi');
    await a.waitReady();
    await a.typeInto(a.headline(), 'Tin sáng');
    await a.waitSaved();

    const pageB = await h.page();
    await pageB.goto(desk.url);
    await pageB.goto(pageA.url());
    const b = new ArticlePage(pageB, 'vi');
    await b.waitReady();

    // A loses its socket; B writes meanwhile, so the change cannot reach A as an event.
    const before = sockets.length;
    for (const s of sockets.splice(0)) await s.close();
    await b.typeInto(b.body(), 'Viết khi A mất kết nối.');
    await b.waitSaved();

    // The socket comes back by itself, and A takes main's state.
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(before);
    await expect.poll(() => a.bodyText(), { timeout: 10_000 }).toBe('Viết khi A mất kết nối.');
    expect(await a.headline().inputValue()).toBe('Tin sáng');

    // And the link works both ways again.
    await a.typeInto(a.headline(), ' nay');
    await expect.poll(() => b.headline().inputValue()).toBe('Tin sáng nay');
  });
});
