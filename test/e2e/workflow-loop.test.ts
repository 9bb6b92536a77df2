/**
 * The newsroom's loop in Chromium, a reporter's desk and an editor's desk (web mode) on one
 * server: the reporter presses Nộp bài with the server down and sees it waiting to send; the
 * server comes back and the story appears in the editor's queue without a reload; the editor
 * opens it, takes it and returns it with a note typed in the Workflow tab; the reporter, the
 * server down again, reads the note there after a reload, adds words to paragraph 2 with the
 * keyboard and submits again; the server back, the editor's Workflow tab shows only those
 * words as changed since the return, with the reporter's name, and the words she goes on
 * typing after, with no move; the editor suggests a sentence and approves by keyboard: asked
 * first while the suggestion is open (listed as the Checklist counts it), Escape and Cancel
 * leave the status as it was, confirmed it approves, and the reporter's desk says approved.
 * Suggesting is remembered for her on the editor's desk: off for the desk's own user once she
 * logs out, on again when she logs back in.
 */
import { mkdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { initArticle, setBodyLines, setText, headline, sapo } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import { resources } from '../../src-shared/locales';
import { acknowledged, api, login, startTestServer, SyncClient, type TestServer } from '../support/server';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { QueuePage } from './support/pages/queue-page';
import { ServerPage } from './support/pages/server-page';
import { WorkflowPanel } from './support/pages/workflow-panel';
import { showTab } from './support/pages/inspector';
import { fill } from './support/texts';

const { vi } = resources;
const REPORTER = { name: 'lan', password: 'lan-mật-khẩu-đủ-dài', role: 'reporter' } as const;
const EDITOR = { name: 'hoa', password: 'hoa-mật-khẩu-đủ-dài', role: 'editor' } as const;
const ID = 'bai-vong-quy-trinh-01';
const HEADLINE = 'Lũ quét ở Hà Giang';
const NOTE = 'Thêm số nhà bị cuốn trôi ở đoạn hai.';
const NEW_WORDS = ' Có 12 ngôi nhà bị cuốn trôi.';
const MORE_WORDS = ' Chưa có thương vong.';
/** The desk reconnects with pauses of at most 3 s; time for the move and for painting besides. */
const BACK_MS = 20_000;
/** Where the development screenshot goes (not kept with the project). */
const SHOTS = process.env.BANTIN_LOOP_SHOTS;

describe('the workflow loop in Chromium, a reporter and an editor', () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('submit offline, queue without a reload, return with a note read offline, resubmit, only the new words by the reporter, approve', { timeout: 180_000 }, async () => {
    const serverDir = await h.dataDir();
    server = await startTestServer(serverDir);
    const port = server.server.port;
    const stop = async () => {
      await server!.server.close();
      server = null;
    };
    const restart = async () => {
      server = await startTestServer(serverDir, { port });
    };
    for (const user of [REPORTER, EDITOR]) {
      const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: user });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    // The reporter's story, complete for the checklist, written from another of her devices
    // while the two desks start.
    const writeStory = async (): Promise<void> => {
      const writer = new SyncClient(server!.wsUrl, await login(server!.url, REPORTER.name, REPORTER.password));
      try {
        const p = writer.open(ID);
        await acknowledged(p);
        p.document.transact(() => {
          initArticle(p.document, { id: ID, language: 'vi', createdAt: '2025-06-20T01:00:00.000Z', byline: 'Lan', section: 'Thời sự' });
          setText(headline(p.document), HEADLINE);
          setText(sapo(p.document), 'Mưa lớn kéo dài khiến nhiều xã bị chia cắt.');
          setBodyLines(p.document, ['Đêm qua lũ quét tràn qua hai thôn.', 'Thiệt hại đang được thống kê.']);
          setEventTimes(p.document, { start: '2025-06-20T08:00' });
          setEventPlace(p.document, { unit: { level: 'province', code: '02', name: 'Hà Giang', provinceCode: '02', provinceName: 'Hà Giang' }, former: null });
        });
        await acknowledged(p);
      } finally {
        writer.destroy();
      }
    };
    const [reporterDesk, editorDesk] = await Promise.all([h.dataDir().then((d) => h.startDesk(d)), h.dataDir().then((d) => h.startDesk(d)), writeStory()]);
    const pageR = await h.page();
    const pageE = await h.page({ viewport: { width: 1366, height: 900 } });
    const libraryR = new LibraryPage(pageR, 'vi');
    const articleR = new ArticlePage(pageR, 'vi');
    const syncR = new ServerPage(pageR, 'vi');
    const workflowR = new WorkflowPanel(pageR, 'vi');
    const syncE = new ServerPage(pageE, 'vi');
    const queueE = new QueuePage(pageE, 'vi');
    const articleE = new ArticlePage(pageE, 'vi');
    const workflowE = new WorkflowPanel(pageE, 'vi');
    const status = (w: WorkflowPanel) => w.badge().locator('.badge').allInnerTexts();

    // Both log in (at once, as two people would); the reporter opens her story, the editor the queue.
    const reporterReady = async (): Promise<void> => {
      await libraryR.goto(reporterDesk.url);
      await syncR.open();
      await syncR.login(server!.url, REPORTER.name, REPORTER.password);
      await syncR.form().waitFor({ state: 'detached' });
      await libraryR.goto(reporterDesk.url);
      await libraryR.row(HEADLINE).waitFor({ timeout: 30_000 });
      await libraryR.open(HEADLINE);
      await articleR.waitReady();
      await workflowR.show();
      await workflowR.move('submitted').waitFor();
    };
    const editorReady = async (): Promise<void> => {
      await pageE.goto(editorDesk.url);
      await syncE.open();
      await syncE.login(server!.url, EDITOR.name, EDITOR.password);
      await syncE.form().waitFor({ state: 'detached' });
      await queueE.headerLink().click();
      await queueE.heading().waitFor();
    };
    await Promise.all([reporterReady(), editorReady()]);

    // The server goes down; the reporter presses Nộp bài: it waits to be sent.
    await stop();
    await expect.poll(() => syncR.cornerState(), { timeout: 15_000 }).toBe('offline');
    await workflowR.move('submitted').click();
    const waiting = fill(vi.workflow.pending, { move: vi.workflow.moves.submitted });
    await expect.poll(() => workflowR.pending().locator('.workflow__pending-title').innerText()).toBe(waiting);
    expect(await status(workflowR)).toEqual([vi.common.status.draft, waiting]);

    // The server is back: the submission goes, and the story arrives in the editor's queue.
    await restart();
    await expect.poll(() => status(workflowR), { timeout: BACK_MS }).toEqual([vi.common.status.submitted]);
    await expect.poll(() => queueE.headlines(), { timeout: BACK_MS }).toEqual([HEADLINE]);
    expect(await queueE.row(HEADLINE).getByText(vi.common.status.submitted, { exact: true }).count()).toBe(1);

    // The editor opens it, takes it, and returns it with a note typed in the tab.
    await queueE.row(HEADLINE).getByRole('link', { name: HEADLINE, exact: true }).click();
    await articleE.waitReady();
    await workflowE.show();
    await workflowE.move('editing').click();
    await expect.poll(() => status(workflowE), { timeout: 15_000 }).toEqual([vi.common.status.editing]);
    await workflowE.move('returned').click();
    await workflowE.panel().getByLabel(vi.workflow.returnNote, { exact: true }).focus();
    await pageE.keyboard.type(NOTE);
    await workflowE.panel().getByRole('button', { name: vi.workflow.returnConfirm, exact: true }).click();
    await expect.poll(() => status(workflowE), { timeout: 15_000 }).toEqual([vi.common.status.returned]);
    await expect.poll(() => status(workflowR), { timeout: 15_000 }).toEqual([vi.common.status.returned]);

    // The server down again: the reporter reads the note and adds to paragraph 2 with the keyboard.
    await stop();
    await expect.poll(() => syncR.cornerState(), { timeout: 15_000 }).toBe('offline');
    expect(await workflowR.panel().locator('.workflow__note-text').innerText()).toBe(NOTE);
    await articleR.typeInto(articleR.body(), NEW_WORDS);
    await articleR.waitSaved();
    // After a reload, still offline: the note is there, and the desk has every word she typed.
    await pageR.reload();
    await articleR.waitReady();
    await workflowR.show();
    await expect.poll(() => workflowR.panel().locator('.workflow__note-text').innerText()).toBe(NOTE);
    expect(await syncR.cornerState()).toBe('offline');
    await expect.poll(() => articleR.bodyText()).toBe(`Đêm qua lũ quét tràn qua hai thôn.\nThiệt hại đang được thống kê.${NEW_WORDS}`);

    // She submits again, still offline.
    await workflowR.move('resubmit').click();
    await expect.poll(() => workflowR.pending().locator('.workflow__pending-title').innerText()).toBe(fill(vi.workflow.pending, { move: vi.workflow.moves.resubmit }));

    // Back: on the editor's tab, only her new words since the return, with her name.
    await restart();
    await expect.poll(() => status(workflowR), { timeout: BACK_MS }).toEqual([vi.common.status.submitted]);
    await expect.poll(() => status(workflowE), { timeout: BACK_MS }).toEqual([vi.common.status.submitted]);
    const changes = workflowE.panel().getByRole('region', { name: vi.workflow.changesSinceReturned, exact: true });
    // The added words as shown (each <ins> also names its writer for a screen reader).
    const added = () => changes.locator('ins').evaluateAll((els) => els.map((el) => Array.from(el.childNodes).filter((n) => !(n instanceof Element && n.classList.contains('sr-only'))).map((n) => n.textContent).join('')));
    await expect.poll(added, { timeout: 15_000 }).toEqual([NEW_WORDS]);
    expect(await changes.locator('del').count()).toBe(0);
    expect(await changes.locator('ins').count()).toBe(1);
    expect(await changes.locator('[data-field="body"] ins .sr-only').textContent()).toBe(`${fill(vi.workflow.changesAddedBy, { by: REPORTER.name })} `);
    expect((await changes.locator('[data-field="body"] .workflow__changes-by').allInnerTexts()).map((s) => s.trim())).toEqual([`[${REPORTER.name}]`]);
    // She goes on typing, with no move: the editor's tab shows those words too.
    await articleR.typeInto(articleR.body(), MORE_WORDS);
    await expect.poll(async () => (await added()).join(''), { timeout: 15_000 }).toBe(`${NEW_WORDS}${MORE_WORDS}`);
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await changes.scrollIntoViewIfNeeded();
      await pageE.screenshot({ path: `${SHOTS}/editor-changes-since.png` });
    }

    // The editor takes it again and approves; the reporter's desk says so.
    await workflowE.move('editing').click();
    await expect.poll(() => status(workflowE), { timeout: 15_000 }).toEqual([vi.common.status.editing]);
    // She suggests a sentence of her own; the Checklist lists it (the Workflow tab reads the same checklist).
    await articleE.body().locator('p').last().click();
    await pageE.keyboard.press('Control+End');
    await pageE.keyboard.press('Control+Shift+E');
    await pageE.keyboard.type(' Số liệu còn sơ bộ.');
    await expect.poll(() => articleE.body().locator('ins.suggestion').allTextContents()).toEqual([' Số liệu còn sơ bộ.']);
    await showTab(pageE, 'vi', 'checklist');
    await pageE.locator('.checklist__item--missing[data-item="suggestions"]').waitFor();
    await workflowE.show();
    // Approve by keyboard: asked first, the caret on going ahead anyway; Escape, then Cancel, leave the status.
    const confirm = workflowE.panel().getByRole('alertdialog', { name: vi.workflow.openReview.title, exact: true });
    const anyway = confirm.getByRole('button', { name: fill(vi.workflow.openReview.anyway, { move: vi.workflow.moves.approved }), exact: true });
    const approveByKeyboard = async (): Promise<void> => {
      await workflowE.move('approved').focus();
      await pageE.keyboard.press('Enter');
      await confirm.waitFor();
      await expect.poll(() => anyway.evaluate((el) => el === document.activeElement)).toBe(true);
    };
    await approveByKeyboard();
    expect(await confirm.getByRole('listitem').allInnerTexts()).toEqual([fill(vi.workflow.openReview.suggestions_other, { count: '1' })]);
    await pageE.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await workflowE.move('approved').evaluate((el) => el === document.activeElement)).toBe(true);
    await approveByKeyboard();
    await pageE.keyboard.press('Tab');
    await pageE.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await status(workflowE)).toEqual([vi.common.status.editing]);
    expect(await workflowE.pending().count()).toBe(0);
    await approveByKeyboard();
    await pageE.keyboard.press('Enter');
    await expect.poll(() => status(workflowE), { timeout: 15_000 }).toEqual([vi.common.status.approved]);
    await expect.poll(() => status(workflowR), { timeout: 15_000 }).toEqual([vi.common.status.approved]);
    await expect.poll(() => workflowR.panel().locator('.workflow__status .badge').innerText()).toBe(vi.common.status.approved);

    // Suggesting is her way of working on this story, not the desk's: logged out, the desk's own
    // user is not suggesting in it; logged in again, she is.
    const suggesting = () => pageE.getByRole('button', { name: articleE.te.toolbar.suggest, exact: true }).getAttribute('aria-pressed');
    expect(await suggesting()).toBe('true');
    const storyUrl = pageE.url();
    await syncE.open();
    await syncE.logoutButton().click();
    await syncE.form().waitFor();
    await pageE.goto(storyUrl);
    await articleE.waitReady();
    await expect.poll(suggesting).toBe('false');
    await syncE.open();
    await syncE.login(server!.url, EDITOR.name, EDITOR.password);
    await syncE.form().waitFor({ state: 'detached' });
    await pageE.goto(storyUrl);
    await articleE.waitReady();
    await expect.poll(suggesting).toBe('true');
  });
});
