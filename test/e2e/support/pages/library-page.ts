/** The library screen, found by roles and accessible names in the current interface language. */
import type { Locator } from 'playwright-core';
import { DeskPage } from './desk-page';
import { fill } from '../texts';

export class LibraryPage extends DeskPage {
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitReady();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.library.title, exact: true });
  }

  trashHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.library.trashTitle, exact: true });
  }

  async waitReady(): Promise<void> {
    await this.heading().waitFor();
    await this.page.getByRole('status').filter({ hasText: this.t.library.loading }).waitFor({ state: 'detached' });
  }

  newArticleButton(): Locator {
    return this.page.getByRole('button', { name: this.t.library.newArticle, exact: true }).first();
  }

  loadSampleButton(): Locator {
    return this.page.getByRole('button', { name: this.t.library.loadSample, exact: true });
  }

  emptyState(): Locator {
    return this.page.getByRole('heading', { name: this.t.library.emptyTitle, exact: true });
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  link(headline: string): Locator {
    return this.table().getByRole('link', { name: headline, exact: true });
  }

  row(headline: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name: headline, exact: true }) });
  }

  /** The cells of one row, in column order. */
  async cells(headline: string): Promise<string[]> {
    await this.row(headline).waitFor();
    return (await this.row(headline).getByRole('cell').allInnerTexts()).map((s) => s.trim());
  }

  async headlines(): Promise<string[]> {
    if ((await this.table().count()) === 0) return [];
    return (await this.table().getByRole('link').allInnerTexts()).map((s) => s.trim());
  }

  async newArticle(): Promise<void> {
    await this.newArticleButton().click();
  }

  async loadSample(): Promise<void> {
    await this.loadSampleButton().click();
  }

  async open(headline: string): Promise<void> {
    await this.link(headline).click();
  }

  async trash(headline: string): Promise<void> {
    await this.page.getByRole('button', { name: fill(this.t.library.trashNamed, { headline }), exact: true }).click();
    await this.row(headline).waitFor({ state: 'detached' });
  }

  async restore(headline: string): Promise<void> {
    await this.page.getByRole('button', { name: fill(this.t.library.restoreNamed, { headline }), exact: true }).click();
    await this.row(headline).waitFor({ state: 'detached' });
  }

  async showTrash(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.t.library.views }).getByRole('link', { name: this.t.library.trash, exact: true }).click();
    await this.trashHeading().waitFor();
    await this.page.getByRole('status').filter({ hasText: this.t.library.loading }).waitFor({ state: 'detached' });
  }

  async showActive(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.t.library.views }).getByRole('link', { name: this.t.library.active, exact: true }).click();
    await this.waitReady();
  }
}
