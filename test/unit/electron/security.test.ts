/** The window's security settings, and where its pages may go (Electron's security checklist). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../src-main/electron/app-url';
import { guardContents, type GuardedContents } from '../../../src-main/electron/contents-guard';
import {
  navigationDecision,
  permissionAllowed,
  redirectDecision,
  webPreferences,
  windowOpenDecision,
  windowOptions,
} from '../../../src-main/electron/security-policy';

describe('window options', () => {
  const options = windowOptions('/app/dist/preload.cjs', { width: 1000, height: 700, maximized: false }, false);

  it('isolate and sandbox the page, with no Node and every web safety on', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it("turn Chromium's spellchecker off: it downloads dictionaries, the desk checks offline itself", () => {
    expect(options.webPreferences?.spellcheck).toBe(false);
  });

  it('offer developer tools only to a development run', () => {
    expect(webPreferences('/p', false).devTools).toBe(false);
    expect(webPreferences('/p', true).devTools).toBe(true);
  });

  it('open hidden (shown when ready) at the restored bounds, centred when there is no position', () => {
    expect(options).toMatchObject({ show: false, width: 1000, height: 700, center: true });
    expect(options).not.toHaveProperty('x');
    const placed = windowOptions('/p', { x: 10, y: 20, width: 800, height: 600, maximized: true }, true);
    expect(placed).toMatchObject({ x: 10, y: 20, width: 800, height: 600 });
    expect(placed).not.toHaveProperty('center');
  });
});

describe('the app origin', () => {
  it('is bantin://app and nothing that merely looks like it', () => {
    expect(APP_ORIGIN).toBe('bantin://app');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('bantin://app/index.html#/article/abc')).toBe(true);
    for (const url of ['bantin://app.evil/', 'bantin://evil/', 'bantin://user@app/', 'bantin://app:1/', 'https://app/', 'file:///app/index.html', 'app/index.html', '', 'javascript:alert(1)']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('stays inside the app; web links go to the system browser; anything else is refused', () => {
    expect(navigationDecision('bantin://app/index.html#/trash')).toBe('allow');
    expect(navigationDecision('https://baohagiang.vn/tin-tuc')).toBe('openExternal');
    expect(navigationDecision('http://example.com/')).toBe('openExternal');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'bantin://other/', 'https://user:pw@example.com/', 'chrome://settings', 'not a url']) {
      expect(navigationDecision(url), url).toBe('deny');
    }
  });

  it('never follows a redirect out of the app, nor opens a window', () => {
    expect(redirectDecision('bantin://app/index.html')).toBe('allow');
    expect(redirectDecision('https://example.com/')).toBe('deny');
    expect(windowOpenDecision('https://example.com/')).toBe('openExternal');
    expect(windowOpenDecision('bantin://app/index.html')).toBe('deny');
    expect(windowOpenDecision('file:///etc/passwd')).toBe('deny');
  });

  it('refuses every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(permissionAllowed(p, APP_ENTRY_URL), p).toBe(false);
    }
  });
});

/** A page as far as the guard touches it: its events and its window-open handler. */
class FakePage extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits `event` with a preventable details object; returns whether it was prevented. */
  attempt(event: string, details: Record<string, unknown>): boolean {
    let prevented = false;
    this.emit(event, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('the page guard', () => {
  function guarded() {
    const page = new FakePage();
    const opened: string[] = [];
    guardContents(page as unknown as GuardedContents, (url) => opened.push(url));
    return { page, opened };
  }

  it('blocks navigation away from the app and sends main-frame web links to the browser', () => {
    const { page, opened } = guarded();
    expect(page.attempt('will-navigate', { url: 'bantin://app/index.html#/trash' })).toBe(false);
    expect(page.attempt('will-navigate', { url: 'https://example.com/a' })).toBe(true);
    expect(page.attempt('will-navigate', { url: 'javascript:alert(1)' })).toBe(true);
    expect(opened).toEqual([]);
    expect(page.attempt('will-frame-navigate', { url: 'bantin://app/index.html', isMainFrame: true })).toBe(false);
    expect(page.attempt('will-frame-navigate', { url: 'https://example.com/a', isMainFrame: true })).toBe(true);
    expect(page.attempt('will-frame-navigate', { url: 'https://example.com/frame', isMainFrame: false })).toBe(true);
    expect(page.attempt('will-frame-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(true);
    expect(opened).toEqual(['https://example.com/a']);
  });

  it('blocks redirects out of the app and every <webview>', () => {
    const { page } = guarded();
    expect(page.attempt('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(page.attempt('will-redirect', { url: 'bantin://app/index.html' })).toBe(false);
    expect(page.attempt('will-attach-webview', {})).toBe(true);
  });

  it('denies window.open, opening web links in the browser instead', () => {
    const { page, opened } = guarded();
    expect(page.openHandler?.({ url: 'https://example.com/x' })).toEqual({ action: 'deny' });
    expect(page.openHandler?.({ url: 'bantin://app/index.html' })).toEqual({ action: 'deny' });
    expect(page.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/x']);
  });
});
