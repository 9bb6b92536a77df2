/**
 * What the desktop process learns from how it was started: which data folder (`--data <dir>`,
 * else BANTIN_DATA_DIR, else Electron's userData), and the marker and exit code through which
 * `scripts/start.mjs` tells "the window is up" from "Electron could not start here".
 */
import path from 'node:path';

/** Printed on stdout, on a line of its own, once the first window is shown. */
export const READY_MARKER = 'BANTIN_READY';
/** Exit code when the desk refused to open (data folder locked or unreadable): the user was told. */
export const EXIT_DESK_REFUSED = 3;

/** The value of `--name <v>` or `--name=<v>`; the last one wins, like most command lines. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}` && i + 1 < argv.length) value = argv[++i];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  }
  return value;
}

export interface DataDirChoice {
  readonly dataDir: string;
  /** True when the folder was chosen on the command line or in the environment. */
  readonly overridden: boolean;
}

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string, cwd: string): DataDirChoice {
  const given = optionValue(argv, 'data') || env.BANTIN_DATA_DIR;
  return given ? { dataDir: path.resolve(cwd, given), overridden: true } : { dataDir: userData, overridden: false };
}

/**
 * Chromium's own profile (caches, storage, the single-instance lock) for a desk opened from a
 * chosen folder: kept beside the desk's files, so each desk folder is its own instance.
 */
export function profileDirFor(dataDir: string): string {
  return path.join(dataDir, 'electron-profile');
}
