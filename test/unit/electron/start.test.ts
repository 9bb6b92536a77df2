/**
 * `npm start`'s choice (scripts/start.mjs): Electron where its binary exists and a display does,
 * else one line saying why and the desk in the browser. The decision is checked on temporary
 * folders laid out like the electron package; the whole script with a stand-in Electron
 * executable (a small Node script: the binary cannot be had here) and the real web mode.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_DESK_REFUSED as MAIN_EXIT_REFUSED, READY_MARKER as MAIN_READY } from '../../../src-main/electron/launch';
import { EXIT_DESK_REFUSED, READY_MARKER, cliText, electronRuntime, noElectronLine } from '../../../scripts/electron-runtime.mjs';
import { ROOT } from '../../support/child';
import { tempDirs } from '../../support/temp';

const temp = tempDirs();
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await temp.cleanup();
});

/** A project folder with node_modules/electron as npm leaves it, optionally with the binary. */
async function project(options: { pathTxt?: string; binary?: string } = {}): Promise<string> {
  const root = await temp.make('bantin-start-');
  const pkg = path.join(root, 'node_modules', 'electron');
  await fs.mkdir(pkg, { recursive: true });
  await fs.writeFile(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (options.pathTxt !== undefined) await fs.writeFile(path.join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) {
    await fs.mkdir(path.dirname(path.join(pkg, 'dist', options.binary)), { recursive: true });
    await fs.writeFile(path.join(pkg, 'dist', options.binary), '');
  }
  return root;
}

const display = { DISPLAY: ':0' };

describe('the Electron runtime decision', () => {
  it('finds no binary when electron never downloaded it (no path.txt)', async () => {
    const root = await project();
    expect(electronRuntime({ root, env: display, platform: 'linux' })).toEqual({
      ok: false,
      reason: { key: 'reasonNoBinary', params: { path: path.join(root, 'node_modules', 'electron', 'path.txt') } },
    });
  });

  it('finds no binary when path.txt names a file that is not there', async () => {
    const root = await project({ pathTxt: 'electron' });
    const expected = path.join(root, 'node_modules', 'electron', 'dist', 'electron');
    expect(electronRuntime({ root, env: display, platform: 'linux' })).toEqual({ ok: false, reason: { key: 'reasonNoBinary', params: { path: expected } } });
  });

  it('runs the binary path.txt names under dist/, on each platform', async () => {
    const linux = await project({ pathTxt: 'electron', binary: 'electron' });
    expect(electronRuntime({ root: linux, env: display, platform: 'linux' })).toEqual({ ok: true, executable: path.join(linux, 'node_modules', 'electron', 'dist', 'electron') });
    const mac = await project({ pathTxt: 'Electron.app/Contents/MacOS/Electron', binary: 'Electron.app/Contents/MacOS/Electron' });
    expect(electronRuntime({ root: mac, env: {}, platform: 'darwin' })).toMatchObject({ ok: true });
    const win = await project({ pathTxt: 'electron.exe', binary: 'electron.exe' });
    expect(electronRuntime({ root: win, env: {}, platform: 'win32' })).toMatchObject({ ok: true });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron’s index.js does', async () => {
    const root = await project();
    const dist = await temp.make('bantin-dist-');
    expect(electronRuntime({ root, env: { ...display, ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({
      ok: false,
      reason: { key: 'reasonNoBinary', params: { path: path.join(dist, 'electron') } },
    });
    await fs.writeFile(path.join(dist, 'electron'), '');
    expect(electronRuntime({ root, env: { ...display, ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({ ok: true, executable: path.join(dist, 'electron') });
  });

  it('cannot open a window on Linux without DISPLAY or WAYLAND_DISPLAY', async () => {
    const root = await project({ pathTxt: 'electron', binary: 'electron' });
    expect(electronRuntime({ root, env: {}, platform: 'linux' })).toEqual({ ok: false, reason: { key: 'reasonNoDisplay', params: {} } });
    expect(electronRuntime({ root, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toMatchObject({ ok: true });
    expect(electronRuntime({ root, env: {}, platform: 'darwin' })).toMatchObject({ ok: true });
    expect(electronRuntime({ root, env: {}, platform: 'win32' })).toMatchObject({ ok: true });
  });

  it('never loads the electron package (which would download the binary)', async () => {
    const root = await project({ pathTxt: 'electron', binary: 'electron' });
    await fs.writeFile(path.join(root, 'node_modules', 'electron', 'index.js'), 'throw new Error("downloading")');
    expect(electronRuntime({ root, env: display, platform: 'linux' })).toMatchObject({ ok: true });
  });

  it('says why in one line, in the language of LANG', () => {
    const reason = { key: 'reasonNoDisplay', params: {} } as const;
    const vi = noElectronLine(ROOT, reason, { LANG: 'vi_VN.UTF-8' });
    const en = noElectronLine(ROOT, reason, { LANG: 'en_US.UTF-8' });
    expect(vi).toBe(cliText(ROOT, 'vi', 'noElectron', { reason: cliText(ROOT, 'vi', 'reasonNoDisplay') }));
    expect(vi).toContain('Không có Electron');
    expect(en).toContain('No Electron on this machine (no graphical display');
    for (const line of [vi, en, noElectronLine(ROOT, { key: 'reasonNoBinary', params: { path: '/x/path.txt' } }, {})]) {
      expect(line).not.toContain('\n');
      expect(line).not.toMatch(/\{\{|\}\}/);
    }
    expect(noElectronLine(ROOT, { key: 'reasonElectronFailed', params: { code: '133' } }, { LANG: 'en' })).toContain('code 133');
  });

  it('agrees with the desktop process on the ready marker and the refusal exit code', () => {
    expect(READY_MARKER).toBe(MAIN_READY);
    expect(EXIT_DESK_REFUSED).toBe(MAIN_EXIT_REFUSED);
  });
});

/** Runs scripts/start.mjs with a stand-in Electron that runs `body` (Node code). */
async function startWith(body: string | null, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const dist = await temp.make('bantin-fake-electron-');
  if (body !== null) {
    const file = path.join(dist, 'electron');
    await fs.writeFile(file, `#!${process.execPath}\n${body}\n`);
    await fs.chmod(file, 0o755);
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...display, LANG: 'en_US.UTF-8', ELECTRON_OVERRIDE_DIST_PATH: dist, ...env },
  });
  children.push(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> => {
    const until = Date.now() + ms;
    for (;;) {
      const m = pattern.exec(out);
      if (m) return m;
      if (Date.now() > until || child.exitCode !== null) throw new Error(`did not print ${pattern}; printed:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => out };
}

function get(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(url, resolve).once('error', reject));
}

describe('npm start', { timeout: 30_000 }, () => {
  it('runs Electron on dist/main.cjs with the arguments, and hides the ready marker', async () => {
    const run = await startWith(`console.log(JSON.stringify(process.argv.slice(2))); console.log('${READY_MARKER}'); console.log('bye');`, ['--data', '/tmp/desk x']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toBe(`${JSON.stringify([path.join(ROOT, 'dist', 'main.cjs'), '--data', '/tmp/desk x'])}\nbye\n`);
  });

  it('keeps Electron’s exit code after the window was shown, and a refusal to open the desk', async () => {
    const crashedLater = await startWith(`console.log('${READY_MARKER}'); process.exit(7);`, []);
    expect(await crashedLater.exited).toBe(7);
    expect(crashedLater.output()).not.toContain('No Electron');
    const refused = await startWith(`process.exit(${EXIT_DESK_REFUSED});`, []);
    expect(await refused.exited).toBe(EXIT_DESK_REFUSED);
    expect(refused.output()).toBe('');
  });

  it('passes SIGTERM on to Electron and ends with it', async () => {
    const run = await startWith(`console.log('${READY_MARKER}'); console.log('up'); process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(0); }); setInterval(() => {}, 1000);`, []);
    await run.waitFor(/^up$/m);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('got SIGTERM');
  });

  it('falls back to the browser when Electron fails before its window shows', async () => {
    const data = await temp.make();
    const run = await startWith(`console.error('cannot open display'); process.exit(1);`, ['--data', data, '--port', '0']);
    await run.waitFor(/No Electron on this machine \(Electron stopped with code 1 before its window opened\): Bàn Tin runs in browser mode\./);
    const [url] = await run.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m);
    const res = await get(url);
    expect(res.statusCode).toBe(303);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await expect(fs.access(path.join(data, 'desk.lock'))).rejects.toThrow();
  });

  it('without an Electron binary prints one line saying why, then serves the desk in the browser', async () => {
    const data = await temp.make();
    const run = await startWith(null, ['--data', data, '--port', '0']);
    const [url] = await run.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m);
    const lines = run.output().split('\n');
    expect(lines[0]).toMatch(/^No Electron on this machine \(the Electron runtime is not installed, .*electron is missing\): Bàn Tin runs in browser mode\.$/);
    expect(lines.filter((l) => l.startsWith('No Electron'))).toHaveLength(1);
    expect((await get(url)).statusCode).toBe(303);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
