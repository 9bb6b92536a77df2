import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { texts } from './support/texts';

const HEADLINE = 'Hội nghị trực tuyến toàn quốc về công tác dân vận';
const SAPO = 'Sáng 13/1, hội nghị được kết nối tới 63 điểm cầu tỉnh, thành phố; đồng chí Đình Anh dự tại điểm cầu Hà Giang.';
const BODY = ['Năm 2021, công tác dân vận đạt nhiều kết quả quan trọng.', 'Phát biểu tại hội nghị, đại biểu nhấn mạnh: "Dân biết, dân bàn, dân làm, dân kiểm tra".', 'Hội nghị đề ra sáu nhiệm vụ trọng tâm cho năm 2022.'].join('\n');
const BYLINE = 'Đình Anh';

describe('writing an article and finding it again after a restart', () => {
  const h = useHarness();

  it('keeps every field typed in Vietnamese and the interface language across a restart of web mode', async () => {
    const dataDir = await h.dataDir();
    const first = await h.startDesk(dataDir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(first.url);

    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), HEADLINE);
    await article.typeInto(article.sapo(), SAPO);
    await article.typeInto(article.body(), BODY);
    await article.typeInto(article.byline(), BYLINE);
    await article.waitSaved();
    expect(await article.fields()).toEqual({ headline: HEADLINE, sapo: SAPO, body: BODY, byline: BYLINE });

    // The interface changes language at once, labels included, and comes back.
    await article.switchLanguage('en');
    expect(await article.htmlLang()).toBe('en');
    await article.heading().waitFor();
    expect(await article.headline().inputValue()).toBe(HEADLINE);
    expect(await page.getByLabel(texts('vi').article.sapo, { exact: true }).count()).toBe(0);
    await article.switchLanguage('vi');
    expect(await article.htmlLang()).toBe('vi');
    expect(await article.sapo().inputValue()).toBe(SAPO);

    // English is the choice to remember (Vietnamese is the default, so it would prove nothing).
    await article.switchLanguage('en');
    await article.back();
    library.speak('en');
    await library.waitReady();
    await library.link(HEADLINE).waitFor();
    await first.stop();

    const second = await h.startDesk(dataDir);
    expect(second.url).not.toBe(first.url);
    await page.goto(second.url);
    await library.waitReady();
    expect(await library.htmlLang()).toBe('en');
    expect(await library.languageSwitch().inputValue()).toBe('en');
    const cells = await library.cells(HEADLINE);
    expect(cells[3]).toBe(BYLINE);
    expect(cells[4]).toMatch(/^\d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}$/);

    await library.open(HEADLINE);
    article.speak('en');
    await article.waitReady();
    expect(await article.fields()).toEqual({ headline: HEADLINE, sapo: SAPO, body: BODY, byline: BYLINE });
    await article.switchLanguage('vi');
    expect(await article.fields()).toEqual({ headline: HEADLINE, sapo: SAPO, body: BODY, byline: BYLINE });
  });
});
