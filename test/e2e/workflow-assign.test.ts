/**
 * Assignment in the article's Workflow tab on an editor's desk: the writer named apart and not
 * offered as an assignee, nobody assigned at first; the editor chooses a reporter's checkbox by keyboard and saves; the tab then names the assignee,
 * as the server has it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { api, startTestServer, type TestServer } from '../support/server';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';
import { WorkflowPanel } from './support/pages/workflow-panel';
import { fill } from './support/texts';

const { vi } = resources;
const EDITOR = { name: 'lan', password: 'lan-mật-khẩu-đủ-dài', role: 'editor' } as const;
const REPORTER = { name: 'thu', password: 'thu-mật-khẩu-đủ-dài', role: 'reporter' } as const;

describe('assignment in the Workflow tab', () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('an editor assigns a reporter by keyboard and the tab names the assignee', { timeout: 120_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    for (const user of [EDITOR, REPORTER]) {
      const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: user });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const workflow = new WorkflowPanel(page, 'vi');

    await library.goto(desk.url);
    await sync.open();
    await sync.login(server.url, EDITOR.name, EDITOR.password);
    await sync.form().waitFor({ state: 'detached' });
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), 'Đường Hồ Chí Minh qua Kon Tum sạt lở');
    await article.waitSaved();
    await expect.poll(() => sync.articleSync(), { timeout: 30_000 }).toBe('onServer');
    const id = article.articleId();

    await workflow.show();
    const assignees = workflow.panel().getByTestId('assignees');
    await expect.poll(() => assignees.innerText(), { timeout: 30_000 }).toBe(vi.workflow.assignment.nobody);
    expect(await workflow.panel().getByTestId('writer').innerText()).toBe(fill(vi.workflow.assignment.writer, { name: EDITOR.name }));
    expect(await workflow.panel().getByRole('checkbox').count()).toBe(1);
    const box = workflow.panel().getByRole('checkbox', { name: REPORTER.name, exact: true });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const save = workflow.panel().getByRole('button', { name: vi.workflow.assignment.save, exact: true });
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => assignees.innerText(), { timeout: 30_000 }).toBe(fill(vi.workflow.assignment.current, { names: REPORTER.name }));
    const onServer = await api(server.url, 'GET', `/api/articles/${id}/assignees`, { token: server.adminToken });
    expect(onServer.json.assignees).toEqual([REPORTER.name]);
  });
});
