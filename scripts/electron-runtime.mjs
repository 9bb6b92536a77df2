// Whether an Electron runtime can run here, decided WITHOUT touching `require('electron')`
// (electron's index.js downloads the binary when it is missing, and our machines have no
// network for it). Shared by scripts/start.mjs (`npm start`) and test/electron/run.mjs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Printed by the desktop process once its window is shown (src-main/electron/launch.ts). */
export const READY_MARKER = 'BANTIN_READY';
/** The desktop process's exit code when the desk refused to open and the user was told why. */
export const EXIT_DESK_REFUSED = 3;

const DISPLAY_PLATFORMS = new Set(['linux', 'freebsd', 'openbsd', 'netbsd']);

/**
 * @typedef {{ key: 'reasonNoBinary', params: { path: string } } | { key: 'reasonNoDisplay', params: {} } | { key: 'reasonElectronFailed', params: { code: string } }} Reason
 * @typedef {{ ok: true, executable: string } | { ok: false, reason: Reason }} Runtime
 */

/**
 * The Electron executable the electron package would run (`node_modules/electron/path.txt`
 * under `dist/`, or under ELECTRON_OVERRIDE_DIST_PATH, as electron's own index.js resolves it),
 * provided it exists and there is a display to open a window on.
 * @param {{ root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform }} options
 * @returns {Runtime}
 */
export function electronRuntime({ root, env = process.env, platform = process.platform }) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  let relative = '';
  try {
    relative = readFileSync(pathFile, 'utf8').trim();
  } catch {
    // No path.txt: the binary was never downloaded (unless an override names it).
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) return { ok: false, reason: { key: 'reasonNoBinary', params: { path: pathFile } } };
  const executable = override ? path.join(override, relative || 'electron') : path.join(pkg, 'dist', relative);
  if (!existsSync(executable)) return { ok: false, reason: { key: 'reasonNoBinary', params: { path: executable } } };
  if (DISPLAY_PLATFORMS.has(platform) && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: { key: 'reasonNoDisplay', params: {} } };
  return { ok: true, executable };
}

/**
 * The language of the one line we print: the environment's (as src-main/services/i18n.ts decides).
 * @param {NodeJS.ProcessEnv} env
 * @returns {'vi' | 'en'}
 */
export function languageFromEnv(env = process.env) {
  const lang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'vi';
}

/**
 * `cli:<key>` from locales/<lang>/cli.json with its {{placeholders}} filled in.
 * @param {string} root
 * @param {'vi' | 'en'} lang
 * @param {string} key
 * @param {Record<string, string>} [params]
 */
export function cliText(root, lang, key, params = {}) {
  /** @type {Record<string, string>} */
  const texts = JSON.parse(readFileSync(path.join(root, 'locales', lang, 'cli.json'), 'utf8'));
  const text = texts[key];
  if (typeof text !== 'string') throw new Error(`missing cli:${key} in ${lang}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name) => params[name] ?? '');
}

/**
 * The one line `npm start` prints when it serves the desk in the browser instead.
 * @param {string} root
 * @param {Reason} reason
 * @param {NodeJS.ProcessEnv} [env]
 */
export function noElectronLine(root, reason, env = process.env) {
  const lang = languageFromEnv(env);
  return cliText(root, lang, 'noElectron', { reason: cliText(root, lang, reason.key, reason.params) });
}
