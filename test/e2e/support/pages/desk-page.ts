/** What every screen of the desk shares: the shell, its language switch and its notices. */
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../../../src-shared/models';
import { editorTexts, texts, type EditorTexts, type Texts } from '../texts';

export class DeskPage {
  constructor(
    readonly page: Page,
    protected language: Language = 'vi',
  ) {}

  get t(): Texts {
    return texts(this.language);
  }

  get te(): EditorTexts {
    return editorTexts(this.language);
  }

  /** The page objects follow the interface's language; call when it changes. */
  speak(language: Language): void {
    this.language = language;
  }

  languageSwitch(): Locator {
    return this.page.getByLabel(this.t.language.label, { exact: true });
  }

  async switchLanguage(language: Language): Promise<void> {
    await this.languageSwitch().selectOption(language);
    this.speak(language);
    await this.languageSwitch().waitFor();
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  notices(): Locator {
    return this.page.getByRole('region', { name: this.t.notices.region, exact: true });
  }

  errorBanner(): Locator {
    return this.page.getByRole('alert');
  }
}
