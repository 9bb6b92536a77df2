import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';

describe('accessibility (axe-core)', () => {
  const h = useHarness();

  it('finds no serious or critical violation on the library, article and server pages, in both languages', async () => {
    const desk = await h.startDesk(await h.dataDir());
    // axe is injected as a script, which the desk's CSP forbids: only this context bypasses it.
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    await library.goto(desk.url);

    await library.emptyState().waitFor();
    expect(await seriousViolations(page), 'empty library').toEqual([]);

    await library.loadSample();
    await library.table().waitFor();
    expect(await seriousViolations(page), 'library with an article').toEqual([]);

    await library.open((await library.headlines())[0]!);
    await article.waitReady();
    expect(await seriousViolations(page), 'article page').toEqual([]);

    await article.switchLanguage('en');
    await article.heading().waitFor();
    expect(await seriousViolations(page), 'article page in English').toEqual([]);

    await article.back();
    library.speak('en');
    await library.waitReady();
    await library.showTrash();
    expect(await seriousViolations(page), 'empty trash in English').toEqual([]);

    const server = new ServerPage(page, 'en');
    await server.open();
    await server.form().waitFor();
    expect(await seriousViolations(page), 'server page in English').toEqual([]);
    await server.switchLanguage('vi');
    await server.login('không phải địa chỉ', 'lan', 'mật khẩu');
    await server.problem().filter({ hasText: server.ts.login.badServer }).waitFor();
    expect(await seriousViolations(page), 'server page with a refused address').toEqual([]);
  });

  it('reaches every control of the library with the Tab key, with a visible focus', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);
    await library.loadSample();
    await library.table().waitFor();
    await page.reload();
    await library.waitReady();
    await library.table().waitFor();

    const reached: string[] = [];
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const name = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
        return { name: name.trim(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!focused) break;
      expect(focused.outline, `focus visible on ${focused.name}`).toBe(true);
      reached.push(focused.name);
    }
    for (const name of [library.t.language.label, library.t.library.newArticle, library.t.library.active, library.t.library.trash]) {
      expect(reached).toContain(name);
    }
    expect(reached.some((n) => n.startsWith('Hội nghị'))).toBe(true);
    expect(reached.some((n) => n.startsWith('Bỏ vào thùng rác'))).toBe(true);
  });
});
