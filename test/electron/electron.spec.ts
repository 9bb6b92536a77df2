/**
 * The desktop app itself, driven by Playwright's Electron support: the real main process
 * (dist/main.cjs), preload and renderer, on a fresh data folder per test. It runs only where an
 * Electron binary is installed (`npm run test:electron` checks, and says why when it is not).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp';
import { electronRuntime } from '../../scripts/electron-runtime.mjs';
import { ArticlePage } from '../e2e/support/pages/article-page';
import { LibraryPage } from '../e2e/support/pages/library-page';
import { tempDirs } from '../support/temp';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'dist', 'main.cjs');
const HEADLINE = 'Phóng viên gửi bài từ vùng cao khi có sóng trở lại';
const SAPO = 'Bài viết lúc mất sóng, gửi về toà soạn khi điện thoại bắt được mạng.';

let executablePath = '';
const temp = tempDirs();
const running: ElectronApplication[] = [];

beforeAll(() => {
  const runtime = electronRuntime({ root: ROOT });
  executablePath = process.env.BANTIN_ELECTRON_PATH ?? (runtime.ok ? runtime.executable : '');
  if (!executablePath) throw new Error(`No Electron runtime here (${JSON.stringify(runtime)}); run this suite with npm run test:electron.`);
});

afterEach(async () => {
  for (const app of running.splice(0)) await app.close().catch(() => undefined);
  await temp.cleanup();
});

async function launch(dataDir: string, lang = 'vi_VN.UTF-8'): Promise<{ app: ElectronApplication; page: Page }> {
  const env = { ...process.env, LANG: lang } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({ executablePath, args: [MAIN, '--data', dataDir], cwd: ROOT, env });
  running.push(app);
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

async function quit(app: ElectronApplication): Promise<void> {
  await app.close();
  running.splice(running.indexOf(app), 1);
}

function menuLabels(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(({ Menu }) => (Menu.getApplicationMenu()?.items ?? []).map((i) => i.label.replace(/&/g, '')));
}

describe('the desktop window', () => {
  it('opens the desk in Vietnamese, from the app origin, in a locked-down window', async () => {
    const { app, page } = await launch(await temp.make());
    const library = new LibraryPage(page, 'vi');
    await library.waitReady();
    expect(page.url()).toBe('bantin://app/index.html');
    expect(await page.title()).toBe('Bàn Tin');
    expect(await library.htmlLang()).toBe('vi');

    const world = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      const desk = g.desk as Record<string, unknown> | undefined;
      return {
        desk: typeof desk,
        domains: desk ? Object.keys(desk).sort() : [],
        open: typeof (desk?.article as Record<string, unknown> | undefined)?.open,
        generic: desk ? ['invoke', 'send', 'ipcRenderer', 'on'].filter((k) => k in desk) : [],
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
      };
    });
    expect(world).toEqual({
      desk: 'object',
      domains: ['app', 'article', 'library', 'on', 'settings'],
      open: 'function',
      generic: ['on'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });

    // getLastWebPreferences is not in Electron's typings; Electron's own test suite reads it.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
      const p = contents.getLastWebPreferences();
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration, webSecurity: p?.webSecurity, webviewTag: p?.webviewTag };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

    const csp = await page.evaluate(async () => (await fetch('index.html')).headers.get('content-security-policy'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('stays on the app origin: navigation away and window.open go nowhere', async () => {
    const { app, page } = await launch(await temp.make());
    await new LibraryPage(page, 'vi').waitReady();
    // (A web link would be handed to the system browser; a file URL is simply refused.)
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('bantin://app/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('has a native menu in the interface language, and its Language menu switches the whole desk', async () => {
    const { app, page } = await launch(await temp.make());
    await new LibraryPage(page, 'vi').waitReady();
    const vi = resources.vi.menu;
    const en = resources.en.menu;
    const strip = (s: string) => s.replace(/&/g, '');
    expect(await menuLabels(app)).toEqual([vi.file.label, vi.edit.label, vi.view.label, vi.language.label, vi.help.label].map(strip));

    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('language-en')?.click());
    const library = new LibraryPage(page, 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await library.heading().waitFor();
    await expect.poll(() => menuLabels(app)).toEqual([en.file.label, en.edit.label, en.view.label, en.language.label, en.help.label].map(strip));
  });

  it('creates an article, and finds it intact after a restart, in a window of the same size', async () => {
    const dataDir = await temp.make();
    const first = await launch(dataDir);
    const library = new LibraryPage(first.page, 'vi');
    const article = new ArticlePage(first.page, 'vi');
    await library.waitReady();
    await library.newArticle();
    await article.waitReady();
    await article.typeInto(article.headline(), HEADLINE);
    await article.typeInto(article.sapo(), SAPO);
    await article.waitSaved();
    await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setSize(900, 700));
    await quit(first.app);

    const second = await launch(dataDir);
    const again = new LibraryPage(second.page, 'vi');
    await again.waitReady();
    await again.open(HEADLINE);
    const reopened = new ArticlePage(second.page, 'vi');
    await reopened.waitReady();
    expect(await reopened.headline().inputValue()).toBe(HEADLINE);
    expect(await reopened.sapo().inputValue()).toBe(SAPO);
    const size = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getSize());
    expect(size).toEqual([900, 700]);
  });

  it('is a single instance per desk: a second start hands over and quits', async () => {
    const dataDir = await temp.make();
    const { app, page } = await launch(dataDir);
    await new LibraryPage(page, 'vi').waitReady();
    const second = spawn(executablePath, [...(process.platform === 'linux' ? ['--no-sandbox'] : []), MAIN, '--data', dataDir], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('close', resolve));
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
