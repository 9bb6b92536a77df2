/**
 * Photos from the reporter's side, in Chromium through web mode: the sample article's planned
 * photos get their files through the dialog, a third photo is dropped on the panel, captions
 * are written in both languages, one photo is moved and placed in the body, a renamed document
 * is refused with a message in Vietnamese — and after a restart of the desk everything is there.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePhoto, writeTags, CAMERA_TAGS } from '../support/photos';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { PhotosPanel } from './support/pages/photos-panel';
import { resources } from '../../src-shared/locales';
import { fill } from './support/texts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('photos of an article', () => {
  const h = useHarness();

  it('attaches, drops, captions in two languages, reorders, places inline, refuses a fake, and keeps it all across a restart', async () => {
    const dataDir = await h.dataDir();
    const files = path.join(dataDir, '..', `${path.basename(dataDir)}-card`);
    await fs.mkdir(files);
    const one = await makePhoto(files, 'DSC_0101.JPG', { seed: 21, width: 1200, height: 800 });
    const oneBytes = await writeTags(one.file, CAMERA_TAGS);
    const two = await makePhoto(files, 'DSC_0102.JPG', { seed: 22, width: 800, height: 1200 });
    const three = await makePhoto(files, 'toan-canh.png', { seed: 23, format: 'png', width: 900, height: 600 });
    const fake = Buffer.from('%PDF-1.7\n%%EOF\n');

    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const photos = new PhotosPanel(page, 'vi');
    await library.goto(desk.url);
    await library.loadSample();
    await library.table().waitFor();
    await library.open((await library.headlines())[0]!);
    await article.waitReady();
    await photos.waitCount(2);
    const planned = [await photos.caption(0, 'vi').inputValue(), await photos.caption(1, 'vi').inputValue()];
    expect(planned.every((c) => c.length > 10)).toBe(true);

    // The two planned photos get their files; their captions stay.
    await photos.choose([one.file], 0);
    await page.waitForFunction(() => document.querySelectorAll('section.photos-panel img.photo-card__img').length === 1);
    await photos.choose([two.file], 1);
    await photos.waitCount(2);
    expect(await photos.ids()).toEqual([sha(oneBytes), sha(two.bytes)]);
    expect(await photos.caption(0, 'vi').inputValue()).toBe(planned[0]);
    // The camera's date, model and GPS show under the first photo.
    await expect.poll(() => photos.card(0).locator('.photo-card__facts').innerText()).toContain('08:30, 13/01/2022 · Canon EOS R6 · 1200×800');

    // A third photo and a document named .jpg dropped together: the photo arrives, the document is refused in Vietnamese.
    await photos.drop([
      { name: 'bien-ban.jpg', bytes: fake, type: 'image/jpeg' },
      { name: 'toan-canh.png', bytes: three.bytes, type: 'image/png' },
    ]);
    await photos.waitCount(3);
    await expect.poll(() => photos.errors().innerText()).toContain(fill(resources.vi.errors.photoNotImage, { file: 'bien-ban.jpg' }));
    expect(await photos.ids()).toEqual([sha(oneBytes), sha(two.bytes), sha(three.bytes)]);

    // Captions in both languages, typed as a reporter types (Vietnamese arrives NFC).
    await photos.caption(2, 'vi').fill('Toàn cảnh điểm cầu xã Minh Tân'.normalize('NFD'));
    await photos.caption(2, 'en').fill('The Minh Tân commune connection point');
    await photos.caption(0, 'en').fill('Delegates at the provincial connection point');
    await photos.credit(2).fill('Đài PT-TH');
    await photos.persons(2).fill('Lê Quang Đức, Hoàng Thị Mai');
    await photos.persons(2).blur();
    // The third photo becomes the featured one, and moves up one place with the keyboard.
    await photos.featured(2).check();
    await photos.card(2).getByLabel(new RegExp(`^${resources.vi.photos.card.caption.vi}`)).press('Alt+ArrowUp');
    await expect.poll(() => photos.ids()).toEqual([sha(oneBytes), sha(three.bytes), sha(two.bytes)]);
    expect(await photos.featured(1).isChecked()).toBe(true);
    // And by dragging: the last card dropped on the first takes its place, and back again.
    await photos.dragCard(2, 0);
    await expect.poll(() => photos.ids()).toEqual([sha(two.bytes), sha(oneBytes), sha(three.bytes)]);
    await photos.dragCard(0, 2);
    await expect.poll(() => photos.ids()).toEqual([sha(oneBytes), sha(three.bytes), sha(two.bytes)]);

    // Placed in the body at the cursor: a figure with its thumbnail and its Vietnamese caption.
    await article.body().click();
    await page.keyboard.press('Control+End');
    await photos.placeInBody(1).click();
    const figure = article.body().locator(`figure[data-photo="${sha(three.bytes)}"]`);
    await expect.poll(() => figure.locator('figcaption').innerText()).toBe('Toàn cảnh điểm cầu xã Minh Tân');
    await expect.poll(() => figure.locator('img').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await article.waitSaved();
    const headline = await article.headline().inputValue();
    await desk.stop();

    // After a restart: the same photos, order, captions, credit, persons, featured, thumbnails and inline figure.
    const again = await h.startDesk(dataDir);
    await page.goto(again.url);
    await library.waitReady();
    await library.open(headline);
    await article.waitReady();
    await photos.waitCount(3);
    expect(await photos.ids()).toEqual([sha(oneBytes), sha(three.bytes), sha(two.bytes)]);
    expect(await photos.caption(1, 'vi').inputValue()).toBe('Toàn cảnh điểm cầu xã Minh Tân');
    expect(await photos.caption(1, 'en').inputValue()).toBe('The Minh Tân commune connection point');
    expect(await photos.caption(0, 'en').inputValue()).toBe('Delegates at the provincial connection point');
    expect(await photos.caption(0, 'vi').inputValue()).toBe(planned[0]);
    expect(await photos.credit(1).inputValue()).toBe('Đài PT-TH');
    expect(await photos.persons(1).inputValue()).toBe('Lê Quang Đức, Hoàng Thị Mai');
    expect(await photos.featured(1).isChecked()).toBe(true);
    for (const i of [0, 1, 2]) expect(await photos.thumbLoaded(i)).toBe(true);
    await expect.poll(() => article.body().locator(`figure[data-photo="${sha(three.bytes)}"] figcaption`).innerText()).toBe('Toàn cảnh điểm cầu xã Minh Tân');
    // One file per photo in the desk folder.
    expect((await fs.readdir(path.join(dataDir, 'photos'))).sort()).toEqual([`${sha(oneBytes)}.jpg`, `${sha(two.bytes)}.jpg`, `${sha(three.bytes)}.png`].sort());

    // Ctrl+Z in a photo's field takes back the writer's last change there, as anywhere in the article.
    await photos.credit(1).fill('Đài PT-TH tỉnh');
    await expect.poll(() => photos.credit(1).inputValue()).toBe('Đài PT-TH tỉnh');
    await photos.credit(1).press('Control+z');
    await expect.poll(() => photos.credit(1).inputValue()).toBe('Đài PT-TH');
    await photos.credit(1).press('Control+y');
    await expect.poll(() => photos.credit(1).inputValue()).toBe('Đài PT-TH tỉnh');

    // The interface in English names the same fields in English.
    await article.switchLanguage('en');
    photos.speak('en');
    expect(await photos.caption(1, 'en').inputValue()).toBe('The Minh Tân commune connection point');
    await fs.rm(files, { recursive: true, force: true });
  });
});
