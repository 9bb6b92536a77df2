/**
 * Runs the test suites the way `npm test` wants them on a two-core machine: the end-to-end
 * files (one Chromium at a time) beside the unit and integration files (one file at a time),
 * as two Vitest runs at once. In one run Vitest would finish one group before starting the
 * other, leaving a core idle for most of the suite. Each line is prefixed with its run; the
 * exit code is non-zero when either run fails. Extra arguments go to both runs.
 *
 * At the end, a failed run's failures are printed again (the failing tests, their errors and
 * the counts), so the last lines of a long log — all a CI page may keep — say what failed.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const RUNS = [
  { name: 'e2e', projects: ['e2e'] },
  { name: 'node', projects: ['unit', 'integration'] },
];

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** The lines worth repeating at the end of a failed run. */
const TELLING = /^\s*(×|FAIL\b)|Error\b|Unhandled|^\s*(Test Files|Tests)\s/;
const REPEATED_MAX = 80;

function run({ name, projects }, extra, kept) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
  const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const prefix = `[${name}] `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      out.write(prefix + line + '\n');
      const plain = line.replace(ANSI, '');
      if (TELLING.test(plain)) kept.push(plain);
    });
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
const kept = RUNS.map(() => []);
const codes = await Promise.all(RUNS.map((r, i) => run(r, extra, kept[i])));
RUNS.forEach((r, i) => {
  if (codes[i] === 0) return;
  const lines = kept[i];
  process.stdout.write(`[${r.name}] ── what failed ──\n`);
  if (lines.length > REPEATED_MAX) process.stdout.write(`[${r.name}] (the first ${lines.length - REPEATED_MAX} of these lines are above)\n`);
  for (const line of lines.slice(-REPEATED_MAX)) process.stdout.write(`[${r.name}] ${line}\n`);
});
RUNS.forEach((r, i) => process.stdout.write(`[${r.name}] ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}\n`));
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
