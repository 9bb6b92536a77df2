/**
 * The real main process (src-main/main.ts, bundled as scripts/build-node.mjs bundles it) run in
 * Node against a stand-in `electron` module, on a real desk in a temporary folder: main's
 * setupX() steps together, as far as they can be seen without the Electron binary.
 */
import { build } from 'esbuild';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../../src-shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/csp';
import { DEFAULT_READING_RATES, DEFAULT_SECTIONS, type ArticleSummary } from '../../../src-shared/models';
import { EXIT_DESK_REFUSED, READY_MARKER } from '../../../src-main/electron/launch';
import { MAIN_META_URL, NODE_BUNDLE } from '../../../scripts/bundle-options.mjs';
import { openDesk } from '../../../src-main/services/desk';
import { ROOT } from '../../support/child';
import { tempDirs } from '../../support/temp';
import { createFakeElectron, type FakeElectron, type MenuItemData } from './fakes/fake-electron';

const temp = tempDirs();
let bundle = '';
const requireReal = createRequire(import.meta.url);

beforeAll(async () => {
  // Bundled as scripts/build-node.mjs bundles it.
  const out = await build({ ...NODE_BUNDLE, ...MAIN_META_URL, entryPoints: [path.join(ROOT, 'src-main', 'main.ts')], write: false, logLevel: 'silent' });
  bundle = out.outputFiles[0]!.text;
});

const addedSignalListeners: Array<[NodeJS.Signals, (...a: unknown[]) => void]> = [];
afterEach(async () => {
  for (const [signal, listener] of addedSignalListeners.splice(0)) process.off(signal, listener);
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await temp.cleanup();
});

/** Runs the main bundle as Electron would, with `dist/` laid out in a temporary folder. */
async function runMain(
  argv: readonly string[],
  configure: (fake: FakeElectron) => void = () => undefined,
  lang = 'vi_VN.UTF-8',
): Promise<{ fake: FakeElectron; dist: string; logged: string[] }> {
  const dist = await temp.make('bantin-dist-');
  await fs.mkdir(path.join(dist, 'renderer'));
  await fs.writeFile(path.join(dist, 'renderer', 'index.html'), '<!doctype html><title>Bàn Tin</title>');
  const fake = createFakeElectron(await temp.make('bantin-appdata-'));
  configure(fake);
  const logged: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  const before = new Map((['SIGINT', 'SIGTERM'] as const).map((s) => [s, process.listeners(s)]));
  const argvBefore = process.argv;
  process.argv = ['/opt/electron/electron', path.join(dist, 'main.cjs'), ...argv];
  vi.stubEnv('LANG', lang);
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  try {
    const requireFake = (id: string) => (id === 'electron' ? fake.electron : requireReal(id));
    const module = { exports: {} };
    new Function('require', 'module', 'exports', '__dirname', '__filename', bundle)(requireFake, module, module.exports, dist, path.join(dist, 'main.cjs'));
  } finally {
    process.argv = argvBefore;
  }
  // main() goes on asynchronously: let it settle, then record the signal handlers it added.
  await until(() => fake.BrowserWindow.all.length > 0 || fake.calls.exitCode !== null || fake.calls.quitted);
  for (const [signal, old] of before) for (const l of process.listeners(signal)) if (!old.includes(l)) addedSignalListeners.push([signal, l as (...a: unknown[]) => void]);
  return { fake, dist, logged };
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const find = (items: readonly MenuItemData[], id: string): MenuItemData | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = find(item.submenu ?? [], id);
    if (inner) return inner;
  }
  return undefined;
};

