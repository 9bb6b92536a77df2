import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src-shared/csp';
import { useHarness } from './support/harness';
import { LibraryPage } from './support/pages/library-page';
import { texts } from './support/texts';

describe('the desk in the browser', () => {
  const h = useHarness();

  it('opens in Vietnamese on a fresh data folder, with the bundled font and the CSP as a meta tag', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const fontRequests: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'font') fontRequests.push(r.url());
    });
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    const library = new LibraryPage(page, 'vi');
    const response = page.waitForResponse((r) => r.request().resourceType() === 'document' && r.status() === 200);
    await library.goto(desk.url);
    // The whole policy comes as a header; framing is refused there, where browsers obey it.
    expect(await (await response).headerValue('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");

    expect(await library.htmlLang()).toBe('vi');
    expect(await page.title()).toBe('Bàn Tin');
    // The Vietnamese strings, not the English ones.
    expect(texts('vi').library.title).not.toBe(texts('en').library.title);
    await library.heading().waitFor();
    await library.emptyState().waitFor();
    expect(await library.loadSampleButton().isVisible()).toBe(true);
    expect(await library.languageSwitch().inputValue()).toBe('vi');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Thư viện bài viết');

    // The font is served by the desk itself, with its Vietnamese subset, and nothing else is fetched.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Hội nghị trực tuyến toàn quốc'))).toBe(true);
    expect(fontRequests.length).toBeGreaterThan(0);
    expect(fontRequests.every((u) => u.startsWith(desk.origin + '/'))).toBe(true);
    expect(fontRequests.some((u) => u.includes('vietnamese'))).toBe(true);

    // The meta tag repeats it without frame-ancestors, which a meta tag cannot carry (the console said so on every load).
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(console.filter((line) => line.includes('frame-ancestors'))).toEqual([]);
  });
});
