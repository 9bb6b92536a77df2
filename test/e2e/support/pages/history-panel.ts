/** The version history in the article's side panel, by roles and names in either language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { HistoryReason } from '../../../../src-shared/history';
import type { DiffField } from '../../../../src-shared/history';
import { DeskPage } from './desk-page';
import { fill } from '../texts';
import { inspectorTab } from './inspector';

export type HistoryTexts = (typeof resources)['vi']['history'];

export class HistoryPanel extends DeskPage {
  get th(): HistoryTexts {
    return resources[this.language].history;
  }

  /** The inspector's History tab. */
  tab(): Locator {
    return inspectorTab(this.page, this.language, 'history');
  }

  async open(): Promise<void> {
    if ((await this.tab().getAttribute('aria-selected')) !== 'true') await this.tab().click();
    await this.saveNowButton().waitFor();
  }

  saveNowButton(): Locator {
    return this.page.getByRole('button', { name: this.th.saveNow, exact: true });
  }

  list(): Locator {
    return this.page.getByRole('listbox', { name: this.th.listLabel, exact: true });
  }

  versions(): Locator {
    return this.list().getByRole('option');
  }

  /** The versions saved for `reason`, newest first. */
  versionsFor(reason: HistoryReason): Locator {
    return this.versions().filter({ hasText: this.th.reason[reason] });
  }

  async saveNow(): Promise<void> {
    const before = await this.versionsFor('manual').count();
    await this.saveNowButton().click();
    await this.versionsFor('manual').nth(before).waitFor();
  }

  /** The comparison of one field ("headline", "sapo", "body") with now. */
  diffField(field: DiffField): Locator {
    return this.page.getByRole('region', { name: fill(this.th.fieldDiff, { field: this.th.field[field] }), exact: true });
  }

  added(field: DiffField): Locator {
    return this.diffField(field).locator('ins');
  }

  /** The added words of a field as read aloud ("thêm: và Lào Cai"), spaces collapsed. */
  async addedTexts(field: DiffField): Promise<string[]> {
    return (await this.added(field).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  removed(field: DiffField): Locator {
    return this.diffField(field).locator('del');
  }

  async restoreChosen(): Promise<void> {
    await this.page.getByRole('button', { name: this.th.restore, exact: true }).click();
    await this.page.getByRole('button', { name: this.th.confirm, exact: true }).click();
  }

  restoredMessage(time: string): Locator {
    return this.page.getByRole('status').filter({ hasText: fill(this.th.restored, { time }) });
  }
}
