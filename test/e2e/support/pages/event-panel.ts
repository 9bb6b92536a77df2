/** The article's event panel, its place picker and glossary completions, and the submission checklist, by their accessible names. */
import type { Locator, Page } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { Language } from '../../../../src-shared/models';
import { fill } from '../texts';
import { showTab } from './inspector';

export class EventPanel {
  constructor(
    readonly page: Page,
    private language: Language = 'vi',
  ) {}

  get t() {
    return resources[this.language].event;
  }

  get tc() {
    return resources[this.language].checklist;
  }

  speak(language: Language): void {
    this.language = language;
  }

  /** Brings the inspector's Event tab forward. */
  show(): Promise<void> {
    return showTab(this.page, this.language, 'event');
  }

  /** Brings the inspector's Checklist tab forward. */
  showChecklist(): Promise<void> {
    return showTab(this.page, this.language, 'checklist');
  }

  region(): Locator {
    return this.page.getByRole('region', { name: this.t.title, exact: true, includeHidden: true });
  }

  title(): Locator {
    return this.region().getByLabel(this.t.eventTitle, { exact: true });
  }

  start(): Locator {
    return this.region().getByLabel(this.t.start, { exact: true });
  }

  end(): Locator {
    return this.region().getByLabel(this.t.end, { exact: true });
  }

  /** Types a date as a person does ("09/01/2026 08:00") and presses Enter, which reads it. */
  async typeDate(field: 'start' | 'end', text: string): Promise<void> {
    const input = field === 'start' ? this.start() : this.end();
    await input.fill(text);
    await input.press('Enter');
  }

  /** The message under a date field that refused what was typed. */
  dateError(field: 'start' | 'end'): Locator {
    // The inner locator is looked for inside each .date-input, so it starts from the page.
    const input = this.page.getByLabel(field === 'start' ? this.t.start : this.t.end, { exact: true });
    return this.region().locator('.date-input').filter({ has: input }).getByRole('alert');
  }

  timeZone(): Locator {
    return this.region().getByLabel(this.t.timeZone, { exact: true });
  }

  venue(): Locator {
    return this.region().getByLabel(this.t.venue, { exact: true });
  }

  placeField(): Locator {
    return this.region().getByRole('combobox', { name: this.t.place.label, exact: true });
  }

  placeOptions(): Locator {
    return this.region().getByRole('listbox', { name: this.t.place.label, exact: true }).getByRole('option');
  }

  chosenPlace(): Locator {
    return this.region().locator('.event-place__chosen');
  }

  addOrganiser(): Locator {
    return this.region().getByRole('button', { name: this.t.organiserAdd, exact: true });
  }

  organiserField(n: number): Locator {
    return this.region().getByRole('combobox', { name: fill(this.t.organiserName, { n: String(n) }), exact: true });
  }

  addParticipant(): Locator {
    return this.region().getByRole('button', { name: this.t.participantAdd, exact: true });
  }

  participantField(n: number, which: 'person' | 'personTitle' | 'organisation'): Locator {
    return this.region().getByLabel(`${this.t[which]} (${fill(this.t.participantLabel, { n: String(n) })})`, { exact: true });
  }

  suggestions(): Locator {
    return this.region().getByRole('listbox', { name: this.t.suggestions, exact: true }).getByRole('option');
  }

  /** The checklist, also while its tab is not shown (its items' state can be read then). */
  checklist(): Locator {
    return this.page.getByRole('region', { name: this.tc.title, exact: true, includeHidden: true });
  }

  checklistItem(id: keyof (typeof resources)['vi']['checklist']['items']): Locator {
    return this.checklist().locator(`[data-item="${id}"]`);
  }
}
