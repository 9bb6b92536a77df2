import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';

/** The body skips ProseMirror's scroll walk while the caret is in sight (BodyEditor): it must still follow the caret out of sight. */
describe('the rich body editor scrolling', () => {
  const h = useHarness();

  it('brings the caret back into the window when Enter makes a paragraph out of sight, below or above', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();

    const caret = () =>
      page.evaluate(() => {
        const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
      });
    await article.body().click();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.type(`Dòng ${i}`);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('Dòng cuối');
    // Typed text is revealed by the browser itself; a new paragraph made by ProseMirror (Enter)
    // after the window was scrolled away is revealed only by ProseMirror's scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Enter');
    const below = await caret();
    expect(below.scrollY).toBeGreaterThan(0);
    expect(below.top).toBeGreaterThanOrEqual(0);
    expect(below.bottom).toBeLessThanOrEqual(below.height);

    await page.keyboard.press('Control+Home');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.keyboard.press('Enter');
    const top = await caret();
    expect(top.top).toBeGreaterThanOrEqual(0);
    expect(top.bottom).toBeLessThanOrEqual(top.height);
  });
});
