/**
 * Per test file: one Chromium; per test: a fresh data folder, fresh browser contexts (sharing
 * the desk sessions, as windows of one browser do), and every web-mode process stopped
 * afterwards. An uncaught error in a page, anything the page's Content-Security-Policy
 * refused (an injected <style>, an inline script), or any request leaving 127.0.0.1 fails the test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { tempDirs } from '../../support/temp';
import { launchChromium, newPage } from './browser';
import { assertRendererBuilt, startWebDesk, type WebDesk } from './web-desk';

export interface Harness {
  dataDir(): Promise<string>;
  startDesk(dataDir: string): Promise<WebDesk>;
  page(options?: BrowserContextOptions): Promise<Page>;
}

export function useHarness(): Harness {
  let browser: Browser | null = null;
  const temp = tempDirs();
  let desks: WebDesk[] = [];
  let contexts: Array<{ context: BrowserContext; problems: string[] }> = [];

  beforeAll(async () => {
    assertRendererBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const problems = contexts.flatMap((c) => c.problems.filter((p) => p.startsWith('pageerror') || p.startsWith('request left the machine') || p.includes('violates the following Content Security Policy')));
    await Promise.all(contexts.map((c) => c.context.close()));
    contexts = [];
    const stopping = desks;
    desks = [];
    await Promise.all(stopping.map((d) => d.stop()));
    await temp.cleanup();
    if (problems.length) throw new Error(`uncaught errors in the page:\n${problems.join('\n')}`);
  });

  return {
    dataDir: () => temp.make('bantin-e2e-'),
    async startDesk(dataDir) {
      const desk = await startWebDesk(dataDir);
      desks.push(desk);
      return desk;
    },
    async page(options) {
      if (!browser) throw new Error('the browser is not running');
      // A desk's printed address works once, like in a real browser, where a second window shares
      // the first one's cookie: a later context gets the desk sessions the earlier ones hold.
      const sessions = (await Promise.all(contexts.map((c) => c.context.cookies()))).flat().filter((c) => c.name.startsWith('bantin_'));
      const opened = await newPage(browser, options);
      if (sessions.length) await opened.context.addCookies(sessions);
      contexts.push({ context: opened.context, problems: opened.problems });
      return opened.page;
    },
  };
}
