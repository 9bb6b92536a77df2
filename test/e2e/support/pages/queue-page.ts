/** The editors' queue (`#/queue`) and its header link, by roles and accessible names in the interface's language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';

export class QueuePage extends DeskPage {
  get tq() {
    return resources[this.language].workflow.queue;
  }

  headerLink(): Locator {
    return this.page.locator('.app-header').getByRole('link', { name: this.tq.open, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.tq.title, exact: true });
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.tq.tableLabel, exact: true });
  }

  /** The headlines in the table's order. */
  headlines(): Promise<string[]> {
    return this.table().locator('tbody tr td:first-child a').allInnerTexts();
  }

  row(headline: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name: headline, exact: true }) });
  }

  filters(): Locator {
    return this.page.getByRole('group', { name: this.tq.filters, exact: true });
  }

  /** A row's on-air time as it shows ("1:53"). */
  onAir(headline: string): Promise<string> {
    return this.row(headline).getByTestId('on-air').locator('[aria-hidden="true"]').innerText();
  }

  /** A sortable column's header button. */
  sortButton(column: 'arrivedAt' | 'words' | 'onAir'): Locator {
    return this.table().getByRole('columnheader', { name: this.tq[column] }).getByRole('button');
  }

  /** The column the table is sorted by, and which way (its header's aria-sort). */
  async sortedBy(): Promise<[string, string]> {
    const header = this.table().locator('th[aria-sort]');
    return [((await header.locator('button').textContent()) ?? '').replace(/[↑↓↕]/g, '').trim(), (await header.getAttribute('aria-sort')) ?? ''];
  }

  /** The filter buttons' names ("Tất cả (2)", "Bị trả lại (1)"…). */
  filterNames(): Promise<string[]> {
    return this.filters().getByRole('button').allInnerTexts();
  }
}
