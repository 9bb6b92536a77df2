/**
 * Runs the test suites the way `npm test` wants them on a two-core machine: the end-to-end
 * files (one Chromium at a time) beside the unit and integration files (one file at a time),
 * as two Vitest runs at once. In one run Vitest would finish one group before starting the
 * other, leaving a core idle for most of the suite. Each line is prefixed with its run; the
 * exit code is non-zero when either run fails. Extra arguments go to both runs.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const RUNS = [
  { name: 'e2e', projects: ['e2e'] },
  { name: 'node', projects: ['unit', 'integration'] },
];

function run({ name, projects }, extra) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
  const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const prefix = `[${name}] `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(prefix + line + '\n'));
  }
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`${prefix}could not start Vitest: ${err.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const extra = process.argv.slice(2);
const codes = await Promise.all(RUNS.map((r) => run(r, extra)));
RUNS.forEach((r, i) => process.stdout.write(`[${r.name}] ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}\n`));
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
