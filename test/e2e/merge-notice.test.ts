/**
 * After a merge in which both sides changed one paragraph, the article page says so, in
 * Vietnamese, and its link opens the history panel on the differences between this desk's text
 * from before the merge and now; dismissed, the notice stays gone. Desk A is the UI in Chromium
 * (web mode); desk B is a desk in this process, as in the integration tests.
 *
 * Offline, desk B adds to the first paragraph and joins the second to it (Delete at the first
 * one's end) while desk A writes in the second: A's words are then in no text of the merge,
 * so not in that diff either; desk A's notice lists them, and its button puts them back after
 * the joined paragraph's text, on both desks. Desk A is the one whose words are lost because
 * that desk finds them whichever desk reaches the server first (it has them in its own text);
 * the desk that joined finds them only when the other's changes reached the server before its
 * own (its servers' copy drops words written into a removed paragraph) — that order is covered
 * by the unit tests of src-shared/lost-text.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { resources } from '../../src-shared/locales';
import type { Desk } from '../../src-main/services/desk';
import { api, startTestServer, type TestServer } from '../support/server';
import { allSynced, articleText, editAs, openSyncDesk, syncStatus, waitFor } from '../support/sync-desk';
import { call } from '../support/desk';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { HistoryPanel } from './support/pages/history-panel';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';
import { fill } from './support/texts';

const vi = resources.vi;
const FIRST = 'Đoàn cứu hộ đã đến xã Lũng Cú.';
const SECOND = 'Nhiều hộ dân phải sơ tán.';
/** What desk A writes in the paragraph desk B joins to the one above. */
const LOST = ' Đường đã sạt lở.';

const USERS = {
  a: { name: 'lan', password: 'lan-mật-khẩu-đủ-dài' },
  b: { name: 'minh', password: 'minh-mật-khẩu-đủ-dài' },
} as const;

