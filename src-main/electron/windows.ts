/**
 * The desk's window: one per desk. It opens where it was last (clamped to a display that
 * exists), loads the renderer from the app scheme, is trusted by the IPC door while it lives,
 * and saves its size and position in the settings as it moves (debounced) and when it closes.
 * The first time it is shown, `READY_MARKER` goes to stdout for `scripts/start.mjs`.
 */
import { BrowserWindow, screen } from 'electron';
import type { Desk } from '../services/desk';
import { APP_ENTRY_URL, articleUrl } from './app-url';
import { debounce } from './debounce';
import type { IpcDoor } from './ipc-door';
import { READY_MARKER } from './launch';
import type { Launch } from './paths';
import { windowOptions } from './security-policy';
import { restoreBounds, sameWindowState, windowStateFrom } from './window-bounds';

const SAVE_DELAY_MS = 500;

export interface DeskWindows {
  /** Shows the window (opening it if there is none) and gives it focus. */
  show(): BrowserWindow;
  current(): BrowserWindow | null;
  /** Shows an article in the window. */
  openArticle(id: string): void;
}

function displays() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
}

export function setupWindows(desk: Desk, ipc: IpcDoor, launch: Launch): DeskWindows {
  let window: BrowserWindow | null = null;
  let announced = false;

  function trackState(win: BrowserWindow): void {
    const save = () => {
      if (win.isDestroyed() || win.isFullScreen() || win.isMinimized()) return;
      const state = windowStateFrom(win.getNormalBounds(), win.isMaximized());
      if (!sameWindowState(desk.settings().windowState, state)) void desk.updateSettings({ windowState: state }).catch(() => undefined);
    };
    const saver = debounce(save, SAVE_DELAY_MS);
    win.on('resize', () => saver.schedule());
    win.on('move', () => saver.schedule());
    win.on('maximize', () => saver.schedule());
    win.on('unmaximize', () => saver.schedule());
    win.on('close', () => {
      saver.cancel();
      save();
    });
  }

  function open(): BrowserWindow {
    const bounds = restoreBounds(desk.settings().windowState, displays());
    const win = new BrowserWindow(windowOptions(launch.preload, bounds, launch.dev));
    ipc.attach(win.webContents);
    trackState(win);
    win.once('ready-to-show', () => {
      // maximize() also shows the window: done only now, so no blank window flashes first.
      if (bounds.maximized) win.maximize();
      else win.show();
      if (!announced) {
        announced = true;
        console.log(READY_MARKER);
      }
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    win.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('[window] could not load the desk:', err));
    return win;
  }

  const windows: DeskWindows = {
    show() {
      window ??= open();
      if (window.isMinimized()) window.restore();
      if (window.isVisible()) window.focus();
      return window;
    },
    current: () => window,
    openArticle(id) {
      // An in-page navigation: Electron may report it as aborted, which is not a failure here.
      windows.show().loadURL(articleUrl(id)).catch(() => undefined);
    },
  };
  return windows;
}
