/**
 * Where a desk keeps its data when no --data is given: BANTIN_DATA_DIR, else the same folder
 * Electron's userData is ("<appData>/Bàn Tin"), so web mode and the app share one desk.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Bàn Tin';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BANTIN_DATA_DIR || path.join(appDataDir(env), PRODUCT_NAME);
}
