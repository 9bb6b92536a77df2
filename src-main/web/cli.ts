/**
 * `npm run web -- --data <dir> --port <n>`: the desk in the browser. Prints one line saying
 * where the data is, then the URL with its token on a line of its own. The URL works once (see
 * guard.ts); starting web mode again prints a new one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { toErrorPayload } from '../../src-shared/errors';
import { openDesk } from '../services/desk';
import { createTranslator, languageFromEnv } from '../services/i18n';
import { defaultDataDir } from '../services/paths';
import { DESK_VERSION } from '../services/version';
import { startWebServer } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built renderer: beside this file when bundled into dist/, under dist/ when run from source. */
export const RENDERER_DIR = [path.join(here, 'renderer'), path.resolve(here, '../../dist/renderer')].find((d) => existsSync(path.join(d, 'index.html'))) ?? path.resolve(here, '../../dist/renderer');

export async function runWeb(argv: readonly string[], rendererDir: string = RENDERER_DIR): Promise<number> {
  const t = await createTranslator(languageFromEnv());
  let values: { data?: string | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(t('cli:badOption', { detail: (err as Error).message }));
    console.error(t('cli:webUsage'));
    return 2;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(t('cli:badOption', { detail: `--port ${values.port}` }));
    return 2;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  let desk;
  try {
    desk = await openDesk({ dataDir, mode: 'web', version: DESK_VERSION });
  } catch (err) {
    // Ours, or the system's (a disk that is full or cannot be written) as one of ours.
    const error = toErrorPayload(err);
    if (error.code === 'internal') throw err;
    console.error(error.code === 'diskFull' ? t('cli:diskFull') : t(`errors:${error.code}`, { ...error.params }));
    return 1;
  }
  // What the desk had to do on opening (opened read-only, …) is also said where it was started.
  for (const n of desk.notices()) console.error(t(`notices:${n.code}`, n.params));
  const server = await startWebServer({ desk, port, rendererDir });
  console.log(t('cli:webStarted', { dir: dataDir }));
  console.log(server.url);

  const stop = async () => {
    await server.close();
    await desk.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return new Promise<number>(() => undefined);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runWeb(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
