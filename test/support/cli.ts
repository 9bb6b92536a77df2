/** The command line as a script runs it: a real child process (tsx), in the language of `lang`. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line with `args`; `input` is written to its standard input (then closed). */
export async function cli(args: readonly string[], lang = 'vi_VN.UTF-8', input = ''): Promise<CliResult> {
  try {
    const running = run(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
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
