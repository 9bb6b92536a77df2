/**
 * Two desks, one newsroom server, through the UI: each logs in on the server page (a wrong
 * password first, refused in Vietnamese), an article written on desk A reaches desk B, both
 * open it and see each other's typing and presence; then the server stops, both write offline
 * (the corner says so), the server comes back on the same folder and port, and both end with
 * every word and the corner says synced. Last, desk B logs out and in as a reporter the article
 * is not assigned to: the server refuses the article and the desk says so, keeping it.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { api, startTestServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';
import { fill, pattern } from './support/texts';

const vi = resources.vi;

/** A port on 127.0.0.1 nothing listens on (taken and given back). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}
const USERS = {
  a: { name: 'lan', password: 'lan-mật-khẩu-đủ-dài', role: 'editor' },
  b: { name: 'minh', password: 'minh-mật-khẩu-đủ-dài', role: 'editor' },
  /** A reporter who neither owns the article nor is assigned to it. */
  c: { name: 'hoa', password: 'hoa-mật-khẩu-đủ-dài', role: 'reporter' },
} as const;
/** Reconnecting after the server is back: the desk's backoff is capped at 3 s; time for merging and painting besides. */
const BACK_ONLINE_MS = 15_000;

describe('sync with the newsroom server (two desks, one server)', () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('logs in from the server page, co-edits an article live with presence, merges what both wrote while the server was down, and shows a refusal', { timeout: 300_000 }, async () => {
    const serverDir = await h.dataDir();
    server = await startTestServer(serverDir);
    const port = server.server.port;
    for (const u of [USERS.a, USERS.b, USERS.c]) {
      const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: { name: u.name, role: u.role, password: u.password } });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    const deskA = await h.startDesk(await h.dataDir());
    const deskB = await h.startDesk(await h.dataDir());
    // A's context may inject axe (it bypasses the CSP); B keeps the CSP, and draws A's caret under it.
    const pageA = await h.page({ bypassCSP: true });
    const pageB = await h.page();
    const libraryA = new LibraryPage(pageA, 'vi');
    const libraryB = new LibraryPage(pageB, 'vi');
    const a = new ArticlePage(pageA, 'vi');
    const b = new ArticlePage(pageB, 'vi');
    const syncA = new ServerPage(pageA, 'vi');
    const syncB = new ServerPage(pageB, 'vi');

    // Desk A: sync is off before any login; a wrong password is refused in Vietnamese and forgotten.
    await libraryA.goto(deskA.url);
    await expect.poll(() => syncA.cornerState()).toBe('off');
    await expect.poll(() => syncA.corner().innerText()).toBe(vi.sync.state.off);
    await syncA.open();
    await syncA.login(server.url, USERS.a.name, 'không-phải-mật-khẩu');
    await expect.poll(() => syncA.problem().innerText()).toBe(vi.errors.syncBadCredentials);
    expect(await syncA.passwordValue()).toBe('');
    expect(await syncA.cornerState()).toBe('off');
    // No server at the address: the login failed, and the form says nothing will sync.
    const nobody = `http://127.0.0.1:${await closedPort()}`;
    await syncA.login(nobody, USERS.a.name, USERS.a.password);
    await expect.poll(() => syncA.problem().innerText()).toBe(fill(vi.sync.login.unreachable, { server: nobody }));
    expect(await syncA.cornerState()).toBe('off');
    await syncA.login(`127.0.0.1:${port}`, USERS.a.name, USERS.a.password);
    await syncA.form().waitFor({ state: 'detached' });
    await expect.poll(() => syncA.fact(vi.sync.page.user).innerText()).toBe(USERS.a.name);
    expect(await syncA.fact(vi.sync.page.role).innerText()).toBe(vi.sync.role.editor);
    expect(await syncA.fact(vi.sync.page.server).innerText()).toBe(server.url);
    expect(await seriousViolations(pageA), 'server page, logged in').toEqual([]);
    await expect.poll(() => syncA.cornerState(), { timeout: 30_000 }).toBe('synced');

    // Desk A writes an article; it reaches the server.
    await pageA.goto(deskA.url);
    await libraryA.waitReady();
    await libraryA.newArticle();
    await a.waitReady();
    await a.typeInto(a.headline(), 'Lũ về Yên Bái');
    await a.typeInto(a.body(), 'Lan viết đoạn đầu.');
    await a.waitSaved();
    await expect.poll(() => syncA.articleSync(), { timeout: 30_000 }).toBe('onServer');
    await expect.poll(() => syncA.cornerState(), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => syncA.corner().innerText()).toMatch(pattern(vi.sync.corner.syncedAt, { at: '\\d{2}:\\d{2}, \\d{2}/\\d{2}/\\d{4}' }));
    const id = a.articleId();

    // Desk B logs in (an editor sees every article) and finds it in its library.
    await libraryB.goto(deskB.url);
    await syncB.open();
    await syncB.login(server.url, USERS.b.name, USERS.b.password);
    await syncB.form().waitFor({ state: 'detached' });
    await pageB.goto(deskB.url);
    await libraryB.waitReady();
    await libraryB.row('Lũ về Yên Bái').waitFor({ timeout: 60_000 });
    await expect.poll(() => libraryB.row('Lũ về Yên Bái').locator('[data-article-sync]').getAttribute('data-article-sync'), { timeout: 30_000 }).toBe('onServer');
    expect(await libraryB.row('Lũ về Yên Bái').getByText(vi.sync.article.onServer, { exact: true }).count()).toBe(1);
    await libraryB.open('Lũ về Yên Bái');
    await b.waitReady();
    expect(b.articleId()).toBe(id);
    await expect.poll(() => b.bodyText(), { timeout: 30_000 }).toBe('Lan viết đoạn đầu.');

    // Live: each sees the other's typing, and who is here.
    await a.typeInto(a.body(), ' Lũ dâng nhanh.');
    await expect.poll(() => b.bodyText(), { timeout: 30_000 }).toContain('Lũ dâng nhanh.');
    await b.typeInto(b.body(), ' Minh bổ sung.');
    await expect.poll(() => a.bodyText(), { timeout: 30_000 }).toContain('Minh bổ sung.');
    await expect.poll(() => syncB.present(), { timeout: 30_000 }).toContain(USERS.a.name);
    await expect.poll(() => syncA.present(), { timeout: 30_000 }).toContain(USERS.b.name);
    expect(await seriousViolations(pageA), 'article page with presence and its sync state').toEqual([]);
    // A's caret is drawn in B's body with A's name.
    await expect.poll(() => pageB.locator(`.presence-caret[data-name="${USERS.a.name}"]`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await a.waitSaved();
    await b.waitSaved();
    await expect.poll(() => syncA.cornerState(), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => syncB.cornerState(), { timeout: 30_000 }).toBe('synced');

    // The server stops: both write on, the corner says offline.
    await server.server.close();
    server = null;
    await a.typeInto(a.body(), ' Mất-mạng-Lan.');
    await b.typeInto(b.body(), ' Mất-mạng-Minh.');
    await a.waitSaved();
    await b.waitSaved();
    await expect.poll(() => syncA.cornerState(), { timeout: 10_000 }).toBe('offline');
    await expect.poll(() => syncB.cornerState(), { timeout: 10_000 }).toBe('offline');
    expect(await syncA.corner().innerText()).toBe(vi.sync.state.offline);
    expect(await b.bodyText()).not.toContain('Mất-mạng-Lan.');
    // Not on the server: shown once it has stayed so for a moment (the badge does not flicker per key).
    await expect.poll(() => syncA.articleSync(), { timeout: 10_000 }).toBe('pending');
    // "Try now" is offered while offline; pressed with the server still down, the desk stays offline.
    await syncA.open();
    await pageA.getByRole('button', { name: vi.sync.page.retry, exact: true }).click();
    await expect.poll(() => syncA.cornerState(), { timeout: 30_000 }).toBe('offline');
    await pageA.goBack();
    await a.waitReady();

    // Back on the same folder and port: both end with every word, and synced.
    server = await startTestServer(serverDir, { port });
    for (const page of [a, b]) {
      await expect.poll(() => page.bodyText(), { timeout: BACK_ONLINE_MS }).toContain('Mất-mạng-Lan.');
      await expect.poll(() => page.bodyText(), { timeout: BACK_ONLINE_MS }).toContain('Mất-mạng-Minh.');
      for (const word of ['Lan viết đoạn đầu.', 'Lũ dâng nhanh.', 'Minh bổ sung.']) expect(await page.bodyText()).toContain(word);
    }
    expect(await a.bodyText()).toBe(await b.bodyText());
    await expect.poll(() => syncA.cornerState(), { timeout: BACK_ONLINE_MS }).toBe('synced');
    await expect.poll(() => syncB.cornerState(), { timeout: BACK_ONLINE_MS }).toBe('synced');
    await expect.poll(() => syncA.articleSync(), { timeout: 30_000 }).toBe('onServer');

    // Desk B logs out and in as a reporter the article is not assigned to: the server refuses
    // it, the article stays on the desk, and both the article bar and the server page say why.
    await syncB.open();
    await syncB.logoutButton().click();
    await syncB.form().waitFor();
    await expect.poll(() => syncB.cornerState()).toBe('off');
    await syncB.login(server.url, USERS.c.name, USERS.c.password);
    await syncB.form().waitFor({ state: 'detached' });
    expect(await syncB.fact(vi.sync.page.role).innerText()).toBe(vi.sync.role.reporter);
    await pageB.goBack();
    await b.waitReady();
    await expect.poll(() => syncB.articleSync(), { timeout: 60_000 }).toBe('refused');
    expect(await b.bodyText()).toContain('Mất-mạng-Lan.');
    await syncB.open();
    const refused = pageB.getByRole('region', { name: vi.sync.refused.title, exact: true }).getByRole('row').filter({ hasText: 'Lũ về Yên Bái' });
    await expect.poll(() => refused.getByRole('cell').allInnerTexts()).toEqual(['Lũ về Yên Bái', vi.errors.syncForbidden]);
  });
});
