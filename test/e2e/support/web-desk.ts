/**
 * The desk in web mode as a real child process: `node dist/web.cjs --data <dir> --port 0` (the
 * bundle of src-main/web/cli.ts, serving dist/renderer beside it, as `npm run build` makes
 * them), in a Vietnamese locale.
 * The URL (with its token) is read from its own line of stdout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { exited, Lines, ROOT, stderrOf } from '../../support/child';

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/;

export const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const WEB_BUNDLE = path.join(ROOT, 'dist', 'web.cjs');

export interface WebDesk {
  /** The first URL, with the token. */
  readonly url: string;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** The end-to-end tests drive the built renderer; say how to get it when it is missing. */
export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER_INDEX) || !existsSync(WEB_BUNDLE)) {
    throw new Error(`The desk is not built (${existsSync(RENDERER_INDEX) ? WEB_BUNDLE : RENDERER_INDEX} is missing). Run \`npm run build\` first, or use \`npm run test:e2e\`.`);
  }
}

export async function startWebDesk(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<WebDesk> {
  assertRendererBuilt();
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [WEB_BUNDLE, '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  const lines = new Lines(child);
  const stderr = stderrOf(child);
  const output = () => `stdout:\n${lines.all.join('\n')}\nstderr:\n${stderr()}`;
  let timer: NodeJS.Timeout | undefined;
  let url: string;
  try {
    url = await Promise.race([
      lines.next((line) => URL_LINE.test(line.trim())),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`web mode did not print its URL within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    await exited(child);
    throw new Error(`${(err as Error).message}\n${output()}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  url = url.trim();
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const { code, signal } = await done;
      clearTimeout(killer);
      if (signal === 'SIGKILL') throw new Error(`web mode did not stop on SIGTERM within ${STOP_TIMEOUT_MS} ms\n${output()}`);
      if (code !== 0) throw new Error(`web mode exited with ${code ?? signal} on SIGTERM\n${output()}`);
    },
  };
}
