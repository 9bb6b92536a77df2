/**
 * A stand-in for the `electron` module, just deep enough to run the real main process bundle
 * (src-main/main.ts) in Node: the binary cannot exist here. It records what main asks of
 * Electron (paths, scheme, window options, menu, dialogs, exit) and lets a test act as the
 * user and the OS (show the window, click a menu item, move the window, quit).
 */
import { EventEmitter } from 'node:events';
import { FakeIpcMain } from './electron-edge';

export interface MenuItemData {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemData[];
}

let nextContentsId = 1000;

export class FakeContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  private destroyed = false;
  readonly mainFrame = { url: '', parent: null as unknown };

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (d: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export function createFakeElectron(appData: string) {
  const calls = {
    paths: new Map<string, string>([['appData', appData]]),
    names: [] as string[],
    privileged: [] as unknown[],
    sandboxEnabled: false,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
    openedExternally: [] as string[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as unknown[],
    menus: [] as MenuItemData[][],
    exitCode: null as number | null,
    quitted: false,
    singleInstanceLock: true,
  };

  const app = new (class extends EventEmitter {
    isPackaged = false;
    private quitting = false;
    setName(name: string) {
      calls.names.push(name);
    }
    getPath(name: string): string {
      const p = calls.paths.get(name);
      if (!p) throw new Error(`no path ${name}`);
      return p;
    }
    setPath(name: string, value: string) {
      calls.paths.set(name, value);
    }
    enableSandbox() {
      calls.sandboxEnabled = true;
    }
    requestSingleInstanceLock() {
      return calls.singleInstanceLock;
    }
    whenReady() {
      return Promise.resolve();
    }
    exit(code = 0) {
      calls.exitCode = code;
    }
    /** As Electron does: close the windows, then 'will-quit' (which may be prevented), then 'quit'. */
    quit() {
      if (this.quitting) return;
      this.quitting = true;
      this.emit('before-quit', { preventDefault() {} });
      for (const w of [...BrowserWindow.all]) w.close();
      let prevented = false;
      this.emit('will-quit', { preventDefault: () => (prevented = true) });
      this.quitting = false;
      if (prevented) return;
      calls.quitted = true;
      this.emit('quit');
    }
  })();

  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return [...BrowserWindow.all];
    }
    readonly webContents = new FakeContents();
    readonly loaded: string[] = [];
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    visible = false;
    focused = false;
    private destroyed = false;

    constructor(readonly options: Record<string, unknown>) {
      super();
      this.bounds = { x: Number(options.x ?? 100), y: Number(options.y ?? 100), width: Number(options.width), height: Number(options.height) };
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url.split('#')[0]!;
      return Promise.resolve();
    }
    /** As Electron's: it also shows a hidden window. */
    maximize() {
      this.maximized = true;
      this.visible = true;
      this.emit('maximize');
    }
    show() {
      this.visible = true;
      this.emit('show');
    }
    focus() {
      this.focused = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    isVisible() {
      return this.visible;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMaximized() {
      return this.maximized;
    }
    isFullScreen() {
      return false;
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    /** The user moved or resized the window. */
    setBounds(b: { x: number; y: number; width: number; height: number }) {
      this.bounds = { ...b };
      this.emit('move');
      this.emit('resize');
    }
    close() {
      if (this.destroyed) return;
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      BrowserWindow.all = BrowserWindow.all.filter((w) => w !== this);
      this.webContents.destroy();
      this.emit('closed');
      if (BrowserWindow.all.length === 0) app.emit('window-all-closed');
    }
  }

  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const ipcMain = new FakeIpcMain();

  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    screen: { getPrimaryDisplay: () => primary, getAllDisplays: () => [primary] },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privileged.push(...schemes),
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) => calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof calls.permissionRequest) => (calls.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof calls.permissionCheck) => (calls.permissionCheck = h),
      },
    },
    shell: { openExternal: async (url: string) => void calls.openedExternally.push(url) },
    Menu: {
      buildFromTemplate: (template: MenuItemData[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemData[] }) => calls.menus.push(menu.template),
    },
    // Like Linux without a keyring: no encryption, so the desk keeps the token as it is.
    safeStorage: { isEncryptionAvailable: () => false },
    dialog: {
      showErrorBox: (title: string, content: string) => calls.errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        calls.messageBoxes.push(args.at(-1));
        return { response: 0 };
      },
    },
  };

  return { electron, calls, app, BrowserWindow, ipcMain };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
