import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { body, headline, photos, setText } from '../../src-shared/article-doc';
import { openDesk } from '../../src-main/services/desk';
import { articleOnDisk, cliShow } from './support/disk';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import type { WebDesk } from './support/web-desk';

describe('the rich body editor', () => {
  const h = useHarness();

  async function newArticle(desk: WebDesk, page?: Page): Promise<ArticlePage> {
    const p = page ?? (await h.page());
    const library = new LibraryPage(p, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    const article = new ArticlePage(p, 'vi');
    await article.waitReady();
    return article;
  }

  it('keeps bold and italic typed with shortcuts, a heading and a list from the toolbar, across a reload and in `cli show`', async () => {
    const dataDir = await h.dataDir();
    const desk = await h.startDesk(dataDir);
    const article = await newArticle(desk);
    const { page } = article;
    await article.typeInto(article.headline(), 'Mưa lớn ở Hà Giang');

    await article.body().click();
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Sáng nay');
    await page.keyboard.press('Control+b');
    expect(await article.tool('bold').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type(', nước sông Lô ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('dâng cao');
    expect(await article.tool('italic').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('.');
    await page.keyboard.press('Enter');
    await article.tool('heading2').click();
    expect(await article.tool('heading2').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('Thiệt hại ban đầu');
    await page.keyboard.press('Enter');
    await article.tool('bulletList').click();
    await page.keyboard.type('Hai cây cầu bị cuốn trôi');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ba xã bị cô lập');
    await article.waitSaved();

    const expected = [
      '<p><strong>Sáng nay</strong>, nước sông Lô <em>dâng cao</em>.</p>',
      '<h2>Thiệt hại ban đầu</h2>',
      '<ul><li><p>Hai cây cầu bị cuốn trôi</p></li><li><p>Ba xã bị cô lập</p></li></ul>',
    ];
    expect(await article.bodyHtml()).toBe(expected.join(''));

    await page.reload();
    await article.waitReady();
    await expect.poll(() => article.bodyHtml()).toBe(expected.join(''));

    const id = article.articleId();
    await page.close();
    await desk.stop();
    const shown = await cliShow(dataDir, id);
    expect(shown.bodyHtml.split('\n')).toEqual(expected);
    expect(shown.headline).toBe('Mưa lớn ở Hà Giang');
  });

  it('has what was typed on disk within a second of the last keystroke', async () => {
    const dataDir = await h.dataDir();
    const desk = await h.startDesk(dataDir);
    const article = await newArticle(desk);
    const id = article.articleId();
    await article.typeInto(article.body(), 'Đoạn đầu tiên của bài.');
    const stopped = Date.now();
    let onDisk = '';
    while (Date.now() - stopped < 1000) {
      onDisk = (await articleOnDisk(dataDir, id))?.body ?? '';
      if (onDisk === 'Đoạn đầu tiên của bài.') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(onDisk).toBe('Đoạn đầu tiên của bài.');
  });

  it('leaves the body alone while an input method is composing and normalises once composition ends', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    await article.typeInto(article.body(), 'Tin ');
    const cdp = await article.page.context().newCDPSession(article.page);
    const composing = 'Giang'.normalize('NFD') + 'à'.normalize('NFD');
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
    // Mid-composition the body holds exactly what the input method put there, decomposed.
    await expect.poll(() => article.bodyText()).toBe('Tin ' + composing);
    await cdp.send('Input.insertText', { text: composing });
    await expect.poll(() => article.bodyText()).toBe('Tin ' + composing.normalize('NFC'));
    await article.page.keyboard.type(' nhé');
    await expect.poll(() => article.bodyText()).toBe('Tin ' + composing.normalize('NFC') + ' nhé');
    await article.waitSaved();
    const onDisk = await articleOnDisk(desk.dataDir, article.articleId());
    expect(onDisk?.body).toBe('Tin ' + composing.normalize('NFC') + ' nhé');
  });

  it('pastes decomposed (NFD) text as NFC', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    await article.typeInto(article.body(), 'Tin: ');
    const nfd = 'Nghị quyết về công tác dân vận ở Hà Giang'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    await article.paste({ text: nfd });
    await expect.poll(() => article.bodyText()).toBe('Tin: ' + nfd.normalize('NFC'));
    await article.page.keyboard.type(' nhé');
    await article.waitSaved();
    await article.page.reload();
    await article.waitReady();
    const text = await article.bodyText();
    expect(text).toBe('Tin: Nghị quyết về công tác dân vận ở Hà Giang nhé'.normalize('NFC'));
    expect(text.normalize('NFC')).toBe(text);
  });

  it('pastes HTML from Word as clean structure: no styles, scripts, Office tags or javascript: links', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    await article.body().click();
    const word = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";margin:0}</style>',
      '<script>window.__pasted = true</script></head><body lang=VI>',
      '<h2 style="mso-outline-level:2"><span style="font-family:Arial">Tình hình lũ</span></h2>',
      `<p class=MsoNormal style="mso-margin-top-alt:auto"><b>Sáng nay</b>, nước sông <i>${'dâng cao'.normalize('NFD')}</i>.<o:p></o:p></p>`,
      '<ul><li class=MsoListParagraph style="mso-list:l0 level1 lfo1">Ý một</li><li>Ý hai</li></ul>',
      '<p><a href="javascript:alert(1)">bấm đây</a> và <a href="https://example.vn/tin" onclick="steal()">nguồn</a></p>',
      '</body></html>',
    ].join('');
    await article.paste({ html: word, text: 'Tình hình lũ' });
    await expect.poll(() => article.bodyText()).toContain('nguồn');
    const html = await article.bodyHtml();
    expect(html).toContain('<h2>Tình hình lũ</h2>');
    expect(html).toContain('<strong>Sáng nay</strong>');
    expect(html).toContain('<em>dâng cao</em>');
    expect(html).toMatch(/<ul><li><p>Ý một<\/p><\/li><li><p>Ý hai<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<a [^>]*href="https:\/\/example\.vn\/tin"[^>]*>nguồn<\/a>/);
    expect(html).toContain('bấm đây');
    for (const bad of ['javascript:', 'mso-', 'o:p', 'script', 'style=', 'onclick', 'MsoNormal', 'font-family']) expect(html).not.toContain(bad);
    expect(await article.page.evaluate(() => (window as { __pasted?: boolean }).__pasted)).toBeUndefined();
    const text = await article.bodyText();
    expect(text.normalize('NFC')).toBe(text);
    await article.waitSaved();
  });

  it('undoes only what this window typed, never what another window typed, in the body and the headline', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const a = await newArticle(desk);
    const pageB = await h.page();
    await pageB.goto(desk.url);
    await pageB.goto(a.page.url());
    const b = new ArticlePage(pageB, 'vi');
    await b.waitReady();

    await a.typeInto(a.body(), 'Câu của A.');
    await expect.poll(() => b.bodyText()).toBe('Câu của A.');
    await b.typeInto(b.body(), ' Câu của B.');
    await expect.poll(() => a.bodyText()).toBe('Câu của A. Câu của B.');

    await a.body().click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => a.bodyText()).toBe(' Câu của B.');
    await expect.poll(() => b.bodyText()).toBe(' Câu của B.');
    // And redo brings A's sentence back, still beside B's.
    await a.page.keyboard.press('Control+y');
    await expect.poll(() => b.bodyText()).toBe('Câu của A. Câu của B.');

    // The headline shares the same history: B's words stay when A undoes.
    await b.typeInto(b.headline(), 'Tít của B');
    await expect.poll(() => a.headline().inputValue()).toBe('Tít của B');
    await a.typeInto(a.headline(), ' và A');
    await expect.poll(() => b.headline().inputValue()).toBe('Tít của B và A');
    await a.headline().press('Control+z');
    await expect.poll(() => a.headline().inputValue()).toBe('Tít của B');
    await expect.poll(() => b.headline().inputValue()).toBe('Tít của B');
    await a.waitSaved();
    await b.waitSaved();
  });

  it('counts words, characters and on-air time as the writer types', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    await expect.poll(() => article.count('words').innerText()).toBe('0');
    await article.typeInto(article.headline(), 'Lũ về');
    await article.typeInto(article.body(), 'Nước sông Hồng dâng cao');
    await expect.poll(() => article.count('words').innerText()).toBe('7');
    // The counters read the body once typing pauses: "7 words" can show while the last letter is still on its way.
    await expect.poll(() => article.count('characters').innerText()).toBe(String('Lũ về'.length + 'Nước sông Hồng dâng cao'.length));
    await expect.poll(() => article.count('characters-no-spaces').innerText()).toBe(String('Lũvề'.length + 'NướcsôngHồngdângcao'.length));
    // 7 syllables at 200 a minute on air: 3 seconds (2.1, a started second counts).
    expect(await article.count('on-air').innerText()).toBe('3 giây');

    // A slower on-air rate for Vietnamese, kept in settings.
    const rate = article.page.getByLabel(article.te.rates.onAir, { exact: true });
    await rate.fill('60');
    await rate.press('Enter');
    await expect.poll(() => article.count('on-air').innerText()).toBe('7 giây');
    await article.typeInto(article.body(), ' ' + Array.from({ length: 60 }, () => 'tin').join(' '));
    await expect.poll(() => article.count('on-air').innerText()).toBe('1 phút 7 giây');
    await article.waitSaved();
    await article.page.reload();
    await article.waitReady();
    await expect.poll(() => article.count('on-air').innerText()).toBe('1 phút 7 giây');
  });

  it('makes the slug from the headline until the writer edits it, then keeps it', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    await article.typeInto(article.headline(), 'Hội nghị trực tuyến toàn quốc về công tác dân vận');
    await expect.poll(() => article.slug().inputValue()).toBe('hoi-nghi-truc-tuyen-toan-quoc-ve-cong-tac-dan-van');

    await article.typeInto(article.slug(), ' Đợt 1!');
    await article.typeInto(article.sapo(), 'Sa-pô.');
    await expect.poll(() => article.slug().inputValue()).toBe('hoi-nghi-truc-tuyen-toan-quoc-ve-cong-tac-dan-van-dot-1');
    await article.typeInto(article.headline(), ' năm 2022');
    await article.waitSaved();
    expect(await article.slug().inputValue()).toBe('hoi-nghi-truc-tuyen-toan-quoc-ve-cong-tac-dan-van-dot-1');

    await article.page.reload();
    await article.waitReady();
    expect(await article.slug().inputValue()).toBe('hoi-nghi-truc-tuyen-toan-quoc-ve-cong-tac-dan-van-dot-1');
    expect(await article.headline().inputValue()).toBe('Hội nghị trực tuyến toàn quốc về công tác dân vận năm 2022');
  });

  it('accepts only http, https and mailto links from the link dialog (Ctrl+K)', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const article = await newArticle(desk);
    const { page } = article;
    await article.typeInto(article.body(), 'Xem ');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: article.te.link.title });
    const address = dialog.getByLabel(article.te.link.address, { exact: true });
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe(article.te.link.invalid);
    await address.fill('https://example.vn/tin-lu');
    await address.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => article.bodyHtml()).toMatch(/<p>Xem <a [^>]*href="https:\/\/example\.vn\/tin-lu"[^>]*>https:\/\/example\.vn\/tin-lu<\/a><\/p>/);
    expect(await article.bodyHtml()).not.toContain('javascript:');
    await article.waitSaved();
  });

  it('opens an existing article without adding to its body, however often it is opened', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.loadSample();
    const [headline] = await library.headlines();
    await library.open(headline!);
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();
    await expect.poll(async () => (await article.bodyText()).length).toBeGreaterThan(100);
    const blocks = () => article.body().evaluate((el) => el.children.length);
    const first = await blocks();
    const text = await article.bodyText();
    expect(first).toBeGreaterThan(2);

    const second = new ArticlePage(await h.page(), 'vi');
    await second.page.goto(desk.url);
    await second.page.goto(page.url());
    await second.waitReady();
    await expect.poll(() => second.bodyText()).toBe(text);
    await page.reload();
    await article.waitReady();
    await expect.poll(() => article.bodyText()).toBe(text);
    expect(await blocks()).toBe(first);
    expect(await second.body().evaluate((el) => el.children.length)).toBe(first);
    const onDisk = await articleOnDisk(desk.dataDir, article.articleId());
    expect(onDisk?.body.split('\n\n').length).toBe(first);
  });

  it('shows a photo node of the body as a figure captioned from the article, and keeps it when the body is edited', async () => {
    const dataDir = await h.dataDir();
    const photoId = 'c'.repeat(64);
    const seed = await openDesk({ dataDir, mode: 'cli', version: 'test' });
    const { id } = await seed.articles.create({ language: 'vi' }, (doc) => {
      setText(headline(doc), 'Bài có ảnh');
      const captions = new Y.Map<unknown>();
      const photo = new Y.Map<unknown>();
      photos(doc).push([photo]);
      photo.set('id', photoId);
      photo.set('captions', captions);
      captions.set('vi', 'Đồng bào Hà Giang đón đoàn công tác');
      const before = new Y.XmlElement('paragraph');
      before.insert(0, [new Y.XmlText('Trước ảnh.')]);
      const figure = new Y.XmlElement('photo');
      figure.setAttribute('id', photoId);
      const after = new Y.XmlElement('paragraph');
      after.insert(0, [new Y.XmlText('Sau ảnh.')]);
      body(doc).insert(0, [before, figure, after]);
    });
    await seed.close();

    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    await page.goto(desk.url);
    await page.goto(`${desk.origin}/#/article/${id}`);
    const article = new ArticlePage(page, 'vi');
    await article.waitReady();
    const figure = article.body().locator(`figure[data-photo="${photoId}"]`);
    await expect.poll(() => figure.locator('figcaption').innerText()).toBe('Đồng bào Hà Giang đón đoàn công tác');
    // Into the paragraph after the figure (a click on the figure itself selects it, as in Word,
    // and typing would then replace it).
    await article.body().locator('p', { hasText: 'Sau ảnh.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Thêm một câu.');
    await article.waitSaved();
    const onDisk = await articleOnDisk(dataDir, id);
    expect(onDisk?.bodyHtml.split('\n')).toEqual([
      '<p>Trước ảnh.</p>',
      `<figure data-photo="${photoId}"><figcaption>Đồng bào Hà Giang đón đoàn công tác</figcaption></figure>`,
      '<p>Sau ảnh. Thêm một câu.</p>',
    ]);
  });
});
