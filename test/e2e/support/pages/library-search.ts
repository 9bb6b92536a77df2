/** The library's search bar and results, found by roles and accessible names in the interface language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import { DeskPage } from './desk-page';

export type SearchTexts = (typeof resources)['vi']['search'];

export class LibrarySearch extends DeskPage {
  get st(): SearchTexts {
    return resources[this.language].search;
  }

  box(): Locator {
    return this.page.getByRole('searchbox', { name: this.st.label, exact: true });
  }

  filter(name: 'status' | 'language' | 'from' | 'to'): Locator {
    return this.page.getByRole('search', { name: this.st.region }).getByLabel(this.st[name], { exact: true });
  }

  results(): Locator {
    return this.page.getByRole('region', { name: this.st.results, exact: true });
  }

  count(): Locator {
    return this.results().getByRole('status');
  }

  /** The result whose headline link reads `headline`. */
  hit(headline: string): Locator {
    return this.results().getByRole('listitem').filter({ has: this.page.getByRole('link', { name: headline, exact: true }) });
  }

  async headlines(): Promise<string[]> {
    return (await this.results().getByRole('link').allInnerTexts()).map((s) => s.trim());
  }

  /** The words marked in a result's headline and in its snippet. */
  async marked(headline: string): Promise<{ headline: string[]; snippet: string[] }> {
    const hit = this.hit(headline);
    return {
      headline: await hit.getByRole('link').locator('mark').allInnerTexts(),
      snippet: await hit.locator('p mark').allInnerTexts(),
    };
  }
}
