/**
 * The article workspace from 1024 to 1920 px wide, in Vietnamese and English: no horizontal
 * scrolling with any inspector tab shown, every tab in sight with its name whole, a body photo inside its figure with its caption under
 * it and the next paragraph under both; the inspector's tabs and splitter work from the
 * keyboard, and the width chosen is there after a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { resources } from '../../src-shared/locales';
import { body, headline, photos, sapo, setText } from '../../src-shared/article-doc';
import { openDesk } from '../../src-main/services/desk';
import { makePhoto } from '../support/photos';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { inspectorTab, type InspectorTab } from './support/pages/inspector';

const WIDTHS = [1024, 1366, 1920] as const;
const TABS: readonly InspectorTab[] = ['details', 'event', 'photos', 'checklist', 'workflow', 'history', 'comments'];
const LONG = 'Hội nghị được kết nối tới 124 điểm cầu xã, phường trên địa bàn tỉnh, với sự tham dự của lãnh đạo các sở, ban, ngành và Ủy ban nhân dân các xã.';

/** An article whose body holds a tall photo between two paragraphs, captioned in both languages. */
async function seedArticle(dataDir: string): Promise<string> {
  const seed = await openDesk({ dataDir, mode: 'cli', version: 'test' });
  try {
    const made = await makePhoto(dataDir, 'DSC_0301.JPG', { width: 900, height: 1400, seed: 7 });
    const { id: photoId } = await seed.photos.put(made.bytes, 'DSC_0301.JPG');
    const { id } = await seed.articles.create({ language: 'vi' }, (doc) => {
      setText(headline(doc), 'Tuyên Quang: hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026 tại 124 điểm cầu');
      setText(sapo(doc), LONG);
      const captions = new Y.Map<unknown>();
      const photo = new Y.Map<unknown>();
      photos(doc).push([photo]);
      photo.set('id', photoId);
      photo.set('captions', captions);
      captions.set('vi', 'Các đại biểu dự hội nghị tại điểm cầu tỉnh');
      captions.set('en', 'Delegates at the provincial connection point');
      const paragraph = (text: string) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      };
      const figure = new Y.XmlElement('photo');
      figure.setAttribute('id', photoId);
      body(doc).insert(0, [paragraph(`Trước ảnh. ${LONG}`), figure, paragraph(`Sau ảnh. ${LONG}`)]);
    });
    return id;
  } finally {
    await seed.close();
  }
}

interface Boxes {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  readonly img: DOMRect;
  readonly figure: DOMRect;
  readonly caption: DOMRect;
  readonly next: DOMRect;
  readonly main: DOMRect;
  readonly side: DOMRect;
  /** The inspector's tabs (each with whether its name is cut), and the strip holding them. */
  readonly tabs: Array<DOMRect & { cut: boolean }>;
  readonly strip: DOMRect;
}

function measure(page: Page): Promise<Boxes> {
  return page.evaluate(() => {
    const figure = document.querySelector('.ProseMirror figure[data-photo]')!;
    const rect = (el: Element | null) => el!.getBoundingClientRect().toJSON() as DOMRect;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      img: rect(figure.querySelector('img')),
      figure: rect(figure),
      caption: rect(figure.querySelector('figcaption')),
      next: rect(figure.nextElementSibling),
      main: rect(document.querySelector('.article-main')),
      side: rect(document.querySelector('.article-side')),
      tabs: Array.from(document.querySelectorAll('[role=tab]'), (t) => ({ ...(t.getBoundingClientRect().toJSON() as DOMRect), cut: t.scrollWidth > t.clientWidth })),
      strip: rect(document.querySelector('[role=tablist]')),
    };
  });
}

