import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { DOCX_STORY, storyDocx } from '../support/docx';
import { articleOnDisk } from './support/disk';
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

  it('a copy of a web page: the notice says what was taken, and each part goes back into the text on a click', async () => {
    const dataDir = await h.dataDir();
    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../integration/web-copies/dak-lak-le-hoi.txt');
    await new ImportControl(page, 'vi').importFile({ name: 'le-hoi.txt', mimeType: 'text/plain', buffer: await fs.readFile(file) });
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();
    await expect.poll(() => article.headline().inputValue()).toBe('Khai mạc Lễ hội cà phê Buôn Ma Thuột lần thứ 8');

    const t = resources.vi.import.notice;
    const notice = page.getByRole('region', { name: t.title, exact: true });
    await notice.getByText('Đã lấy dòng cuối “Hồng Nhung” làm tác giả.').waitFor();
    await notice.getByText('Đã lấy dòng “Thứ Bảy, 11/03/2023 19:30” làm ngày giờ của bài.').waitFor();
    await notice.getByText(/^Đã bỏ các dòng của trang web: “Đài Phát thanh và Truyền hình Đắk Lắk”, “• Buôn Ma Thuột”, “27oC”/).waitFor();
    expect(await article.bodyText()).not.toContain('Hồng Nhung');

    await notice.getByRole('button', { name: t.undoByline, exact: true }).click();
    await expect.poll(() => article.bodyText()).toMatch(/\nHồng Nhung$/);
    await notice.getByRole('button', { name: t.undoDropped, exact: true }).click();
    await expect.poll(() => article.bodyText()).toMatch(/^Đài Phát thanh và Truyền hình Đắk Lắk\n• Buôn Ma Thuột\n27oC\n/);
    await notice.getByRole('button', { name: t.keep, exact: true }).click();
    await notice.waitFor({ state: 'detached' });
    const id = new URL(page.url()).hash.split('/').pop()!;
    // Both changes reach the disk, each in its own save: looked at together until both are there.
    await expect
      .poll(async () => {
        const stored = await articleOnDisk(dataDir, id);
        return { byline: stored?.byline, droppedLinesBack: /^Đài Phát thanh/.test(stored?.body ?? '') };
      })
      .toEqual({ byline: '', droppedLinesBack: true });
  });
});
