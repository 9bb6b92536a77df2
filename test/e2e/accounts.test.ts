/**
 * The accounts page on an admin's desk: reached from the header (never shown to a reporter),
 * an admin adds a reporter — the password made by the server shown once, and it works —
 * changes the role, disables the account after a confirmation (its login is then refused) and
 * sees a connected desk with the article it has open; in Vietnamese, then one look in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline } from '../../src-shared/article-doc';
import { resources } from '../../src-shared/locales';
import { acknowledged, ADMIN_PASSWORD, api, startTestServer, SyncClient, userWithToken, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { AccountsPage } from './support/pages/accounts-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';

const { vi } = resources;

describe('the accounts page', () => {
  const h = useHarness();
  let server: TestServer | null = null;
  let other: SyncClient | null = null;

  afterEach(async () => {
    other?.destroy();
    other = null;
    await server?.server.close();
    server = null;
  });

  it('adds a reporter with a password shown once, changes the role, disables it (login refused) and lists a connected desk', { timeout: 60_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    // Another desk, connected with an article open.
    other = new SyncClient(server.wsUrl, await userWithToken(server, 'Hà', 'editor'));
    const doc = new Y.Doc();
    const provider = other.open('bai-dang-mo-00001', doc);
    await acknowledged(provider);
    headline(doc).insert(0, 'Mưa lớn ở Huế');
    await acknowledged(provider);

    const desk = await h.startDesk(await h.dataDir());
    // axe is injected into the page (it bypasses the CSP).
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const accounts = new AccountsPage(page, 'vi');
    await library.goto(desk.url);
    expect(await accounts.headerLink().count()).toBe(0); // not an admin's desk (yet)
    await sync.open();
    await sync.login(server.url, 'admin', ADMIN_PASSWORD);
    await sync.form().waitFor({ state: 'detached' });
    await accounts.open();

    // Added without a password: the server's is shown once, and logs in.
    await accounts.add('Minh Thu\u0300');
    await accounts.shownPassword().waitFor();
    const password = (await accounts.shownPassword().textContent())!;
    expect((await api(server.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password } })).status).toBe(200);
    await accounts.closeShownPassword();
    expect(await accounts.shownPassword().count()).toBe(0);
    const row = accounts.row('Minh Thù');
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe(vi.sync.accounts.users.enabled);
    expect(await accounts.roleOf('Minh Thù').inputValue()).toBe('reporter');

    // The role changed: the server has it.
    await accounts.roleOf('Minh Thù').selectOption('editor');
    await row.getByRole('button', { name: vi.sync.accounts.users.applyRole, exact: true }).click();
    await expect.poll(async () => (await api(server!.url, 'GET', '/api/users/Minh%20Th%C3%B9', { token: server!.adminToken })).json.user).toMatchObject({ role: 'editor' });

    // Disabled after a confirmation (by keyboard): the row says so and the login is refused.
    await row.getByRole('button', { name: vi.sync.accounts.users.disableOf.replace('{{name}}', 'Minh Thù'), exact: true }).click();
    const yes = row.getByRole('button', { name: vi.sync.accounts.confirm.disableYes, exact: true });
    await expect.poll(() => yes.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page), 'accounts, a question in a row').toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe(vi.sync.accounts.users.disabled);
    expect((await api(server.url, 'POST', '/api/login', { json: { name: 'Minh Thù', password } })).json).toMatchObject({ error: 'badCredentials' });

    // Connected now: the other desk with its article's headline, and this one.
    const connected = accounts.connectedTable();
    await expect.poll(() => connected.locator('tr[data-connected="Hà"]').textContent()).toContain('Mưa lớn ở Huế');
    expect(await connected.locator('tr[data-connected="admin"]').count()).toBe(1);

    // In English.
    await accounts.switchLanguage('en');
    await accounts.heading().waitFor();
    expect(await accounts.row('Minh Thù').getByRole('cell').nth(1).textContent()).toBe(resources.en.sync.accounts.users.disabled);
  });
});
