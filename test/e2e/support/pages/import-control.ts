/** The library's "Import…" control, found by its accessible name in the interface's language. */
import type { Locator, Page } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { Language } from '../../../../src-shared/models';

export class ImportControl {
  constructor(
    readonly page: Page,
    private readonly language: Language = 'vi',
  ) {}

  get t(): (typeof resources)['vi']['import'] {
    return resources[this.language].import;
  }

  button(): Locator {
    return this.page.getByRole('button', { name: this.t.button, exact: true });
  }

  /** Presses the button and answers the file chooser it opens with `file`. */
  async importFile(file: { readonly name: string; readonly mimeType: string; readonly buffer: Buffer }): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.button().click()]);
    await chooser.setFiles(file);
  }
}
