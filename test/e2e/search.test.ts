import { describe, expect, it } from 'vitest';
import { headline, sapo, setBodyLines, setText, workflow } from '../../src-shared/article-doc';
import { openTestDesk } from '../support/desk';
import { useHarness } from './support/harness';
import { LibrarySearch } from './support/pages/library-search';
import { LibraryPage } from './support/pages/library-page';
import { fill } from './support/texts';

const STORIES = [
  { headline: 'Hà Giang: công tác dân vận ở vùng cao', sapo: 'Cán bộ xã bám bản cùng đồng bào.', body: ['Đường lên thôn xa còn khó đi.'], status: 'published' },
  { headline: 'Mùa lúa chín trên ruộng bậc thang', sapo: 'Du khách đổ về vùng cao.', body: ['Nhiều đoàn khách đi tiếp lên Hà Giang ngắm hoa.'], status: 'draft' },
  { headline: 'Đà Nẵng đón khách quốc tế', sapo: 'Sân bay tấp nập dịp cuối năm.', body: ['Các khách sạn kín phòng.'], status: 'draft' },
] as const;

/** A desk folder that already holds the stories, written through the desk's own services. */
async function deskFolder(dir: string): Promise<void> {
  const desk = await openTestDesk(dir);
  try {
    for (const s of STORIES) {
      await desk.articles.create({ language: 'vi' }, (doc) => {
        setText(headline(doc), s.headline);
        setText(sapo(doc), s.sapo);
        setBodyLines(doc, s.body);
        workflow(doc).set('status', s.status);
      });
    }
  } finally {
    await desk.close();
  }
}

describe('searching the library', () => {
  const h = useHarness();

  it('finds "Hà Giang" from "ha giang" typed without accents, with the matched words marked', async () => {
    const dir = await h.dataDir();
    await deskFolder(dir);
    const desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const search = new LibrarySearch(page, 'vi');
    await library.goto(desk.url);
    await expect.poll(() => library.headlines()).toHaveLength(3);

    // "/" puts the caret in the search box, as in many web apps.
    await page.keyboard.press('/');
    await expect.poll(() => search.box().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ha giang');

    await search.results().waitFor();
    await expect.poll(() => search.headlines()).toEqual([STORIES[0].headline, STORIES[1].headline]);
    expect(await search.count().innerText()).toBe(fill(search.st.count, { n: '2' }));
    expect(await library.table().count()).toBe(0);
    expect(await search.marked(STORIES[0].headline)).toMatchObject({ headline: ['Hà', 'Giang'] });
    expect(await search.marked(STORIES[1].headline)).toEqual({ headline: [], snippet: ['Hà', 'Giang'] });

    // A filter narrows the results.
    await search.filter('status').selectOption('published');
    await expect.poll(() => search.headlines()).toEqual([STORIES[0].headline]);

    // Escape clears the search and the library's list comes back.
    await search.box().focus();
    await page.keyboard.press('Escape');
    await library.table().waitFor();
    expect(await search.box().inputValue()).toBe('');
    await expect.poll(() => library.headlines()).toHaveLength(3);
  });

  it('speaks English, and Ctrl+F focuses the box', async () => {
    const dir = await h.dataDir();
    await deskFolder(dir);
    const desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.switchLanguage('en');
    const search = new LibrarySearch(page, 'en');
    await page.keyboard.press('Control+f');
    await expect.poll(() => search.box().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('da nang');
    await expect.poll(() => search.headlines()).toEqual([STORIES[2].headline]);
    expect(await search.count().innerText()).toBe(fill(search.st.count, { n: '1' }));
    await page.keyboard.type('x');
    await expect.poll(() => search.count().innerText()).toBe(search.st.none);
  });
});
