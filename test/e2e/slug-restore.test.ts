/**
 * The slug through a restore in the real UI: a slug edited after a version was saved is not
 * kept when that version (whose slug followed its headline) is restored — the slug follows the
 * restored headline again, on the page and on disk.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { articleOnDisk } from './support/disk';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { HistoryPanel } from './support/pages/history-panel';
import { LibraryPage } from './support/pages/library-page';

describe('the slug and a restore', () => {
  const h = useHarness();

  it('a restored version brings its slug back: made from its headline when it was never edited', async () => {
    const dataDir = await h.dataDir();
    const desk = await h.startDesk(dataDir);
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

    const details = page.getByRole('tab', { name: resources.vi.workspace.inspector.tabs.details, exact: true });
    await details.click();
    await article.slug().fill('lu-yen-bai-chieu-nay');
    await article.slug().press('Tab');
    await article.typeInto(article.headline(), ' và Lào Cai');
    await article.waitSaved();
    expect(await article.slug().inputValue()).toBe('lu-yen-bai-chieu-nay');
    const id = new URL(page.url()).hash.split('/').pop()!;
    await expect.poll(async () => (await articleOnDisk(dataDir, id))?.slug).toBe('lu-yen-bai-chieu-nay');

    await history.open();
    await saved.click();
    await expect.poll(() => saved.getAttribute('aria-selected')).toBe('true');
    await history.restoreChosen();
    await expect.poll(() => article.headline().inputValue()).toBe('Lũ về Yên Bái');
    await article.waitSaved();
    await details.click();
    await expect.poll(() => article.slug().inputValue()).toBe('lu-ve-yen-bai');
    await expect.poll(async () => (await articleOnDisk(dataDir, id))?.slug).toBe('lu-ve-yen-bai');
  });
});