describe('the notice after a merge in one paragraph', () => {
  const h = useHarness();
  let server: TestServer | null = null;
  let deskB: Desk | null = null;

  afterEach(async () => {
    await deskB?.close();
    deskB = null;
    await server?.server.close();
    server = null;
  });

  it('appears after both desks changed one paragraph offline, opens the diff of the text from before the merge, lists the words lost with a joined paragraph and puts them back, and stays dismissed', { timeout: 120_000 }, async () => {
    const serverDir = await h.dataDir();
    server = await startTestServer(serverDir);
    const port = server.server.port;
    for (const u of [USERS.a, USERS.b]) {
      const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: { name: u.name, role: 'editor', password: u.password } });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    const deskA = await h.startDesk(await h.dataDir());
    // The page may inject axe (it bypasses the CSP).
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const history = new HistoryPanel(page, 'vi');
    const sync = new ServerPage(page, 'vi');

    // Desk A writes a paragraph and logs in; the article reaches the server.
    await library.goto(deskA.url);
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), 'Lũ quét ở Hà Giang');
    await article.typeInto(article.body(), `${FIRST}\n${SECOND}`);
    await article.waitSaved();
    const id = article.articleId();
    await sync.open();
    await sync.login(server.url, USERS.a.name, USERS.a.password);
    await sync.form().waitFor({ state: 'detached' });
    await page.goBack();
    await article.waitReady();
    await expect.poll(() => sync.articleSync(), { timeout: 30_000 }).toBe('onServer');

    // Desk B gets it.
    deskB = await openSyncDesk(await h.dataDir());
    await call(deskB, 'sync:login', { server: server.url, user: USERS.b.name, password: USERS.b.password });
    await syncStatus(deskB, (s) => allSynced(s) && deskB!.articles.has(id), 'desk B synced with the article');

    // The server stops; both change the same paragraph.
    await server.server.close();
    server = null;
    await expect.poll(() => sync.cornerState(), { timeout: 15_000 }).toBe('offline');
    await syncStatus(deskB, (s) => s.state === 'offline', 'desk B offline');
    await article.body().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(LOST);
    await article.waitSaved();
    expect(await article.bodyText()).toBe(`${FIRST}\n${SECOND}${LOST}`);
    await editAs(deskB, 'writer', id, (doc: Y.Doc) => {
      const body = doc.getXmlFragment('body');
      const first = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      // What Delete at the end of the first paragraph does in the editor: the second's text moves up.
      first.insert(first.length, ` Nước dâng cao.${SECOND}`);
      body.delete(1, 1);
    });
    const joined = `${FIRST} Nước dâng cao.${SECOND}`;

    // Back on the same folder and port: B's words and join on desk A, and the notice.
    server = await startTestServer(serverDir, { port });
    await expect.poll(() => article.bodyText(), { timeout: 30_000 }).toBe(joined);
    const notice = page.getByRole('status').filter({ hasText: fill(vi.history.mergeNotice.text, { name: USERS.b.name }) });
    await notice.waitFor({ timeout: 30_000 });
    // A's words in the paragraph B joined are lost from the merged text; the notice lists them.
    const putBack = notice.getByRole('button', { name: fill(vi.history.mergeNotice.putBackLabel, { text: LOST.trim() }), exact: true });
    await putBack.waitFor();
    expect(await notice.innerText()).toContain(vi.history.mergeNotice.lost);
    expect(await seriousViolations(page), 'article page with the merge notice').toEqual([]);

    // Its link opens the history on "before merging changes from minh", compared with now.
    await notice.getByRole('button', { name: vi.history.mergeNotice.show, exact: true }).click();
    const labelled = (label: string) => history.versions().filter({ has: page.getByText(label, { exact: true }) });
    const chosen = labelled(fill(vi.history.reason.merge, { name: USERS.b.name }));
    await expect.poll(() => chosen.getAttribute('aria-selected')).toBe('true');
    // B's words added; A's lost words and the paragraph break removed.
    await expect.poll(() => history.addedTexts('body')).toEqual([`${vi.history.addedLabel} Nước dâng cao.`]);
    expect((await history.removed('body').allTextContents()).some((t) => t.includes('Đường đã sạt lở'))).toBe(true);
    expect(await chosen.count()).toBe(1);
    expect(await labelled(fill(vi.history.reason.remote, { name: USERS.b.name })).count()).toBe(1);

    // The notice's button puts the lost words back after the joined paragraph's text, on both
    // desks, and they leave its list.
    await putBack.click();
    await expect.poll(() => article.bodyText()).toContain(`${SECOND}${LOST}`);
    await putBack.waitFor({ state: 'detached' });
    // Putting back is the writer's change: Ctrl+Z takes it back (and the words are listed again), Ctrl+Y redoes it.
    await article.headline().focus();
    await page.keyboard.press('Control+Z');
    await putBack.waitFor();
    expect(await article.bodyText()).not.toContain(LOST.trim());
    await page.keyboard.press('Control+Y');
    await putBack.waitFor({ state: 'detached' });
    await article.waitSaved();
    await waitFor(async () => (await articleText(deskB!, id)).body.includes(`${SECOND}${LOST}`), 'the words put back on desk B', 30_000);

    // Each side's own text comes back from the history panel: B's (the other side's version), then A's.
    const theirs = labelled(fill(vi.history.reason.remote, { name: USERS.b.name }));
    for (const [version, text] of [
      [theirs, joined],
      [chosen, `${FIRST}\n${SECOND}${LOST}`],
    ] as const) {
      await version.click();
      await expect.poll(() => version.getAttribute('aria-selected')).toBe('true');
      await history.restoreChosen();
      await expect.poll(() => article.bodyText()).toBe(text);
    }
    await article.waitSaved();

    // Dismissed, it is gone, and stays gone when the article is opened again.
    await notice.getByRole('button', { name: vi.history.mergeNotice.dismiss, exact: true }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await article.waitReady();
    await history.open();
    await chosen.waitFor();
    expect(await notice.count()).toBe(0);
  });
});
