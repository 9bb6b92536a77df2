/**
 * The settings page in Chromium through web mode: reached from the header, the interface
 * language switched from it (and kept after a reload), and the upload address — the "Send"
 * refusal without one links to its section, the address is saved, tried against a real
 * endpoint on 127.0.0.1, and kept; a section added to the desk's list is kept too; the
 * tone-mark style chosen there is what the article bar's command puts an article in.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { startUploadServer } from '../support/upload-server';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { SettingsPage } from './support/pages/settings-page';
import { fill } from './support/texts';

describe('the settings page', () => {
  const h = useHarness();

  it('switches the language, links the no-address Send error to the upload address, saves and tests it', async () => {
    const upload = await startUploadServer({ basic: { user: 'minhthu', password: 'mật-khẩu' } });
    try {
      const desk = await h.startDesk(await h.dataDir());
      // axe is injected into the page, so the context bypasses the desk's CSP.
      const page = await h.page({ bypassCSP: true });
      const library = new LibraryPage(page, 'vi');
      const article = new ArticlePage(page, 'vi');
      const settings = new SettingsPage(page, 'vi');
      await library.goto(desk.url);
      await library.newArticle();
      await article.waitReady();
      const articleUrl = page.url();

      // "Send" with no address: the message names the settings page and links to its section.
      const vi = resources.vi;
      await page.getByRole('button', { name: vi.package.send, exact: true }).click();
      const banner = page.getByRole('alert').filter({ hasText: vi.errors.uploadNotConfigured });
      await banner.waitFor();
      await banner.getByRole('link', { name: fill(vi.settings.goTo, { section: vi.settings.section.upload }), exact: true }).click();
      await settings.heading().waitFor();
      expect(page.url()).toMatch(/#\/settings\/upload$/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(vi.settings.section.upload);
      expect(await seriousViolations(page)).toEqual([]);

      // The address and its login, in plain words; tried, then saved.
      await settings.uploadUrl().fill(upload.url);
      await settings.section('upload').getByLabel(vi.settings.upload.auth, { exact: true }).selectOption('basic');
      await settings.section('upload').getByLabel(vi.settings.upload.username, { exact: true }).fill('minhthu');
      await settings.section('upload').getByLabel(vi.settings.upload.password, { exact: true }).fill('sai');
      await settings.button(vi.settings.upload.test).click();
      await expect.poll(() => settings.section('upload').locator('[data-probe]').innerText()).toBe(fill(vi.settings.upload.result.unauthorized, { status: '401' }));
      await settings.section('upload').getByLabel(vi.settings.upload.password, { exact: true }).fill('mật-khẩu');
      await settings.button(vi.settings.upload.test).click();
      await expect.poll(() => settings.section('upload').locator('[data-probe]').innerText()).toBe(fill(vi.settings.upload.result.reachable, { status: '400' }));
      await settings.button(vi.settings.upload.save).click();
      await settings.section('upload').getByText(vi.settings.upload.saved, { exact: true }).waitFor();
      expect(upload.deliveries).toEqual([]);

      // The tone-mark style: off by default, chosen here.
      expect(await settings.section('spelling').getByRole('radio', { name: vi.settings.toneStyle.off, exact: true }).isChecked()).toBe(true);
      const modern = settings.section('spelling').getByRole('radio', { name: vi.settings.toneStyle.modern, exact: true });
      await modern.click(); // checked once main has saved it and said so
      await expect.poll(() => modern.isChecked()).toBe(true);

      // A section for the desk's list.
      await settings.section('sections').getByLabel(vi.settings.sections.add, { exact: true }).fill('Du lịch');
      await settings.button(vi.settings.sections.addButton).click();
      await settings.button(fill(vi.settings.sections.remove, { name: 'Du lịch' })).waitFor();

      // The language, from the page: the whole interface follows, and stays after a reload.
      await settings.languageOption('en').check();
      settings.speak('en');
      library.speak('en');
      await settings.heading().waitFor();
      expect(await settings.htmlLang()).toBe('en');
      await page.reload();
      await settings.heading().waitFor();
      expect(await settings.languageOption('en').isChecked()).toBe(true);
      await expect.poll(() => settings.uploadUrl().inputValue()).toBe(upload.url);
      expect(await settings.button(fill(resources.en.settings.sections.remove, { name: 'Du lịch' })).count()).toBe(1);

      // The article's section field offers the desk's list, in its order, with the new section.
      await page.goto(articleUrl);
      article.speak('en');
      await article.waitReady();
      // The desk's list reaches the page after the article does: the options fill in once it has.
      const options = () => page.getByLabel(resources.en.workspace.meta.section, { exact: true }).locator('option').allInnerTexts();
      await expect.poll(options).toContain('Du lịch');
      expect((await options()).slice(1, 3)).toEqual(['Thời sự', 'Chính trị']);

      // The article bar puts the Vietnamese article in the chosen style, as one step Ctrl+Z takes back.
      await article.typeInto(article.headline(), 'Hòa bình cho thủy điện');
      await page.getByRole('button', { name: fill(resources.en.spell.toneStyle.apply, { example: 'hoà' }), exact: true }).click();
      await expect.poll(() => article.headline().inputValue()).toBe('Hoà bình cho thuỷ điện');
      await page.getByRole('status').filter({ hasText: fill(resources.en.spell.toneStyle.done_other, { count: '2', example: 'hoà' }) }).waitFor();
      await article.headline().press('Control+z');
      await expect.poll(() => article.headline().inputValue()).toBe('Hòa bình cho thủy điện');

      // Reachable from the header on any page.
      await library.goto(`${desk.origin}/#/`);
      await settings.navLink().click();
      await settings.heading().waitFor();
      expect(page.url()).toMatch(/#\/settings$/);
    } finally {
      await upload.stop();
    }
  });
});
