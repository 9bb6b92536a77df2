/**
 * Where the desktop process keeps things: the desk's data folder (Electron's userData,
 * "<appData>/Bàn Tin" whatever the executable is called, unless `--data` or BANTIN_DATA_DIR
 * chose another), and the files it loads from beside `dist/main.cjs`.
 */
import { app } from 'electron';
import path from 'node:path';
import { PRODUCT_NAME } from '../services/paths';
import { profileDirFor, resolveDataDir } from './launch';

export interface Launch {
  readonly dataDir: string;
  /** Not packaged: a development run. */
  readonly dev: boolean;
  readonly rendererDir: string;
  readonly preload: string;
}

/** Before `app.whenReady()`: the single-instance lock and Chromium's profile follow userData. */
export function setupPaths(): Launch {
  app.setName(PRODUCT_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
  const choice = resolveDataDir(process.argv, process.env, app.getPath('userData'), process.cwd());
  if (choice.overridden) app.setPath('userData', profileDirFor(choice.dataDir));
  return {
    dataDir: choice.dataDir,
    dev: !app.isPackaged,
    rendererDir: path.join(__dirname, 'renderer'),
    preload: path.join(__dirname, 'preload.cjs'),
  };
}
