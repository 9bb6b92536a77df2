/**
 * The article's Workflow tab and the status badge in the article bar, by roles and accessible
 * names in the interface's language.
 */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';
import { showTab } from './inspector';

export class WorkflowPanel extends DeskPage {
  get tw() {
    return resources[this.language].workflow;
  }

  async show(): Promise<void> {
    await showTab(this.page, this.language, 'workflow');
    await this.panel().waitFor();
  }

  panel(): Locator {
    return this.page.getByRole('region', { name: this.tw.title, exact: true });
  }

  /** A move's button by what it does ("Nộp bài", "Trả lại"…). */
  move(name: keyof (typeof resources)['vi']['workflow']['moves']): Locator {
    return this.panel().getByRole('button', { name: this.tw.moves[name], exact: true });
  }

  /** The move waiting to be sent, as the panel announces it. */
  pending(): Locator {
    return this.panel().locator('.workflow__pending');
  }

  cancelPending(): Locator {
    return this.panel().getByRole('button', { name: this.tw.cancelPending, exact: true });
  }

  /** The status and waiting move in the article bar. */
  badge(): Locator {
    return this.page.locator('.article-bar .workflow-badge');
  }
}
