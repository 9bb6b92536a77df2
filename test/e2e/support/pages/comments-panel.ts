/** The Comments tab of the article's inspector, by roles and names in either language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';
import { inspectorTab } from './inspector';

export type CommentTexts = (typeof resources)['vi']['workspace']['comments'];

export class CommentsPanel extends DeskPage {
  get tc(): CommentTexts {
    return resources[this.language].workspace.comments;
  }

  tab(): Locator {
    return inspectorTab(this.page, this.language, 'comments');
  }

  /** The box of a new comment on `quote`. */
  newBox(quote: string): Locator {
    return this.page.getByLabel(this.tc.newLabel.replace('{{quote}}', quote), { exact: true });
  }

  /** The listed threads (of the chosen filter). */
  threads(): Locator {
    return this.page.locator('.comments__list > li.comment');
  }

  /** The thread on these words, by its words button. */
  thread(words: string): Locator {
    return this.threads().filter({ has: this.page.getByRole('button', { name: this.tc.showWords.replace('{{words}}', words), exact: true }) });
  }

  filter(which: keyof CommentTexts['filters'], n: number): Locator {
    return this.page.getByRole('radio', { name: this.tc.filters[which].replace('{{n}}', String(n)), exact: true });
  }
}
