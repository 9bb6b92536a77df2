/**
 * Spellcheck in the body, in Chromium: a misspelt word underlined, fixed from its menu by
 * keyboard (Ctrl+.) in a Vietnamese article with the interface in Vietnamese, and in an English
 * article with the interface in English (opened by a right click, closed, then by Ctrl+.). The
 * dictionaries come from the desk itself: every request of the page and its worker goes to
 * 127.0.0.1, or the test fails.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { headline, setBodyLines, setText } from '../../src-shared/article-doc';
import { resources } from '../../src-shared/locales';
import type { Language } from '../../src-shared/models';
import { openDesk } from '../../src-main/services/desk';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';

/** Every URL the page's context asks for (the worker's requests included). */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

function expectOnlyLoopback(urls: readonly string[]): void {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(new URL(url).hostname, url).toBe('127.0.0.1');
  // The dictionaries were fetched, from the desk: the listener sees the worker's requests.
  expect(urls.some((u) => u.endsWith('.dic'))).toBe(true);
}

describe('spellcheck', () => {
  const h = useHarness();

  async function open(language: Language, line: string, title = ''): Promise<{ page: Page; article: ArticlePage }> {
    const dataDir = await h.dataDir();
    const seed = await openDesk({ dataDir, mode: 'cli', version: 'test' });
    await seed.updateSettings({ language });
    const { id } = await seed.articles.create({ language }, (doc) => {
      setBodyLines(doc, [line]);
      setText(headline(doc), title);
    });
    await seed.close();
    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const urls = watchRequests(page);
    const article = new ArticlePage(page, language);
    await page.goto(desk.url);
    await page.goto(`${desk.origin}/#/article/${id}`);
    await article.waitReady();
    (page as Page & { urls?: string[] }).urls = urls;
    return { page, article };
  }

  it('underlines a Telex leftover in Vietnamese and replaces it from the menu by keyboard', async () => {
    const { page, article } = await open('vi', 'Chúng tôi hoir thăm bà con ở Hà Giang.', 'Tin tuwcs từ Hà Giang');
    const miss = article.body().locator('.spell-miss');
    // The worker loads both dictionaries first (a few seconds on a loaded machine).
    await expect.poll(() => miss.allInnerTexts(), { timeout: 20_000 }).toEqual(['hoir']);
    // The browser's own checker is off where ours runs.
    expect(await article.body().getAttribute('spellcheck')).toBe('false');

    await article.body().click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Chúng tôi ho'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Period');
    const menu = page.getByRole('menu', { name: resources.vi.spell.menu.replace('{{word}}', 'hoir') });
    await menu.waitFor();
    const items = menu.getByRole('menuitem');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 }).toBe('hỏi');
    expect(await items.allInnerTexts()).toContain(resources.vi.spell.add);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });

    await expect.poll(() => article.bodyText()).toBe('Chúng tôi hỏi thăm bà con ở Hà Giang.');
    await expect.poll(() => miss.count()).toBe(0);
    // Typing goes on where the word was: the focus came back to the body.
    await page.keyboard.type(' nhé');
    await expect.poll(() => article.bodyText()).toContain('hỏi nhé');

    // The headline, a plain field: marked by an overlay, fixed from the same menu.
    await expect.poll(() => page.locator('.spell-overlay .spell-miss').allInnerTexts(), { timeout: 10_000 }).toEqual(['tuwcs']);
    expect(await article.headline().getAttribute('spellcheck')).toBe('false');
    await article.headline().click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Tin tu'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Period');
    const headlineMenu = page.getByRole('menu', { name: resources.vi.spell.menu.replace('{{word}}', 'tuwcs') });
    await headlineMenu.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 }).toBe('tức');
    await page.keyboard.press('Enter');
    await expect.poll(() => article.headline().inputValue()).toBe('Tin tức từ Hà Giang');
    await expect.poll(() => page.locator('.spell-overlay .spell-miss').count()).toBe(0);
    expectOnlyLoopback((page as Page & { urls?: string[] }).urls!);
  });

  it('checks an English article in English, Vietnamese names let through; its menu opens from a right click and by keyboard', async () => {
    const { page, article } = await open('en', 'The minister recieve delegates from Dakruco and the goverment in Hà Nội.');
    const miss = article.body().locator('.spell-miss');
    await expect.poll(() => miss.allInnerTexts(), { timeout: 20_000 }).toEqual(['recieve', 'Dakruco', 'goverment']);
    await miss.first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: resources.en.spell.menu.replace('{{word}}', 'recieve') });
    await menu.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 }).toBe('receive');
    // Escape closes it untouched; with the interface in English too, Ctrl+. opens it from the
    // caret in the word and Enter takes the first suggestion.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await miss.allInnerTexts()).toEqual(['recieve', 'Dakruco', 'goverment']);
    await article.body().click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'The minister reci'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Period');
    await menu.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 }).toBe('receive');
    expect(await menu.getByRole('menuitem').allInnerTexts()).toContain(resources.en.spell.add);
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => article.bodyText()).toBe('The minister receive delegates from Dakruco and the goverment in Hà Nội.');
    await expect.poll(() => miss.allInnerTexts()).toEqual(['Dakruco', 'goverment']);

    // "Add to the newsroom dictionary": the word is known at once, and still after a reload (the
    // desk keeps it); the misspelling beside it, still marked, shows the check ran.
    await miss.first().click({ button: 'right' });
    const named = page.getByRole('menu', { name: resources.en.spell.menu.replace('{{word}}', 'Dakruco') });
    await named.getByRole('menuitem', { name: resources.en.spell.add, exact: true }).click();
    await expect.poll(() => miss.allInnerTexts()).toEqual(['goverment']);
    await page.reload();
    await article.waitReady();
    await expect.poll(() => miss.allInnerTexts(), { timeout: 20_000 }).toEqual(['goverment']);
    expectOnlyLoopback((page as Page & { urls?: string[] }).urls!);
  });
});