describe('the article workspace', () => {
  const h = useHarness();

  it('has no horizontal scrolling and no overlap between a body photo, its caption and the next paragraph, 1024–1920 px, in both languages', async () => {
    const dataDir = await h.dataDir();
    const id = await seedArticle(dataDir);
    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const article = new ArticlePage(page, 'vi');
    await page.goto(desk.url);
    await page.goto(`${desk.origin}/#/article/${id}`);
    await article.waitReady();
    const img = article.body().locator('figure[data-photo] img');
    await img.waitFor();
    await img.evaluate(async (el: HTMLImageElement) => {
      if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }));
    });

    for (const language of ['vi', 'en'] as const) {
      await article.switchLanguage(language);
      await expect.poll(() => inspectorTab(page, language, 'details').count()).toBe(1);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 860 });
        for (const tab of TABS) {
          await inspectorTab(page, language, tab).click();
          const at = `${language} ${width} px, ${tab}`;
          const box = await measure(page);
          expect(box.scrollWidth, at).toBeLessThanOrEqual(box.innerWidth);
          // The inspector beside the text, not under it.
          expect(box.side.left, at).toBeGreaterThanOrEqual(box.main.right);
          expect(box.side.right, at).toBeLessThanOrEqual(box.innerWidth);
          // Every tab in sight, its name whole; two rows at most.
          expect(box.tabs, at).toHaveLength(TABS.length);
          for (const t of box.tabs) {
            expect(t.left, at).toBeGreaterThanOrEqual(box.strip.left - 0.5);
            expect(t.right, at).toBeLessThanOrEqual(box.strip.right + 0.5);
            expect(t.bottom, at).toBeLessThanOrEqual(box.strip.bottom + 0.5);
            expect(t.cut, at).toBe(false);
          }
          expect(new Set(box.tabs.map((t) => Math.round(t.top))).size, at).toBeLessThanOrEqual(2);
        }
        const box = await measure(page);
        const at = `${language} ${width} px`;
        expect(box.img.height, at).toBeGreaterThan(0);
        // The photo inside its figure, the caption under the photo, the next paragraph under the figure.
        expect(box.img.left, at).toBeGreaterThanOrEqual(box.figure.left);
        expect(box.img.right, at).toBeLessThanOrEqual(box.figure.right);
        expect(box.img.bottom, at).toBeLessThanOrEqual(box.caption.top);
        expect(box.caption.bottom, at).toBeLessThanOrEqual(box.figure.bottom);
        expect(box.figure.bottom, at).toBeLessThanOrEqual(box.next.top);
      }
    }
  });

  it('moves between tabs and resizes the inspector from the keyboard, and keeps the width after a reload', async () => {
    const dataDir = await h.dataDir();
    const id = await seedArticle(dataDir);
    const desk = await h.startDesk(dataDir);
    const page = await h.page({ viewport: { width: 1366, height: 860 } });
    const article = new ArticlePage(page, 'vi');
    const t = resources.vi.workspace.inspector;
    await page.goto(desk.url);
    await page.goto(`${desk.origin}/#/article/${id}`);
    await article.waitReady();

    // Tabs: the chosen one is the tab stop; arrow keys move and show their panel.
    const details = inspectorTab(page, 'vi', 'details');
    expect(await details.getAttribute('aria-selected')).toBe('true');
    await details.focus();
    await page.keyboard.press('ArrowRight');
    const event = inspectorTab(page, 'vi', 'event');
    expect(await event.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.getByRole('tabpanel', { name: t.tabs.event, exact: true }).getByRole('region', { name: resources.vi.event.title, exact: true }).waitFor();
    expect(await page.getByRole('tabpanel').count()).toBe(1);
    await page.keyboard.press('End');
    expect(await inspectorTab(page, 'vi', 'history').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await details.getAttribute('aria-selected')).toBe('true');

    // The splitter: ← widens the inspector (it is on the right), → narrows it, Home is the narrowest.
    const splitter = page.getByRole('separator', { name: t.resize, exact: true });
    const sideWidth = () => page.locator('.article-side').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    expect(await sideWidth()).toBe(before);
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(sideWidth).toBe(before + 48);
    await page.keyboard.press('ArrowRight');
    await expect.poll(sideWidth).toBe(before + 24);
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(before + 24);

    await page.reload();
    await article.waitReady();
    await expect.poll(sideWidth).toBe(before + 24);
    await splitter.focus();
    await page.keyboard.press('Home');
    await expect.poll(sideWidth).toBe(Number(await splitter.getAttribute('aria-valuemin')));
  });
});
