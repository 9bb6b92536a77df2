/**
 * The notice under a typed field that two desks wrote differently (FieldConflict), found by its
 * accessible name — "“<field label>” có nhiều giá trị khác nhau" — in the interface's language.
 */
import type { Locator } from 'playwright-core';
import { DeskPage } from './desk-page';
import { fill } from '../texts';

export class FieldConflictNotice extends DeskPage {
  /** The notice of the field labelled `label` (as its own label reads). */
  notice(label: string): Locator {
    return this.page.getByRole('group', { name: fill(this.te.conflict.title, { field: label }), exact: true });
  }

  /** Each value listed, as "<value> — <who, at when>". */
  async candidates(label: string): Promise<string[]> {
    const items = this.notice(label).getByRole('list', { name: this.te.conflict.candidates, exact: true }).getByRole('listitem');
    const out: string[] = [];
    for (const item of await items.all()) {
      const value = (await item.locator('.field-conflict__value').innerText()).trim();
      const by = (await item.locator('.field-conflict__by').innerText()).trim();
      out.push(`${value} — ${by}`);
    }
    return out;
  }

  /** The button that keeps `value` as written by `who`. */
  useButton(label: string, value: string, who: string): Locator {
    return this.notice(label).getByRole('button', { name: fill(this.te.conflict.useLabel, { value, who }), exact: true });
  }

  combined(label: string): Locator {
    return this.notice(label).getByLabel(this.te.conflict.combined, { exact: true });
  }

  /** The accessible name of the focused element (its aria-label, else its label's text). */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.getAttribute('aria-label');
      if (label) return label;
      const labels = (el as HTMLInputElement).labels;
      return labels && labels.length ? (labels[0]!.textContent ?? '').trim() : (el.textContent ?? '').trim();
    });
  }
}
