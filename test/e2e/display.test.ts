/**
 * What the desk's shell offers every page: the keyboard shortcuts overview (F1, or "?" when not
 * typing) and the colour theme (the system's, light or dark, remembered); and a new article
 * opening with the caret in its headline, where "?" is just a character.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';

const w = resources.vi.workspace;

describe('the desk shell', () => {
  const h = useHarness();

  it('opens the shortcuts overview with F1 or "?", puts the caret in a new headline, and keeps the theme chosen', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);

    const dialog = page.getByRole('dialog', { name: w.shortcuts.title, exact: true });
    await page.keyboard.press('F1');
    await dialog.waitFor();
    expect(await dialog.getByRole('row').filter({ hasText: w.shortcuts.items.link }).innerText()).toContain('Ctrl+K');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('?');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: w.shortcuts.close, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A new article: the caret is in its headline, and "?" typed there is text.
    await library.newArticle();
    await article.waitReady();
    await expect.poll(() => article.headline().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Ai? Ở đâu?');
    await expect.poll(() => article.headline().inputValue()).toBe('Ai? Ở đâu?');
    expect(await dialog.isVisible()).toBe(false);

    // The theme: dark when chosen, kept after a reload; "system" follows the system's preference.
    const theme = page.getByLabel(w.theme.label, { exact: true });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await theme.selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await article.waitReady();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await theme.inputValue()).toBe('dark');
    await theme.selectOption('system');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});
