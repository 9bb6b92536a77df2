/**
 * Dates typed in the event panel, in Chromium through web mode: the Vietnamese form
 * "13/01/2022 17:53" stored as that wall-clock time in the event's zone (shown as GMT+7), the
 * English interface reading the same day-first 24-hour form, and impossible dates — 31/02, a
 * time of 25:61, the year 0800 — refused with the reason in the interface language while the
 * desk keeps what it had. The story's own date in the article's details and the library's date
 * filters (a day alone) are typed the same way.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEvent, type EventView } from '../../src-shared/article-event';
import { resources } from '../../src-shared/locales';
import { articleOnDisk } from './support/disk';
import { useHarness } from './support/harness';
import { showTab } from './support/pages/inspector';
import { ArticlePage } from './support/pages/article-page';
import { EventPanel } from './support/pages/event-panel';
import { LibraryPage } from './support/pages/library-page';
import { LibrarySearch } from './support/pages/library-search';
import { fill } from './support/texts';

/** The article's event as the desk saved it in its data folder. */
async function eventOnDisk(dataDir: string, id: string): Promise<EventView | null> {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await fs.readFile(path.join(dataDir, 'articles', `${id}.ydoc`))));
    return readEvent(doc);
  } catch {
    return null;
  }
}

describe('the date input', () => {
  const h = useHarness();

  it('reads 13/01/2022 17:53 in both languages, and refuses 31/02, 25:61 and the year 0800 without storing them; the story date and the library filters too', async () => {
    const dir = await h.dataDir();
    const desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const event = new EventPanel(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    const id = article.articleId();
    await event.show();
    const stored = async () => (await eventOnDisk(dir, id)) ?? { start: '', end: '' };

    // Vietnamese: day first, 24-hour, the zone beside it.
    await event.typeDate('start', '13/01/2022 17:53');
    await expect.poll(async () => (await stored()).start).toBe('2022-01-13T17:53');
    expect(await event.start().inputValue()).toBe('13/01/2022 17:53');
    expect(await event.region().locator('.date-input__zone > [aria-hidden="true"]').first().innerText()).toBe('GMT+7');
    expect(await event.start().getAttribute('aria-invalid')).toBe('false');

    // The end on a day February does not have: refused with the reason, not stored.
    await event.typeDate('end', '31/02/2022 10:00');
    const te = resources.vi.common.dateInput.errors;
    await expect.poll(() => event.dateError('end').innerText()).toBe(`Tháng 02/2022 chỉ có 28 ngày, không có ngày 31. ${te.notSaved}`);
    expect(await event.end().getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await event.end().getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await event.dateError('end').getAttribute('id'));
    // A mistyped year, the way a field once turned into 0800: refused the same way, on leaving the field.
    await event.end().fill('13/01/0800 19:30');
    await event.title().focus();
    await expect.poll(() => event.dateError('end').innerText()).toContain('Năm 0800 nằm ngoài khoảng 1900–2100');
    await article.waitSaved();
    expect((await stored()).end).toBe('');
    // Escape puts back what is stored.
    await event.end().press('Escape');
    expect(await event.end().inputValue()).toBe('');
    expect(await event.dateError('end').count()).toBe(0);

    // English: the same day-first form (the desk's English is British), messages in English.
    await library.switchLanguage('en');
    event.speak('en');
    article.speak('en');
    expect(await event.start().inputValue()).toBe('13/01/2022 17:53');
    await event.typeDate('end', '13/01/2022 25:61');
    await expect.poll(() => event.dateError('end').innerText()).toBe(`There is no time 25:61: hours go from 0 to 23, minutes from 0 to 59. ${resources.en.common.dateInput.errors.notSaved}`);
    await event.typeDate('end', '13/01/2022 19:30');
    await expect.poll(async () => (await stored()).end).toBe('2022-01-13T19:30');
    expect(await event.dateError('end').count()).toBe(0);
    expect(await event.end().inputValue()).toBe('13/01/2022 19:30');
    expect((await stored()).start).toBe('2022-01-13T17:53');

    // The story's own date, in the details: Vietnam's wall-clock time, stored with its offset;
    // a date without its time is refused there.
    await showTab(page, 'en', 'details');
    const storyDate = page.getByLabel(resources.en.common.article.storyDate, { exact: true });
    await storyDate.fill('13/01/2022 17:53');
    await storyDate.press('Enter');
    await expect.poll(async () => (await articleOnDisk(dir, id))?.storyDate).toBe('2022-01-13T17:53:00+07:00');
    await storyDate.fill('14/01/2022');
    await storyDate.press('Enter');
    await expect.poll(() => page.locator('.story-date').getByRole('alert').innerText()).toContain('The time is missing');
    await article.waitSaved();
    expect((await articleOnDisk(dir, id))?.storyDate).toBe('2022-01-13T17:53:00+07:00');

    // The library's date filters take a day alone, typed the same way.
    await library.goto(`${desk.origin}/#/`);
    const search = new LibrarySearch(page, 'en');
    await search.filter('from').fill('13/01/2022 17:53');
    await search.filter('from').press('Enter');
    await expect.poll(() => page.getByRole('search').getByRole('alert').innerText()).toContain(resources.en.common.dateInput.errors.timeInDate);
    expect(await search.results().count()).toBe(0);
    await search.filter('from').fill('01/01/2100');
    await search.filter('from').press('Enter');
    await expect.poll(() => search.results().innerText()).toContain(resources.en.search.none);
    await search.filter('from').fill('01/01/2000');
    await search.filter('from').press('Enter');
    await expect.poll(() => search.count().innerText()).toBe(fill(resources.en.search.count, { n: '1' }));
  });
});
