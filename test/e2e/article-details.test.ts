/**
 * The article's filing in the inspector's Details tab: its language (the body's captions and
 * language follow it), its section from those the library uses or a new one, and tags as chips
 * completed from the tags other articles carry — all saved in the article.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, meta, photos, setText } from '../../src-shared/article-doc';
import { resources } from '../../src-shared/locales';
import { openDesk } from '../../src-main/services/desk';
import { articleOnDisk } from './support/disk';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { fill } from './support/texts';

const w = resources.vi.workspace.meta;

describe('the article details', () => {
  const h = useHarness();

  it('changes the language, the section and the tags, saved in the article', async () => {
    const dataDir = await h.dataDir();
    const seed = await openDesk({ dataDir, mode: 'cli', version: 'test' });
    await seed.articles.create({ language: 'vi', section: 'Thời sự' }, (doc) => {
      setText(headline(doc), 'Bài đã có chuyên mục và thẻ');
      meta(doc).set('tags', ['Chuyển đổi số', 'Tuyên Quang']);
    });
    const { id } = await seed.articles.create({ language: 'vi' }, (doc) => {
      setText(headline(doc), 'Bài mới');
      const captions = new Y.Map<unknown>();
      const photo = new Y.Map<unknown>();
      photos(doc).push([photo]);
      photo.set('id', 'd'.repeat(64));
      photo.set('captions', captions);
      captions.set('vi', 'Đại biểu dự hội nghị');
      captions.set('en', 'Delegates at the conference');
      const figure = new Y.XmlElement('photo');
      figure.setAttribute('id', 'd'.repeat(64));
      body(doc).insert(0, [figure]);
    });
    await seed.close();

    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const article = new ArticlePage(page, 'vi');
    await page.goto(desk.url);
    await page.goto(`${desk.origin}/#/article/${id}`);
    await article.waitReady();
    const caption = article.body().locator('figure[data-photo] figcaption');
    await expect.poll(() => caption.innerText()).toBe('Đại biểu dự hội nghị');

    // The language: the caption in the body and the body's language follow.
    await page.getByLabel(w.language, { exact: true }).selectOption('en');
    await expect.poll(() => caption.innerText()).toBe('Delegates at the conference');
    await expect.poll(() => article.body().getAttribute('lang')).toBe('en');

    // The section: one the library uses, then a new one.
    const section = page.getByLabel(w.section, { exact: true });
    const offered = await section.locator('option').allInnerTexts();
    expect(offered[0]).toBe(w.sectionNone);
    expect(offered).toContain('Thời sự');
    expect(offered.at(-1)).toBe(w.sectionOther);
    expect(offered).not.toContain('Khoa học – Công nghệ');
    await section.selectOption('Thời sự');
    await expect.poll(() => section.inputValue()).toBe('Thời sự');
    await section.selectOption({ label: w.sectionOther });
    await page.getByLabel(w.sectionNew, { exact: true }).fill('Khoa học – Công nghệ');
    await page.getByLabel(w.sectionNew, { exact: true }).press('Enter');
    await expect.poll(() => section.inputValue()).toBe('Khoa học – Công nghệ');

    // Tags: "chuyen" offers the library's "Chuyển đổi số"; Enter adds what is typed; a chip removes its tag.
    const tags = page.getByLabel(w.tags, { exact: true });
    await tags.pressSequentially('chuyen', { delay: 20 });
    await page.getByRole('listbox', { name: w.tagsSuggestions, exact: true }).getByRole('option', { name: 'Chuyển đổi số', exact: true }).click();
    await tags.pressSequentially('Hà Giang', { delay: 20 });
    await tags.press('Enter');
    await tags.pressSequentially('Lào Cai,', { delay: 20 });
    const chips = page.getByRole('list', { name: w.tagsList, exact: true }).getByRole('listitem');
    await expect.poll(() => chips.allInnerTexts()).toEqual(['Chuyển đổi số', 'Hà Giang', 'Lào Cai']);
    await page.getByRole('button', { name: fill(w.tagRemove, { tag: 'Hà Giang' }), exact: true }).click();
    await expect.poll(() => chips.allInnerTexts()).toEqual(['Chuyển đổi số', 'Lào Cai']);
    expect(await tags.inputValue()).toBe('');
    await article.waitSaved();

    await expect
      .poll(async () => {
        const saved = await articleOnDisk(dataDir, id);
        return saved && { language: saved.language, section: saved.section, tags: saved.tags };
      })
      .toEqual({ language: 'en', section: 'Khoa học – Công nghệ', tags: ['Chuyển đổi số', 'Lào Cai'] });

    await page.reload();
    await article.waitReady();
    expect(await page.getByLabel(w.language, { exact: true }).inputValue()).toBe('en');
    expect(await page.getByLabel(w.section, { exact: true }).inputValue()).toBe('Khoa học – Công nghệ');
    await expect.poll(() => chips.allInnerTexts()).toEqual(['Chuyển đổi số', 'Lào Cai']);
  });
});
