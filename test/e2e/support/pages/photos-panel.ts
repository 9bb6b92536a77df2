/**
 * The article's photos panel: adding photos by the dialog or by dropping files, and each
 * photo's card by its position, with its fields found by their labels.
 */
import type { Locator, Page } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { Language } from '../../../../src-shared/models';
import { fill } from '../texts';
import { showTab } from './inspector';

export type PhotosTexts = (typeof resources)['vi']['photos'];

export class PhotosPanel {
  constructor(
    readonly page: Page,
    private language: Language = 'vi',
  ) {}

  get tp(): PhotosTexts {
    return resources[this.language].photos;
  }

  speak(language: Language): void {
    this.language = language;
  }

  /** Brings the inspector's Photos tab forward (adding and dropping photos do it themselves). */
  show(): Promise<void> {
    return showTab(this.page, this.language, 'photos');
  }

  panel(): Locator {
    return this.page.locator('section.photos-panel');
  }

  cards(): Locator {
    return this.panel().locator('li.photo-card');
  }

  card(index: number): Locator {
    return this.cards().nth(index);
  }

  status(): Locator {
    return this.panel().getByRole('status');
  }

  errors(): Locator {
    return this.panel().getByRole('alert');
  }

  /** Chooses files through the dialog ("Add photos…", or a planned photo's "Choose image file…"). */
  async choose(files: readonly string[], planned?: number): Promise<void> {
    await this.show();
    const chooser = this.page.waitForEvent('filechooser');
    if (planned === undefined) await this.panel().getByRole('button', { name: this.tp.add, exact: true }).click();
    else await this.card(planned).getByRole('button', { name: this.tp.card.attach, exact: true }).click();
    await (await chooser).setFiles([...files]);
  }

  /** Drops files on the panel as a file manager would (a DataTransfer holding File objects). */
  async drop(files: ReadonlyArray<{ name: string; bytes: Buffer; type: string }>): Promise<void> {
    await this.show();
    const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') }));
    await this.panel().evaluate((el, list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, payload);
  }

  /** Drags card `from` onto card `to` as a mouse drag would (dragstart, dragover, drop with one DataTransfer). */
  async dragCard(from: number, to: number): Promise<void> {
    await this.panel().evaluate(
      (el, { from, to }) => {
        const cards = el.querySelectorAll('li.photo-card');
        const dt = new DataTransfer();
        cards[from]!.querySelector('.photo-card__media')!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true, cancelable: true }));
        cards[to]!.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        cards[to]!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { from, to },
    );
  }

  /** Shows the Photos tab and waits until `count` cards show, and no import is running. */
  async waitCount(count: number): Promise<void> {
    await this.show();
    await this.page.waitForFunction((n) => document.querySelectorAll('section.photos-panel li.photo-card').length === n, count);
    await this.page.waitForFunction(() => !document.querySelector('section.photos-panel [role="status"]')?.textContent);
  }

  caption(index: number, lang: Language): Locator {
    return this.card(index).getByLabel(new RegExp(`^${this.tp.card.caption[lang]}`));
  }

  credit(index: number): Locator {
    return this.card(index).getByLabel(this.tp.card.credit, { exact: true });
  }

  creator(index: number): Locator {
    return this.card(index).getByLabel(this.tp.card.creator, { exact: true });
  }

  persons(index: number): Locator {
    return this.card(index).getByLabel(this.tp.card.persons, { exact: true });
  }

  featured(index: number): Locator {
    return this.card(index).getByLabel(this.tp.card.featured, { exact: true });
  }

  moveDown(index: number): Locator {
    return this.card(index).getByRole('button', { name: fill(this.tp.card.downLabel, { number: String(index + 1) }), exact: true });
  }

  placeInBody(index: number): Locator {
    return this.card(index).getByRole('button', { name: this.tp.card.inline, exact: true });
  }

  /** The thumbnail has loaded and has pixels. */
  async thumbLoaded(index: number): Promise<boolean> {
    await this.show();
    const img = this.card(index).locator('img.photo-card__img');
    await img.waitFor();
    return img.evaluate(async (el: HTMLImageElement) => {
      if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }));
      return el.naturalWidth > 0;
    });
  }

  ids(): Promise<string[]> {
    return this.cards().evaluateAll((els) => els.map((e) => e.getAttribute('data-photo') ?? ''));
  }
}
