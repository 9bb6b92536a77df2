/**
 * A paste typed in the TCVN3 era: converted to Unicode on its way into the body, the writer is
 * told so and can keep it as it came instead; the offer lapses once they write on.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { toTcvn3 } from '../support/legacy';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { fill } from './support/texts';

const t = resources.vi.workspace.legacyPaste;
const SENTENCE = 'Mưa lớn kéo dài ở Hà Giang làm sạt lở nhiều đoạn đường';

describe('a paste in a legacy encoding', () => {
  const h = useHarness();

  it('is converted with a notice, kept as it came on request, and the offer lapses when the writer goes on', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    const legacy = toTcvn3(SENTENCE);
    expect(legacy).not.toBe(SENTENCE);
    const notice = page.getByRole('status').filter({ hasText: fill(t.converted, { encoding: t.encodings.tcvn3 }) });

    await article.body().click();
    await page.keyboard.type('Tin nhanh: ');
    await article.paste({ text: legacy });
    await expect.poll(() => article.bodyText()).toBe(`Tin nhanh: ${SENTENCE}`);
    await notice.waitFor();
    await notice.getByRole('button', { name: t.undo, exact: true }).click();
    // Only the paste changes: the words typed before it stay.
    await expect.poll(() => article.bodyText()).toBe(`Tin nhanh: ${legacy}`);
    await notice.waitFor({ state: 'hidden' });

    // Pasted again and written on: the offer is gone, the conversion stays.
    await page.keyboard.press('Enter');
    await article.paste({ text: legacy });
    await notice.waitFor();
    await page.keyboard.type(' và Tuyên Quang.');
    await notice.waitFor({ state: 'hidden' });
    await expect.poll(() => article.bodyText()).toBe(`Tin nhanh: ${legacy}\n${SENTENCE} và Tuyên Quang.`);
  });
});
