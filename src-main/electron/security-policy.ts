/**
 * The security decisions of the desktop shell as plain functions (Electron's security
 * checklist): how the window is configured, where it may navigate, what `window.open` does
 * and which permissions a page gets. `security.ts` and `windows.ts` only apply them.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { PRODUCT_NAME } from '../services/paths';
import { isAppUrl } from './app-url';
import type { RestoredBounds } from './window-bounds';

export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 480;

/** No Node in the page, an isolated and sandboxed preload, and every web safety left on. */
export function webPreferences(preload: string, dev: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's checker downloads its dictionaries; the desk checks spelling itself, offline (src-shared/spell).
    spellcheck: false,
    // Reachable only from the View menu of a development run.
    devTools: dev,
  };
}

export function windowOptions(preload: string, bounds: RestoredBounds, dev: boolean): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: webPreferences(preload, dev),
  };
}

/** What a link or a redirect may do: stay in the app, open in the system browser, or nothing. */
export type NavigationDecision = 'allow' | 'openExternal' | 'deny';

function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** A main-frame navigation: only the app's own pages load in the window. */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isWebLink(url) ? 'openExternal' : 'deny';
}

/** A redirect never leaves the app, nor goes to the browser behind the user's back. */
export function redirectDecision(url: string): 'allow' | 'deny' {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** `window.open` and `target=_blank` never create a window; web links go to the system browser. */
export function windowOpenDecision(url: string): 'openExternal' | 'deny' {
  return isWebLink(url) ? 'openExternal' : 'deny';
}

/**
 * Camera, microphone, geolocation, notifications, midi, HID… the desk needs none of them,
 * so every request and every check is refused, whoever asks.
 */
export function permissionAllowed(_permission: string, _requestingUrl: string): boolean {
  return false;
}
