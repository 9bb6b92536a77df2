/** The accounts page (`#/accounts`, admins): by roles and accessible names in the interface's language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';

export class AccountsPage extends DeskPage {
  get ta() {
    return resources[this.language].sync.accounts;
  }

  headerLink(): Locator {
    return this.page.getByRole('link', { name: this.ta.open, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.ta.title, exact: true });
  }

  async open(): Promise<void> {
    await this.headerLink().click();
    await this.heading().waitFor();
  }

  /** Adds a user through the form (no password: the server makes one). */
  async add(name: string): Promise<void> {
    await this.page.getByLabel(this.ta.add.name, { exact: true }).fill(name);
    await this.page.getByRole('button', { name: this.ta.add.submit, exact: true }).click();
  }

  shownPassword(): Locator {
    return this.page.getByTestId('shown-password');
  }

  closeShownPassword(): Promise<void> {
    return this.page.getByRole('button', { name: this.ta.once.done, exact: true }).click();
  }

  usersTable(): Locator {
    return this.page.getByRole('table', { name: this.ta.users.title, exact: true });
  }

  row(name: string): Locator {
    return this.usersTable().locator(`tr[data-user="${name}"]`);
  }

  roleOf(name: string): Locator {
    return this.page.getByLabel(this.ta.users.roleOf.replace('{{name}}', name), { exact: true });
  }

  connectedTable(): Locator {
    return this.page.getByRole('table', { name: this.ta.connected.title, exact: true });
  }
}
