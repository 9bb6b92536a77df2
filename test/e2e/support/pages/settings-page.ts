/** The settings page, by roles and accessible names in the current interface language. */
import type { Locator } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { Language } from '../../../../src-shared/models';
import { DeskPage } from './desk-page';

export class SettingsPage extends DeskPage {
  get ts() {
    return resources[this.language].settings;
  }

  /** The header's link to the page. */
  navLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: this.ts.open, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.ts.title, exact: true });
  }

  section(name: keyof (typeof resources)['vi']['settings']['section']): Locator {
    return this.page.getByRole('region', { name: this.ts.section[name], exact: true });
  }

  languageOption(language: Language): Locator {
    return this.section('language').getByRole('radio', { name: resources[this.language].common.language[language], exact: true });
  }

  uploadUrl(): Locator {
    return this.section('upload').getByLabel(this.ts.upload.url, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
