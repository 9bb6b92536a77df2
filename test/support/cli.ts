/** The command line as a script runs it: a real child process, in the language of `lang`. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * Node's arguments that start the command line: its bundle, as the build makes it
 * (scripts/build-node.mjs; `npm test` builds first) — through tsx every command spent seconds
 * loading its modules. Relative to the repository's root.
 */
export function cliArgs(): string[] {
  const bundle = path.join(ROOT, 'dist/cli.cjs');
  if (!existsSync(bundle)) throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm test does)');
  return [bundle];
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line with `args`; `input` is written to its standard input (then closed). */
export async function cli(args: readonly string[], lang = 'vi_VN.UTF-8', input = ''): Promise<CliResult> {
  try {
    const running = run(process.execPath, [...cliArgs(), ...args], {
      cwd: ROOT,
      env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    });
    running.child.stdin?.end(input);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
