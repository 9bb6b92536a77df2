/**
 * The newsroom server page (`#/server`) and the shell's corner status, by roles and accessible
 * names in the interface's language; the presence list and the sync state of an article.
 */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';

export class ServerPage extends DeskPage {
  get ts() {
    return resources[this.language].sync;
  }

  /** The corner status in the header (a link to this page); its state is `data-sync-state`. */
  corner(): Locator {
    return this.page.getByTestId('sync-corner');
  }

  cornerState(): Promise<string | null> {
    return this.corner().getAttribute('data-sync-state');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.ts.page.title, exact: true });
  }

  /** Opens the page from the corner, as a user does. */
  async open(): Promise<void> {
    await this.corner().click();
    await this.heading().waitFor();
  }

  form(): Locator {
    return this.page.getByRole('form', { name: this.ts.login.title, exact: true });
  }

  /** Fills the login form and sends it. */
  async login(server: string, user: string, password: string): Promise<void> {
    const form = this.form();
    await form.getByLabel(this.ts.login.server, { exact: true }).fill(server);
    await form.getByLabel(this.ts.login.user, { exact: true }).fill(user);
    await form.getByLabel(this.ts.login.password, { exact: true }).fill(password);
    await form.getByRole('button', { name: this.ts.login.submit, exact: true }).click();
  }

  /** The login's refusal, shown under the form. */
  problem(): Locator {
    return this.form().getByRole('alert');
  }

  passwordValue(): Promise<string> {
    return this.form().getByLabel(this.ts.login.password, { exact: true }).inputValue();
  }

  /** A fact of the status ("Người dùng", "Vai trò"…) by its term. */
  fact(term: string): Locator {
    return this.page.locator('.server-facts > div').filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) }).getByRole('definition');
  }

  logoutButton(): Locator {
    return this.page.getByRole('button', { name: this.ts.page.logout, exact: true });
  }

  /** The names shown as "who is here" in an open article's bar. */
  async present(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: this.ts.presence.here, exact: true });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('listitem').locator('.presence__name').allInnerTexts()).map((s) => s.trim());
  }

  /** The article bar's sync state of the open article ("onServer", "pending", "refused"), null when none is shown. */
  articleSync(): Promise<string | null> {
    return this.page.locator('.article-bar [data-article-sync]').getAttribute('data-article-sync', { timeout: 1000 }).catch(() => null);
  }
}