describe('the main process', () => {
  it('starts the desk in a secure window, answers the window over IPC, and closes the desk on quit', async () => {
    const dataDir = await temp.make();
    const { fake, dist, logged } = await runMain(['--data', dataDir]);
    const { calls } = fake;

    // Paths: the chosen desk folder, and Chromium's profile beside it.
    expect(calls.names).toEqual(['Bàn Tin']);
    expect(calls.paths.get('userData')).toBe(path.join(dataDir, 'electron-profile'));
    await expect(fs.access(path.join(dataDir, 'desk.lock'))).resolves.toBeUndefined();

    // Security: the privileged scheme, sandbox for all, permissions refused.
    expect(calls.privileged).toEqual([{ scheme: 'bantin', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(calls.sandboxEnabled).toBe(true);
    let granted: boolean | null = null;
    calls.permissionRequest?.({}, 'media', (ok) => (granted = ok), { requestingUrl: 'bantin://app/index.html' });
    expect(granted).toBe(false);
    expect(calls.permissionCheck?.({}, 'geolocation', 'bantin://app')).toBe(false);

    // The scheme serves the renderer from beside main.cjs, with the CSP.
    const res = await calls.protocolHandlers.get('bantin')!(new Request('bantin://app/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    // One window, locked down, loading the app origin, guarded.
    const [win] = fake.BrowserWindow.all;
    expect(fake.BrowserWindow.all).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({ preload: path.join(dist, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win!.options.show).toBe(false);
    expect(win!.loaded).toEqual(['bantin://app/index.html']);
    expect(win!.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(calls.openedExternally).toEqual(['https://example.com/']);

    // Shown when ready, announced once for npm start.
    expect(logged).not.toContain(READY_MARKER);
    win!.emit('ready-to-show');
    expect(win!.visible).toBe(true);
    expect(logged.filter((l) => l === READY_MARKER)).toHaveLength(1);

    // The IPC door answers this window, and only it.
    const event = { sender: win!.webContents, senderFrame: { url: 'bantin://app/index.html', parent: null } };
    expect(await fake.ipcMain.invoke(IPC_CALL_CHANNEL, event, 'library:list', { trashed: false })).toEqual({ ok: true, value: [] });
    const foreign = { sender: win!.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await fake.ipcMain.invoke(IPC_CALL_CHANNEL, foreign, 'library:list', { trashed: false })).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });

    // The menu speaks Vietnamese; New article creates one and shows it; English rebuilds the menu.
    await until(() => calls.menus.length > 0);
    expect(calls.menus.at(-1)!.map((m) => m.label)).toEqual(['&Tệp', '&Sửa', '&Xem', '&Ngôn ngữ', 'Trợ &giúp']);
    find(calls.menus.at(-1)!, 'newArticle')!.click!();
    await until(() => win!.loaded.length === 2);
    const list = (await fake.ipcMain.invoke(IPC_CALL_CHANNEL, event, 'library:list', { trashed: false })) as Envelope<ArticleSummary[]>;
    expect(list.ok && list.value).toHaveLength(1);
    expect(win!.loaded[1]).toBe(`bantin://app/index.html#/article/${list.ok ? list.value[0]!.id : ''}`);

    find(calls.menus.at(-1)!, 'language-en')!.click!();
    await until(() => calls.menus.length >= 2);
    expect(calls.menus.at(-1)!.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Language', '&Help']);
    expect(find(calls.menus.at(-1)!, 'language-en')!.checked).toBe(true);
    expect(win!.webContents.sent.some((s) => s.channel === IPC_EVENT_CHANNEL && s.args[0] === 'settings:changed')).toBe(true);

    // Moving the window is remembered once it stops moving (debounced), without waiting for a quit.
    win!.setBounds({ x: 40, y: 30, width: 1000, height: 720 });
    await until(() => savedWindowWidth(dataDir) === 1000, 3000);

    // Quit: the desk is closed (everything flushed, lock released) before the app really quits.
    fake.app.quit();
    await until(() => calls.quitted);
    await expect(fs.access(path.join(dataDir, 'desk.lock'))).rejects.toThrow();
    const saved = JSON.parse(await fs.readFile(path.join(dataDir, 'desk.json'), 'utf8')) as { settings: { language: string; windowState: unknown } };
    expect(saved.settings).toEqual({ language: 'en', windowState: { x: 40, y: 30, width: 1000, height: 720, maximized: false }, readingRates: DEFAULT_READING_RATES, stripGpsOnExport: true, sections: DEFAULT_SECTIONS });
  });

  it('reopens the window where it was, maximized only once it is ready to show', async () => {
    const dataDir = await temp.make();
    const before = await openDesk({ dataDir, mode: 'web', version: '0' });
    await before.updateSettings({ windowState: { x: 200, y: 120, width: 1100, height: 760, maximized: true } });
    await before.close();
    const { fake } = await runMain(['--data', dataDir]);
    const [win] = fake.BrowserWindow.all;
    expect(win!.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 760 });
    expect(win!.maximized).toBe(false);
    expect(win!.visible).toBe(false);
    win!.emit('ready-to-show');
    expect(win!.maximized).toBe(true);
    expect(win!.visible).toBe(true);
    fake.app.quit();
    await until(() => fake.calls.quitted);
  });

  it('refuses a desk another process holds: a translated error dialog, then exit code 3', async () => {
    const dataDir = await temp.make();
    const holder = await openDesk({ dataDir, mode: 'web', version: '0' });
    try {
      const { fake, logged } = await runMain(['--data', dataDir]);
      await until(() => fake.calls.exitCode !== null);
      expect(fake.calls.exitCode).toBe(EXIT_DESK_REFUSED);
      expect(fake.BrowserWindow.all).toHaveLength(0);
      expect(fake.calls.errorBoxes).toHaveLength(1);
      expect(fake.calls.errorBoxes[0]!.title).toBe('Bàn Tin không khởi động được');
      expect(fake.calls.errorBoxes[0]!.content).toBe(`Thư mục dữ liệu ${dataDir} đang được một Bàn Tin khác sử dụng (tiến trình ${process.pid}). Hãy đóng nó trước.`);
      expect(logged).toContain(fake.calls.errorBoxes[0]!.content);
    } finally {
      await holder.close();
    }
  });

  it('speaks the language saved in the refused desk', async () => {
    const dataDir = await temp.make();
    const holder = await openDesk({ dataDir, mode: 'web', version: '0' });
    try {
      await holder.updateSettings({ language: 'en' });
      const { fake } = await runMain(['--data', dataDir]);
      await until(() => fake.calls.exitCode !== null);
      expect(fake.calls.errorBoxes[0]!.title).toBe('Bàn Tin could not start');
      expect(fake.calls.errorBoxes[0]!.content).toMatch(/^The data folder .* is in use by another Bàn Tin/);
    } finally {
      await holder.close();
    }
  });

  it('says so when the data folder cannot be written, instead of crashing', async () => {
    const parent = await temp.make();
    const dataDir = path.join(parent, 'desk');
    await fs.writeFile(dataDir, 'a file where the folder should be');
    const { fake } = await runMain(['--data', dataDir], () => undefined, 'en_US.UTF-8');
    await until(() => fake.calls.exitCode !== null);
    expect(fake.calls.exitCode).toBe(EXIT_DESK_REFUSED);
    expect(fake.calls.errorBoxes).toEqual([{ title: 'Bàn Tin could not start', content: expect.stringMatching(/^Could not read or write the file .*desk/) }]);
  });

  it('quits at once when another instance already runs on this desk', async () => {
    const dataDir = await temp.make();
    const { fake } = await runMain(['--data', dataDir], (f) => (f.calls.singleInstanceLock = false));
    expect(fake.calls.quitted).toBe(true);
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fake.calls.menus).toHaveLength(0);
    await expect(fs.access(path.join(dataDir, 'desk.lock'))).rejects.toThrow();
  });
});

/** The window width saved in desk.json, as another reader of the file would see it. */
function savedWindowWidth(dataDir: string): number | null {
  try {
    const data = JSON.parse(readFileSync(path.join(dataDir, 'desk.json'), 'utf8')) as { settings?: { windowState?: { width?: number } | null } };
    return data.settings?.windowState?.width ?? null;
  } catch {
    return null;
  }
}
