/**
 * Export and send from the article page, in Chromium through web mode: the package is made with
 * a progress bar and downloads by itself as `<slug>-<date>.zip`, a ZIP that holds the story in
 * every format with the photo, whose article.html shows the photo from the package under its own
 * policy (opened from a folder, in Chromium); and "Send", with the outbox's address set on its
 * page, delivers it once to a real server. A suggestion left open in the body: the page says the
 * package holds only accepted text (in Vietnamese, then in English), and the manifest counts it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { NEWSROOM_TIME_ZONE } from '../../src-shared/format';
import { slugify } from '../../src-shared/text/slug';
import sample from '../../assets/sample/article.vi.json';
import { readZip } from '../integration/export-support';
import { makePhoto } from '../support/photos';
import { startUploadServer } from '../support/upload-server';
import { useHarness } from './support/harness';
import { fill } from './support/texts';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { PhotosPanel } from './support/pages/photos-panel';

const SAMPLE = 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026';
const tp = resources.vi.package;
const tpEn = resources.en.package;
const to = resources.vi.outbox;
const ts = resources.vi.settings;

describe('export and send', () => {
  const h = useHarness();

  it('exports the sample article with a photo as a ZIP the browser downloads, and sends it through the outbox once', async () => {
    const dir = await h.dataDir();
    const card = `${dir}-card`;
    await fs.mkdir(card);
    const shot = await makePhoto(card, 'DSC_0301.JPG', { seed: 41 });
    const upload = await startUploadServer();
    try {
      const desk = await h.startDesk(dir);
      const page = await h.page({ acceptDownloads: true });
      const library = new LibraryPage(page, 'vi');
      const article = new ArticlePage(page, 'vi');
      const photos = new PhotosPanel(page, 'vi');
      await library.goto(desk.url);
      await library.loadSample();
      await library.open(SAMPLE);
      await article.waitReady();
      await photos.choose([shot.file], 0);
      await page.waitForFunction(() => document.querySelectorAll('section.photos-panel img.photo-card__img').length === 1);

      // A suggestion left open at the end of the body (suggesting on with Ctrl+Shift+E).
      await article.body().locator('p').last().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Control+Shift+E');
      await page.keyboard.type(' Cập nhật 64 điểm cầu.');
      await expect.poll(() => article.body().locator('ins.suggestion').allTextContents()).toEqual([' Cập nhật 64 điểm cầu.']);
      await article.waitSaved();
      const openWarning = page.getByTestId('export-open-suggestions');
      expect(await openWarning.count()).toBe(0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tp.export, exact: true }).click()]);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: NEWSROOM_TIME_ZONE }).format(new Date(sample.dateline));
      expect(download.suggestedFilename()).toBe(`${slugify(SAMPLE)}-${day}.zip`);
      const saved = path.join(card, 'downloaded.zip');
      await download.saveAs(saved);
      const zip = await readZip(saved);
      const names = [...zip.keys()];
      for (const name of ['manifest.json', 'ninjs/vi.json', 'ninjs/en.json', 'article.html', 'article.txt', 'script.txt']) expect(names).toContain(name);
      expect(names.some((n) => n.startsWith('photos/') && n.endsWith('.jpg'))).toBe(true);
      expect(zip.get('article.html')!.toString('utf8')).toContain(SAMPLE);
      const ninjs = JSON.parse(zip.get('ninjs/vi.json')!.toString('utf8')) as { headlines?: Array<{ value: string }> };
      expect(ninjs.headlines?.[0]?.value).toBe(SAMPLE);
      // Only the accepted text, and the page and the manifest say a suggestion was left open.
      expect(zip.get('article.txt')!.toString('utf8')).not.toContain('Cập nhật 64');
      expect((JSON.parse(zip.get('manifest.json')!.toString('utf8')) as { article: { openSuggestions?: number } }).article.openSuggestions).toBe(1);
      await expect.poll(() => openWarning.innerText()).toBe(fill(tp.openSuggestions_other, { count: '1' }));
      await library.switchLanguage('en');
      await expect.poll(() => openWarning.innerText()).toBe(fill(tpEn.openSuggestions_one, { count: '1' }));
      await library.switchLanguage('vi');
      await expect.poll(() => openWarning.innerText()).toBe(fill(tp.openSuggestions_other, { count: '1' }));

      // article.html shows every photo of the package, by a relative address its policy allows.
      const html = zip.get('article.html')!.toString('utf8');
      const packed = names.filter((n) => n.startsWith('photos/')).sort();
      const srcs = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
      expect(srcs.sort()).toEqual(packed);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
      expect(csp.split(';').map((d) => d.trim())).toContain("img-src 'self'");
      const unpacked = path.join(card, 'unpacked');
      for (const [name, bytes] of zip) {
        await fs.mkdir(path.dirname(path.join(unpacked, name)), { recursive: true });
        await fs.writeFile(path.join(unpacked, name), bytes);
      }
      // Opened from the folder in Chromium: the harness fails the test on any refusal by the policy.
      const viewer = await h.page();
      const refused: string[] = [];
      viewer.on('console', (m) => m.text().includes('Content Security Policy') && refused.push(m.text()));
      await viewer.goto(pathToFileURL(path.join(unpacked, 'article.html')).href);
      await viewer.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
      expect(await viewer.evaluate(() => Array.from(document.images).map((i) => i.naturalWidth > 0))).toEqual(packed.map(() => true));
      expect(refused).toEqual([]);
      await viewer.close();

      // Send: refused with a clear message until an address is set, then delivered once.
      await page.getByRole('button', { name: tp.send, exact: true }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain(resources.vi.errors.uploadNotConfigured);
      // The message links to the setting it names.
      await page.getByRole('alert').getByRole('link', { name: fill(ts.goTo, { section: ts.section.upload }), exact: true }).click();
      await page.getByLabel(ts.upload.url, { exact: true }).fill(upload.url);
      await page.getByRole('button', { name: ts.upload.save, exact: true }).click();
      await page.getByText(ts.upload.saved, { exact: true }).waitFor();
      await page.goBack();
      await article.waitReady();
      await page.getByRole('button', { name: tp.send, exact: true }).click();
      // Sent with the suggestion still open: said so as well.
      await page.getByRole('link', { name: tp.openOutbox, exact: true }).waitFor();
      expect(await openWarning.innerText()).toBe(fill(tp.openSuggestions_other, { count: '1' }));
      await page.getByRole('link', { name: tp.openOutbox, exact: true }).click();
      await expect.poll(() => page.locator('.outbox-table [data-state]').first().getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
      expect(await page.locator('.outbox-table').innerText()).toContain(to.state.sent);
      expect(upload.deliveries).toHaveLength(1);
      expect(upload.deliveries[0]!.size).toBeGreaterThan(shot.bytes.length);
    } finally {
      await upload.stop();
      await fs.rm(card, { recursive: true, force: true });
    }
  });
});
