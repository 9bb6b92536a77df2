import { describe, expect, it } from 'vitest';
import { DOCX_STORY, storyDocx } from '../support/docx';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { ImportControl } from './support/pages/import-control';
import { LibraryPage } from './support/pages/library-page';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('import from the library', () => {
  const h = useHarness();

  it('imports a .docx made here and opens it with its headline, lead and rich body', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);

    await new ImportControl(page, 'vi').importFile({ name: 'Bài xe khách.docx', mimeType: DOCX, buffer: await storyDocx() });
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();
    await expect.poll(() => article.headline().inputValue()).toBe(DOCX_STORY.headline);
    expect(await article.sapo().inputValue()).toBe(DOCX_STORY.sapo);
    await expect.poll(() => article.bodyText()).toContain(DOCX_STORY.paragraph);
    const html = await article.bodyHtml();
    expect(html).toMatch(new RegExp(`<h2[^>]*>${DOCX_STORY.heading}</h2>`));
    expect(html).toMatch(new RegExp(`<strong[^>]*>${DOCX_STORY.bold}</strong>`));
    expect(html).toMatch(/<em[^>]*>lịch chạy<\/em>/);
    expect(html).toMatch(new RegExp(`<li[^>]*><p[^>]*>${DOCX_STORY.items[0]}</p></li>`));
    expect(html).toContain(`href="${DOCX_STORY.href}"`);

    await article.back();
    await library.waitReady();
    expect(await library.headlines()).toEqual([DOCX_STORY.headline]);
  });

  it('shows a translated error for a file that is not what its name says, and creates nothing', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.switchLanguage('en');

    await new ImportControl(page, 'en').importFile({ name: 'story.docx', mimeType: DOCX, buffer: Buffer.from('not a Word file') });
    await page.getByText('The file story.docx is not a valid Word (.docx) file.').waitFor();
    expect(await library.headlines()).toEqual([]);
  });
});
