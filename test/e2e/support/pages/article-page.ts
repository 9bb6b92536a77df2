/**
 * The article screen: its fields by label, the rich body and its toolbar, the counters, its
 * save status, and typing as a reporter types.
 */
import type { Locator } from 'playwright-core';
import { DeskPage } from './desk-page';
import { pattern, type EditorTexts } from '../texts';

export class ArticlePage extends DeskPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.article.title, exact: true });
  }

  async waitReady(): Promise<void> {
    await this.heading().waitFor();
  }

  headline(): Locator {
    return this.page.getByLabel(this.t.article.headline, { exact: true });
  }

  sapo(): Locator {
    return this.page.getByLabel(this.t.article.sapo, { exact: true });
  }

  /** The rich body (a contenteditable textbox). */
  body(): Locator {
    return this.page.getByRole('textbox', { name: this.t.article.body, exact: true });
  }

  /** The body's top-level blocks as lines of text (a list is one line). */
  bodyText(): Promise<string> {
    return this.body().evaluate((el) =>
      Array.from(el.children)
        .map((block) => block.textContent ?? '')
        .join('\n'),
    );
  }

  /** The body's HTML as the editor shows it. */
  bodyHtml(): Promise<string> {
    return this.body().innerHTML();
  }

  slug(): Locator {
    return this.page.getByLabel(this.te.slug.label, { exact: true });
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: this.te.toolbar.label, exact: true });
  }

  tool(name: Exclude<keyof EditorTexts['toolbar'], 'label'>): Locator {
    return this.toolbar().getByRole('button', { name: this.te.toolbar[name], exact: true });
  }

  /** A counter's value ("words", "characters", "characters-no-spaces", "reading", "on-air"). */
  count(which: 'words' | 'characters' | 'characters-no-spaces' | 'reading' | 'on-air'): Locator {
    return this.page.getByTestId(`count-${which}`);
  }

  byline(): Locator {
    return this.page.getByLabel(this.t.article.byline, { exact: true });
  }

  saveStatus(): Locator {
    return this.page.locator('[role="status"][data-state]');
  }

  /** The value shown next to a label in the article's details ("Tạo lúc", "Số từ"…). */
  fact(label: string): Locator {
    return this.page.locator('.facts > div').filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
  }

  async fields(): Promise<{ headline: string; sapo: string; body: string; byline: string }> {
    return {
      headline: await this.headline().inputValue(),
      sapo: await this.sapo().inputValue(),
      body: await this.bodyText(),
      byline: await this.byline().inputValue(),
    };
  }

  /** Types with the keyboard, key by key, at the end of the field ("\n" presses Enter). */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Waits until everything typed is acknowledged as saved ("Đã lưu lúc 17:53"). */
  async waitSaved(): Promise<void> {
    // The status line learns of the last key's "saving" just after that key's frame is painted.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const saved = pattern(this.t.article.savedAt, { time: '\\d{2}:\\d{2}' });
    await this.page.waitForFunction(
      ({ source }) => {
        const el = document.querySelector('[role="status"][data-state]');
        return el?.getAttribute('data-state') === 'saved' && new RegExp(source).test(el.textContent ?? '');
      },
      { source: saved.source },
    );
  }

  /** The id of the article shown (from the page's address, `#/article/<id>`). */
  articleId(): string {
    const m = /#\/article\/([^/?#]+)/.exec(this.page.url());
    if (!m) throw new Error(`not on an article page: ${this.page.url()}`);
    return m[1]!;
  }

  /** Pastes as the clipboard would: a paste event carrying `text/plain` and/or `text/html`. */
  async paste(data: { readonly text?: string; readonly html?: string }): Promise<void> {
    await this.body().evaluate((el, d) => {
      const transfer = new DataTransfer();
      if (d.text !== undefined) transfer.setData('text/plain', d.text);
      if (d.html !== undefined) transfer.setData('text/html', d.html);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, data);
  }

  async back(): Promise<void> {
    await this.page.getByRole('link', { name: this.t.article.back }).click();
  }
}
