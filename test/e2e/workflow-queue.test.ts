/**
 * The editors' queue on an editor's desk: reached from the header by keyboard, it lists the
 * articles waiting for an editor with their status and counts; an article the server moves
 * meanwhile (another editor returning it) appears without a reload (after the server refused
 * it as incomplete, with the missing items, on the editor's own Submit); a filter shows one status;
 * a story edited after its approval is marked (and has a filter), with its open comments counted, its assignee and its on-air
 * time at its language's rate, and the columns sort by keyboard; its Workflow tab says it changed
 * since approved and shows the words added since; the library shows the returned story's note;
 * and the editor returns the other story from its Workflow tab, where a return without a note is
 * refused before anything is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { headline, initArticle, setText } from '../../src-shared/article-doc';
import { addComment, anchorAt } from '../../src-shared/comments';
import { DEFAULT_READING_RATES } from '../../src-shared/models';
import { secondsAt } from '../../src-shared/text/counts';
import { clockDuration } from '../../src-renderer/features/workflow/queue-rows';
import { acknowledged, api, startTestServer, SyncClient, type TestServer } from '../support/server';
import { addParagraph } from '../support/sync-desk';
import { completeArticle } from '../support/workflow';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { inspectorTab } from './support/pages/inspector';
import { LibraryPage } from './support/pages/library-page';
import { QueuePage } from './support/pages/queue-page';
import { ServerPage } from './support/pages/server-page';
import { WorkflowPanel } from './support/pages/workflow-panel';
import { fill, pattern } from './support/texts';

const { vi } = resources;
const EDITOR = { name: 'lan', password: 'lan-mật-khẩu-đủ-dài', role: 'editor' } as const;
const NOTE = 'Cần thêm ý kiến của chính quyền xã; kiểm tra lại tên thôn ở đoạn 2.';
const LATE = 'Floods cut off two communes in Tuyen Quang';
const LATE_ID = 'bai-sua-sau-khi-duyet-01';

describe("the editors' queue", () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('lists what waits for an editor, takes in a returned story without a reload, filters by status, marks a story changed since approved, sorts, the library shows the note, and a return from the Workflow tab needs a note', { timeout: 120_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: EDITOR });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const desk = await h.startDesk(await h.dataDir());
    // axe is injected into the page (it bypasses the CSP).
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const queue = new QueuePage(page, 'vi');
    const workflow = new WorkflowPanel(page, 'vi');
    const move = async (id: string, to: string, note?: string) => {
      const answer = await api(server!.url, 'POST', `/api/articles/${id}/transitions`, { token: server!.adminToken, json: note ? { to, note } : { to } });
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    };

    await library.goto(desk.url);
    expect(await queue.headerLink().count()).toBe(0); // not logged in: no role, no queue
    await sync.open();
    await sync.login(server.url, EDITOR.name, EDITOR.password);
    await sync.form().waitFor({ state: 'detached' });
    const ids: string[] = [];
    for (const headline of ['Lũ về Yên Bái', 'Giá lúa tăng']) {
      await library.goto(desk.url);
      await library.newArticle();
      await article.waitReady();
      await article.typeInto(article.headline(), headline);
      await article.waitSaved();
      await expect.poll(() => sync.articleSync(), { timeout: 30_000 }).toBe('onServer');
      ids.push(article.articleId());
    }
    // Submitting the second story as it is: the server refuses it and names what is missing.
    await workflow.show();
    await workflow.move('submitted').click();
    const refusal = workflow.panel().locator('.workflow__refused');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.locator('.workflow__pending-title').innerText()).toBe(fill(vi.workflow.refusedTitle, { move: vi.workflow.moves.submitted }));
    const reason = await refusal.locator('p').nth(1).innerText();
    expect(reason).toMatch(pattern(vi.workflow.refused.incomplete, { items: '.+' }));
    for (const item of [vi.checklist.items.sapo, vi.checklist.items.body]) expect(reason).toContain(item);
    await refusal.getByRole('button', { name: vi.workflow.showChecklist, exact: true }).click();
    expect(await inspectorTab(page, 'vi', 'checklist').getAttribute('aria-selected')).toBe('true');
    await workflow.show();
    await refusal.getByRole('button', { name: vi.workflow.dismissRefused, exact: true }).click();
    await workflow.move('submitted').waitFor();
    await move(ids[0]!, 'editing');

    // From the header, by keyboard.
    await queue.headerLink().focus();
    await page.keyboard.press('Enter');
    await queue.heading().waitFor();
    await expect.poll(() => queue.headlines(), { timeout: 30_000 }).toEqual(['Lũ về Yên Bái']);
    expect(await queue.row('Lũ về Yên Bái').getByText(vi.common.status.editing, { exact: true }).count()).toBe(1);

    // Another editor takes the second story and returns it: it arrives through sync.
    await move(ids[1]!, 'editing');
    await move(ids[1]!, 'returned', NOTE);
    await expect.poll(() => queue.filterNames(), { timeout: 30_000 }).toEqual([
      fill(vi.workflow.queue.all, { n: '2' }),
      fill(vi.workflow.queue.countOf, { status: vi.common.status.editing, n: '1' }),
      fill(vi.workflow.queue.countOf, { status: vi.common.status.returned, n: '1' }),
    ]);
    expect(await queue.headlines()).toHaveLength(2);
    const returned = queue.filters().getByRole('button', { name: fill(vi.workflow.queue.countOf, { status: vi.common.status.returned, n: '1' }), exact: true });
    await returned.focus();
    await page.keyboard.press('Space');
    expect(await returned.getAttribute('aria-pressed')).toBe('true');
    expect(await queue.headlines()).toEqual(['Giá lúa tăng']);

    // An English story another desk wrote, assigned, approved and then edited: it comes back
    // marked as changed since approved, with its assignee and its on-air time at the English rate.
    const other = new SyncClient(server.wsUrl, server.adminToken);
    try {
      const late = other.open(LATE_ID);
      await acknowledged(late);
      late.document.transact(() => {
        initArticle(late.document, { id: LATE_ID, language: 'en', createdAt: '2026-01-13T03:00:00.000Z', byline: 'Lan', section: 'Thời sự' });
        setText(headline(late.document), LATE);
      });
      completeArticle(late.document);
      await acknowledged(late);
      expect((await api(server.url, 'PUT', `/api/articles/${LATE_ID}/assignees`, { token: server.adminToken, json: { users: [EDITOR.name] } })).status).toBe(200);
      await move(LATE_ID, 'approved');
      addParagraph('Two more roads were cut overnight.')(late.document);
      addComment(late.document, anchorAt(late.document, 'headline', 0, 6)!, { author: 'admin', text: 'Floods or landslides?' });
      await acknowledged(late);
    } finally {
      other.destroy();
    }
    const changedFilter = queue.filters().getByRole('button', { name: fill(vi.workflow.queue.changedCount, { n: '1' }), exact: true });
    await changedFilter.waitFor({ timeout: 30_000 });
    await changedFilter.focus();
    await page.keyboard.press('Enter');
    expect(await queue.headlines()).toEqual([LATE]);
    const lateRow = queue.row(LATE);
    expect(await lateRow.locator('.badge').allInnerTexts()).toEqual([vi.workflow.changedSinceApproved, vi.common.status.approved, fill(vi.common.library.openComments, { n: '1' })]);
    expect(await lateRow.locator('td').nth(2).innerText()).toBe(EDITOR.name);
    const words = Number(await lateRow.locator('td').nth(6).innerText());
    expect(words).toBeGreaterThan(10);
    expect(await queue.onAir(LATE)).toBe(clockDuration(secondsAt(words, DEFAULT_READING_RATES.en.onAir)));

    // Sorted by words and by on-air time, by keyboard: the long English story first, then last.
    await queue.filters().getByRole('button', { name: fill(vi.workflow.queue.all, { n: '3' }), exact: true }).click();
    await queue.sortButton('words').focus();
    await page.keyboard.press('Enter');
    expect(await queue.sortedBy()).toEqual([vi.workflow.queue.words, 'descending']);
    expect((await queue.headlines())[0]).toBe(LATE);
    await page.keyboard.press('Enter');
    expect(await queue.sortedBy()).toEqual([vi.workflow.queue.words, 'ascending']);
    expect((await queue.headlines()).at(-1)).toBe(LATE);
    await queue.sortButton('onAir').focus();
    await page.keyboard.press('Space');
    expect(await queue.sortedBy()).toEqual([vi.workflow.queue.onAir, 'descending']);
    expect((await queue.headlines())[0]).toBe(LATE);
    expect(await seriousViolations(page), 'queue').toEqual([]);

    // The article says it too, and shows what changed since the approval.
    await queue.row(LATE).getByRole('link', { name: LATE, exact: true }).click();
    await article.waitReady();
    await expect.poll(() => workflow.badge().locator('.badge').allInnerTexts(), { timeout: 30_000 }).toEqual([vi.common.status.approved, vi.workflow.changedSinceApproved]);
    await workflow.show();
    expect(await workflow.panel().getByTestId('changed-since-approved').innerText()).toContain(vi.workflow.changedSinceApproved);
    const since = workflow.panel().getByRole('region', { name: vi.workflow.changesSinceApproved, exact: true });
    await expect.poll(async () => (await since.locator('ins').allInnerTexts()).join(' '), { timeout: 30_000 }).toContain('Two more roads were cut overnight.');
    await expect.poll(() => workflow.panel().getByTestId('assignees').innerText()).toBe(fill(vi.workflow.assignment.current, { names: EDITOR.name }));

    // The library shows the returned story's status and note.
    await library.goto(desk.url);
    const row = library.row('Giá lúa tăng');
    await expect.poll(() => row.locator('.articles__note').innerText(), { timeout: 15_000 }).toBe(`${vi.workflow.lastNote}: ${NOTE}`);
    expect(await row.getByText(vi.common.status.returned, { exact: true }).count()).toBe(1);

    // The editor returns the first story from its Workflow tab: a note is required.
    await library.open('Lũ về Yên Bái');
    await article.waitReady();
    await workflow.show();
    await expect.poll(() => workflow.panel().locator('.workflow__moves').first().getByRole('button').allInnerTexts()).toEqual([vi.workflow.moves.approved, vi.workflow.moves.returned, vi.workflow.moves.spiked]);
    await workflow.move('returned').click();
    const confirm = workflow.panel().getByRole('button', { name: vi.workflow.returnConfirm, exact: true });
    await confirm.click();
    expect(await workflow.panel().getByRole('alert').innerText()).toBe(vi.workflow.noteRequired);
    expect(await seriousViolations(page), 'workflow tab, return note').toEqual([]);
    await workflow.panel().getByLabel(vi.workflow.returnNote, { exact: true }).fill('Thiếu số hộ phải sơ tán.');
    await confirm.click();
    await expect.poll(() => workflow.badge().locator('.badge').allInnerTexts(), { timeout: 30_000 }).toEqual([vi.common.status.returned]);
    await expect.poll(() => workflow.panel().locator('.workflow__note-text').innerText(), { timeout: 30_000 }).toBe('Thiếu số hộ phải sơ tán.');
    // The recorded moves, newest first, with their times as the desk writes them.
    await expect.poll(() => workflow.panel().locator('.workflow__move-title').allInnerTexts(), { timeout: 30_000 }).toEqual([
      fill(vi.workflow.historyMove, { from: vi.common.status.editing, to: vi.common.status.returned }),
      fill(vi.workflow.historyMove, { from: vi.common.status.draft, to: vi.common.status.editing }),
    ]);
    expect(await workflow.panel().locator('.workflow__move time').first().innerText()).toMatch(pattern(vi.workflow.historyBy, { at: '\\d{2}:\\d{2}, \\d{2}/\\d{2}/\\d{4}', by: EDITOR.name }));
  });
});
