import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src-shared/format';
import { ROOT } from '../support/child';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';

const sample = JSON.parse(readFileSync(path.join(ROOT, 'assets', 'sample', 'article.vi.json'), 'utf8')) as { headline: string; byline: string; dateline: string };
const DATE = /^\d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}$/;

describe('the library', () => {
  const h = useHarness();

  it('loads the sample article from the empty library, with its headline and dates as newsrooms write them', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.emptyState().waitFor();

    await library.loadSample();
    const cells = await library.cells(sample.headline);
    expect(cells[1]).toBe('Bản nháp');
    expect(cells[2]).toBe('Tiếng Việt');
    expect(cells[3]).toBe(sample.byline);
    // The story's date (the sample's date line), then when it was last saved.
    expect(cells[4]).toBe(formatDateTime(sample.dateline));
    expect(cells[5]).toMatch(DATE);
    expect(await library.emptyState().count()).toBe(0);

    await library.open(sample.headline);
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();
    expect(await article.headline().inputValue()).toBe(sample.headline);
    expect(await article.byline().inputValue()).toBe(sample.byline);
    const created = await article.fact(article.t.article.created).innerText();
    expect(created).toMatch(DATE);
    expect(created).toBe(formatDateTime(sample.dateline));
    expect(Number((await article.fact(article.t.article.words).innerText()).replace(/\D/g, ''))).toBeGreaterThan(100);
  });

  it('moves an article to the trash and restores it, by keyboard', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    for (const headline of ['Đà Lạt mùa hoa', 'Ấp Bắc mùa lúa chín', 'Bắc Kạn đón khách']) {
      await library.newArticle();
      await article.waitReady();
      await article.typeInto(article.headline(), headline);
      await article.waitSaved();
      await article.back();
      await library.waitReady();
    }
    // Vietnamese collation (Ấ with the A's, Đ after D), not code-point order (which puts Ấ last).
    await expect.poll(() => library.headlines()).toEqual(['Ấp Bắc mùa lúa chín', 'Bắc Kạn đón khách', 'Đà Lạt mùa hoa']);

    const trashButton = page.getByRole('button', { name: 'Bỏ vào thùng rác: “Bắc Kạn đón khách”', exact: true });
    await trashButton.focus();
    await page.keyboard.press('Enter');
    await library.row('Bắc Kạn đón khách').waitFor({ state: 'detached' });
    await expect.poll(() => library.headlines()).toEqual(['Ấp Bắc mùa lúa chín', 'Đà Lạt mùa hoa']);

    await library.showTrash();
    expect(await library.headlines()).toEqual(['Bắc Kạn đón khách']);
    await library.restore('Bắc Kạn đón khách');
    await page.getByText(library.t.library.trashEmpty).waitFor();

    await library.showActive();
    await expect.poll(() => library.headlines()).toEqual(['Ấp Bắc mùa lúa chín', 'Bắc Kạn đón khách', 'Đà Lạt mùa hoa']);

    // Opening with the keyboard: focus the link, press Enter.
    await library.link('Đà Lạt mùa hoa').focus();
    await page.keyboard.press('Enter');
    await article.waitReady();
    expect(await article.headline().inputValue()).toBe('Đà Lạt mùa hoa');
  });
});
