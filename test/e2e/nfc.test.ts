import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';

const PLACE = 'Hà Giang';
const PERSON = 'Đình Anh';

describe('Vietnamese text enters as NFC', () => {
  const h = useHarness();

  it('stores decomposed (NFD) input composed, and a reload shows it composed', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();

    const nfdHeadline = `Tin ${PLACE}`.normalize('NFD');
    const nfdBody = `Dòng một ở ${PLACE}\nDòng hai của ${PERSON}`.normalize('NFD');
    expect(nfdHeadline).not.toBe(nfdHeadline.normalize('NFC'));

    await article.headline().click();
    await page.keyboard.insertText(nfdHeadline);
    await article.body().click();
    const [line1, line2] = nfdBody.split('\n');
    await page.keyboard.insertText(line1!);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(line2!);
    // Typing continues where the caret was left after normalisation.
    await page.keyboard.type(' nhé');
    await article.byline().click();
    await page.keyboard.insertText(PERSON.normalize('NFD'));
    await article.waitSaved();

    const expected = {
      headline: nfdHeadline.normalize('NFC'),
      sapo: '',
      body: nfdBody.normalize('NFC') + ' nhé',
      byline: PERSON,
    };
    expect(await article.fields()).toEqual(expected);

    await page.reload();
    await article.waitReady();
    const after = await article.fields();
    expect(after).toEqual(expected);
    for (const value of Object.values(after)) expect(value.normalize('NFC')).toBe(value);

    await article.back();
    await library.waitReady();
    await expect.poll(() => library.headlines()).toEqual([expected.headline]);
  });

  it('leaves text alone while an input method is composing and normalises it when composition ends', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), 'Tin ');

    const cdp = await page.context().newCDPSession(page);
    const composing = 'Giang'.normalize('NFD') + 'à'.normalize('NFD');
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
    // Mid-composition the field holds exactly what the input method put there, decomposed.
    expect(await article.headline().inputValue()).toBe('Tin ' + composing);
    await cdp.send('Input.insertText', { text: composing });
    await expect.poll(() => article.headline().inputValue()).toBe('Tin ' + composing.normalize('NFC'));
    await article.waitSaved();

    await page.reload();
    await article.waitReady();
    expect(await article.headline().inputValue()).toBe('Tin ' + composing.normalize('NFC'));
  });
});
