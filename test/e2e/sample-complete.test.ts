/**
 * Issue acceptance in one go: the sample article completed in the real UI — its two planned
 * photos get their files, a third is dropped and captioned in Vietnamese and English, the event
 * gets its title, date and place (found by a former name) — the checklist turns ready in both
 * interface languages, and after a restart of the desk everything is still there.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { makePhoto } from '../support/photos';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { EventPanel } from './support/pages/event-panel';
import { LibraryPage } from './support/pages/library-page';
import { PhotosPanel } from './support/pages/photos-panel';

const SAMPLE = 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026';

describe('the sample article, completed', () => {
  const h = useHarness();

  it('with three photos captioned in both languages and its event: ready to submit, in Vietnamese and English, after a restart', async () => {
    const dir = await h.dataDir();
    const card = `${dir}-card`;
    await fs.mkdir(card);
    const shots = [await makePhoto(card, 'DSC_0201.JPG', { seed: 31 }), await makePhoto(card, 'DSC_0202.JPG', { seed: 32 }), await makePhoto(card, 'DSC_0203.JPG', { seed: 33 })];
    let desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const photos = new PhotosPanel(page, 'vi');
    const event = new EventPanel(page, 'vi');
    const ready = () => page.locator('.checklist__summary').innerText();
    await library.goto(desk.url);
    await library.loadSample();
    await library.open(SAMPLE);
    await article.waitReady();
    expect(await ready()).not.toBe(resources.vi.checklist.ready);

    // Photos: the two planned ones get their files, the third is dropped on the panel.
    await photos.choose([shots[0]!.file], 0);
    await page.waitForFunction(() => document.querySelectorAll('section.photos-panel img.photo-card__img').length === 1);
    await photos.choose([shots[1]!.file], 1);
    await page.waitForFunction(() => document.querySelectorAll('section.photos-panel img.photo-card__img').length === 2);
    await photos.drop([{ name: path.basename(shots[2]!.file), bytes: shots[2]!.bytes, type: 'image/jpeg' }]);
    await photos.waitCount(3);
    await expect.poll(() => event.checklistItem('photoCaptions').getAttribute('class')).toContain('missing');
    await photos.caption(2, 'vi').fill('Cán bộ xã Minh Tân theo dõi hội nghị tại điểm cầu xã');
    await photos.caption(2, 'en').fill('Minh Tân commune officials follow the conference');

    // The event: title, start, and the place by its former name.
    await event.show();
    await event.title().fill('Hội nghị chuyển đổi số toàn tỉnh năm 2026');
    await event.typeDate('start', '09/01/2026 08:00');
    await event.placeField().pressSequentially('ha giang', { delay: 20 });
    await event.placeOptions().filter({ hasText: 'Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang' }).click();

    await expect.poll(ready).toBe(resources.vi.checklist.ready);
    expect(await page.locator('.checklist__item--missing').count()).toBe(0);
    await article.switchLanguage('en');
    await expect.poll(ready).toBe(resources.en.checklist.ready);
    await article.waitSaved();
    await desk.stop();

    // A restart: every photo, caption and the event are there, and the checklist is still ready.
    desk = await h.startDesk(dir);
    library.speak('en');
    await library.goto(desk.url);
    article.speak('en');
    photos.speak('en');
    event.speak('en');
    await library.open(SAMPLE);
    await article.waitReady();
    await photos.waitCount(3);
    for (const i of [0, 1, 2]) expect(await photos.thumbLoaded(i)).toBe(true);
    expect(await photos.caption(2, 'vi').inputValue()).toBe('Cán bộ xã Minh Tân theo dõi hội nghị tại điểm cầu xã');
    expect(await photos.caption(2, 'en').inputValue()).toBe('Minh Tân commune officials follow the conference');
    expect(await event.title().inputValue()).toBe('Hội nghị chuyển đổi số toàn tỉnh năm 2026');
    expect(await event.start().inputValue()).toBe('09/01/2026 08:00');
    await expect.poll(ready).toBe(resources.en.checklist.ready);
    await fs.rm(card, { recursive: true, force: true });
  });
});
