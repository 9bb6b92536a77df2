/**
 * The article's Workflow tab on a reporter's desk that lost its newsroom server: Submit is
 * queued and shown as waiting to send ("chờ gửi"), in the tab, in the article bar and on the
 * library's row, through a restart of the desk; cancelling it gives the Submit button back and
 * leaves the article a draft. Exporting the story, not approved, warns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { api, startTestServer, type TestServer } from '../support/server';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';
import { WorkflowPanel } from './support/pages/workflow-panel';
import { fill, pattern } from './support/texts';

const { vi, en } = resources;
const SAMPLE = 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026';
const REPORTER = { name: 'thu', password: 'thu-mật-khẩu-đủ-dài', role: 'reporter' } as const;

describe('the workflow tab, offline', () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('queues Submit while the server is away, keeps it waiting through a restart, and cancels it', { timeout: 120_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: REPORTER });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const dir = await h.dataDir();
    let desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const workflow = new WorkflowPanel(page, 'vi');

    // The desk learns the reporter's role at login, then the server goes away.
    await library.goto(desk.url);
    await sync.open();
    await sync.login(server.url, REPORTER.name, REPORTER.password);
    await sync.form().waitFor({ state: 'detached' });
    await server.server.close();
    server = null;
    await expect.poll(() => sync.cornerState(), { timeout: 30_000 }).toBe('offline');

    await library.goto(desk.url);
    await library.loadSample();
    await library.open(SAMPLE);
    await article.waitReady();
    await workflow.show();
    expect(await workflow.badge().innerText()).toContain(vi.common.status.draft);
    expect(await workflow.panel().getByRole('button').allInnerTexts()).toEqual([vi.workflow.moves.submitted]);

    await workflow.move('submitted').click();
    const waiting = fill(vi.workflow.pending, { move: vi.workflow.moves.submitted });
    await expect.poll(() => workflow.pending().locator('.workflow__pending-title').innerText()).toBe(waiting);
    expect(await workflow.pending().innerText()).toMatch(new RegExp(pattern(vi.workflow.pendingHint, { at: '\\d{2}:\\d{2}, \\d{2}/\\d{2}/\\d{4}' }).source.slice(1, -1)));
    expect(await workflow.badge().locator('.badge').allInnerTexts()).toEqual([vi.common.status.draft, waiting]);
    expect(await workflow.move('submitted').count()).toBe(0);

    // Exported as it is, with a warning: the story is not approved.
    await page.getByRole('button', { name: vi.package.export, exact: true }).click();
    await expect.poll(() => page.getByTestId('export-not-approved').innerText(), { timeout: 30_000 }).toBe(fill(vi.workflow.exportNotApproved, { status: vi.common.status.draft }));

    // The library's row says the move waits to be sent, as the tab does.
    await library.goto(desk.url);
    await expect.poll(() => library.row(SAMPLE).getByTestId('pending-move').innerText()).toBe(waiting);

    // A restart of the desk: the move still waits (desk.json), shown in English too.
    await desk.stop();
    desk = await h.startDesk(dir);
    await library.goto(desk.url);
    await library.open(SAMPLE);
    await article.waitReady();
    await article.switchLanguage('en');
    workflow.speak('en');
    await workflow.show();
    await expect.poll(() => workflow.pending().locator('.workflow__pending-title').innerText()).toBe(fill(en.workflow.pending, { move: en.workflow.moves.submitted }));
    expect(await workflow.badge().innerText()).toContain(en.common.status.draft);

    await workflow.cancelPending().click();
    await workflow.move('submitted').waitFor();
    expect(await workflow.pending().count()).toBe(0);
    expect(await workflow.badge().locator('.badge').allInnerTexts()).toEqual([en.common.status.draft]);
    const libraryEn = new LibraryPage(page, 'en');
    await libraryEn.goto(desk.url);
    await libraryEn.row(SAMPLE).waitFor();
    expect(await libraryEn.row(SAMPLE).getByTestId('pending-move').count()).toBe(0);
  });
});
