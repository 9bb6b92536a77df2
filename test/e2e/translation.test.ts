/**
 * Translation in the real UI: "Dịch sang tiếng Anh" on a Vietnamese article opens the English
 * translation beside it, pair against pair; the translator types English paragraphs 1 and 2;
 * the Vietnamese paragraph 2 changes; its pair is marked stale with the Vietnamese words changed,
 * and Confirm (by keyboard) brings it back in step. The translation opened as an article marks
 * and lists the same stale block. Paragraphs made with Enter in the body each
 * get their own pair (their block ids are unique).
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';

const tr = resources.vi.translate;

describe('translation side by side', () => {
  const h = useHarness();

  it('makes the English translation, pairs it block by block, marks pair 2 stale and confirms it', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.headline().fill('Bão số 3 đổ bộ');
    await article.sapo().fill('Sáng nay, bão vào đất liền.');
    await article.body().click();
    await page.keyboard.insertText('Gió giật cấp 12.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('Có 63 tỉnh thành họp trực tuyến.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('Đê điều được gia cố.');
    await article.waitSaved();
    const sourceUrl = page.url();

    await page.getByRole('button', { name: tr.action.translateInto.replace('{{language}}', tr.language.en) }).click();
    await page.waitForURL(/#\/translation\//);
    const pairs = page.locator('.pair');
    await expect.poll(() => pairs.count()).toBe(5);
    expect(await pairs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['untranslated', 'untranslated', 'untranslated', 'untranslated', 'untranslated']);
    expect(await pairs.nth(3).locator('.pair__source').innerText()).toContain('Có 63 tỉnh thành họp trực tuyến.');

    // English paragraphs 1 and 2, typed by the translator.
    const english = (n: number) => page.getByRole('textbox', { name: tr.pair.editLabel.replace('{{what}}', tr.kind.paragraph.replace('{{n}}', String(n))), exact: true });
    await english(1).click();
    await page.keyboard.type('Gusts reach level 12.');
    await english(2).focus();
    await page.keyboard.type('63 provinces met online.');
    await expect.poll(() => pairs.nth(2).getAttribute('data-state')).toBe('fresh');
    await expect.poll(() => pairs.nth(3).getAttribute('data-state')).toBe('fresh');

    // The Vietnamese paragraph 2 changes on the source's page.
    await page.getByRole('link', { name: tr.page.backSource }).click();
    await article.waitReady();
    expect(page.url()).toBe(sourceUrl);
    await article.body().evaluate((el) => {
      const p = el.querySelectorAll('p')[1]!;
      const text = p.firstChild!;
      const at = text.textContent!.indexOf('63');
      (el as HTMLElement).focus();
      document.getSelection()!.setBaseAndExtent(text, at, text, at + 2);
    });
    await page.keyboard.insertText('64');
    await article.waitSaved();
    await page.getByRole('link', { name: tr.action.sideBySide.replace('{{language}}', tr.language.en) }).click();
    await page.waitForURL(/#\/translation\//);
    await expect.poll(() => pairs.count()).toBe(5);
    await expect.poll(() => pairs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['untranslated', 'untranslated', 'fresh', 'stale', 'untranslated']);
    expect(await pairs.nth(3).locator('.pair__source del').innerText()).toContain('63');
    expect(await pairs.nth(3).locator('.pair__source ins').innerText()).toContain('64');
    expect(await page.getByRole('status').filter({ hasText: '1 đoạn cũ · 3 đoạn chưa dịch' }).count()).toBe(1);

    // Opened as an article (as from the library), the translation shows the same: English
    // paragraph 2 marked in the body, and listed under the bar's button with the Vietnamese diff.
    await page.getByRole('link', { name: tr.page.back }).click();
    await article.waitReady();
    const marked = article.body().locator('.translation-stale');
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.innerText()).toBe('63 provinces met online.');
    const listed = page.getByRole('button', { name: tr.action.staleCount_other.replace('{{count}}', '1'), exact: true });
    await listed.click();
    const panel = page.getByRole('region', { name: tr.stalePanel.title });
    expect(await panel.locator('del').innerText()).toContain('63');
    expect(await panel.locator('ins').innerText()).toContain('64');
    expect(await panel.getByRole('button', { name: tr.pair.confirmLabel.replace('{{what}}', tr.kind.paragraph.replace('{{n}}', '2')) }).count()).toBe(1);
    await page.getByRole('link', { name: tr.action.sideBySideSource.replace('{{language}}', tr.language.vi) }).click();
    await page.waitForURL(/#\/translation\//);
    await expect.poll(() => pairs.nth(3).getAttribute('data-state')).toBe('stale');

    // "Next out-of-date block" takes the translator to English paragraph 2.
    await page.getByRole('button', { name: tr.page.nextStale }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => english(2).evaluate((el) => el === document.activeElement)).toBe(true);

    // Confirmed by keyboard: in step again.
    const confirm = page.getByRole('button', { name: tr.pair.confirmLabel.replace('{{what}}', tr.kind.paragraph.replace('{{n}}', '2')) });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pairs.nth(3).getAttribute('data-state')).toBe('fresh');
    expect(await english(2).inputValue()).toBe('63 provinces met online.');
    // On the translation's page the mark is gone with it.
    await page.getByRole('link', { name: tr.page.back }).click();
    await article.waitReady();
    await expect.poll(() => article.body().innerText()).toContain('63 provinces met online.');
    await expect.poll(() => article.body().locator('.translation-stale').count()).toBe(0);
  });
});
