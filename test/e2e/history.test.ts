/**
 * Version history in the real UI: save a version, change the text, see what changed, restore
 * the version, and take the restore back with Ctrl+Z.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { HistoryPanel } from './support/pages/history-panel';
import { LibraryPage } from './support/pages/library-page';

describe('version history', () => {
  const h = useHarness();

  it('shows what changed since a version, restores it, and Ctrl+Z brings the newer text back', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const history = new HistoryPanel(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();

    await article.typeInto(article.headline(), 'Lũ về Yên Bái');
    await article.typeInto(article.body(), 'Nước sông Hồng dâng cao.');
    await article.waitSaved();
    await history.open();
    await history.saveNow();
    const saved = history.versionsFor('manual').first();
    const savedAt = await saved.locator('time').innerText();
    // To the minute, with the seconds when another version shares that minute (the one made when the article was).
    expect(savedAt).toMatch(/^\d{2}:\d{2}(:\d{2})?, \d{2}\/\d{2}\/\d{4}$/);
    const stamps = await history.versions().locator('time').evaluateAll((els) => els.map((el) => ({ at: el.getAttribute('datetime') ?? '', shown: el.textContent ?? '' })));
    expect(stamps.length).toBeGreaterThan(1);
    for (const { at, shown } of stamps) {
      const minute = at.slice(0, 16);
      const shared = stamps.filter((s) => s.at.slice(0, 16) === minute).length > 1;
      expect(shown, at).toMatch(shared ? /^\d{2}:\d{2}:\d{2}, / : /^\d{2}:\d{2}, /);
      if (shared) expect(shown.slice(6, 8), at).toBe(new Date(at).toISOString().slice(17, 19));
    }
    expect(await saved.innerText()).toMatch(/\d+,\d KB · Số từ: 9/);

    await article.typeInto(article.headline(), ' và Lào Cai');
    await article.typeInto(article.body(), ' Nhiều nhà bị ngập.');
    await article.waitSaved();

    // Choose the version with the keyboard: the list takes focus and Enter chooses.
    await saved.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => saved.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => history.addedTexts('headline')).toEqual(['thêm: và Lào Cai']);
    await expect.poll(() => history.addedTexts('body')).toEqual(['thêm: Nhiều nhà bị ngập.']);
    expect(await history.removed('headline').count()).toBe(0);
    expect(await history.diffField('sapo').innerText()).toContain('Không thay đổi.');

    await history.restoreChosen();
    await expect.poll(() => article.headline().inputValue()).toBe('Lũ về Yên Bái');
    await expect.poll(() => article.bodyText()).toBe('Nước sông Hồng dâng cao.');
    await history.restoredMessage(savedAt).waitFor();
    // Restored: the version and now read the same, and the text before the restore was kept.
    await expect.poll(() => history.added('headline').count()).toBe(0);
    await history.versionsFor('restore').first().waitFor();
    await article.waitSaved();

    await article.headline().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => article.headline().inputValue()).toBe('Lũ về Yên Bái và Lào Cai');
    await expect.poll(() => article.bodyText()).toBe('Nước sông Hồng dâng cao. Nhiều nhà bị ngập.');
    await article.waitSaved();

    // What main saved is the undone text: a fresh page shows it.
    await page.reload();
    await article.waitReady();
    expect(await article.headline().inputValue()).toBe('Lũ về Yên Bái và Lào Cai');
    expect(await article.bodyText()).toBe('Nước sông Hồng dâng cao. Nhiều nhà bị ngập.');
  });

  it('speaks English too, and moves through the versions with the arrow keys', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const history = new HistoryPanel(page, 'vi');
    await library.goto(desk.url);
    await library.switchLanguage('en');
    article.speak('en');
    history.speak('en');
    await library.newArticle();
    await article.waitReady();

    await article.typeInto(article.headline(), 'Một');
    await article.waitSaved();
    await history.open();
    await history.saveNow();
    await article.typeInto(article.headline(), ' hai');
    await article.waitSaved();
    await history.saveNow();
    const manual = history.versionsFor('manual');
    expect(await manual.count()).toBe(2);
    expect(await manual.first().innerText()).toMatch(/Saved by hand\s+\d+\.\d KB · Words: 2/);

    await manual.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => manual.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => manual.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    await expect.poll(() => history.addedTexts('headline')).toEqual(['added: hai']);
  });

  it('has no serious accessibility violation with a version chosen and the restore being confirmed', async () => {
    const desk = await h.startDesk(await h.dataDir());
    // axe is injected as a script, which the desk's CSP forbids: only this context bypasses it.
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const history = new HistoryPanel(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), 'Hội nghị dân vận');
    await article.typeInto(article.sapo(), 'Sáng nay tại Hà Giang.');
    await article.waitSaved();
    await history.open();
    await history.saveNow();
    await article.typeInto(article.sapo(), ' Có 300 đại biểu.');
    await article.waitSaved();
    await history.versionsFor('manual').first().click();
    await expect.poll(() => history.addedTexts('sapo')).toEqual(['thêm: Có 300 đại biểu.']);
    await page.getByRole('button', { name: history.th.restore, exact: true }).click();
    await page.getByRole('button', { name: history.th.confirm, exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(history.th.confirm);
    expect(await seriousViolations(page)).toEqual([]);

    // Cancel leaves the text as it is.
    await page.getByRole('button', { name: history.th.cancel, exact: true }).click();
    expect(await article.sapo().inputValue()).toBe('Sáng nay tại Hà Giang. Có 300 đại biểu.');
  });
});
