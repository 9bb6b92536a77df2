/**
 * Runs `npm test` the way a two-core machine wants it. First the checks — type checking, lint
 * and the build the tests run against — side by side (each one a single process, one after
 * another they left a core idle for minutes); any failure stops there. Then the end-to-end
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

const CHECKS = [
  { name: 'typecheck', args: ['run', 'typecheck'] },
  { name: 'lint', args: ['run', 'lint'] },
  { name: 'build', args: ['run', 'build', '--silent'] },
];

/** Runs `command args`, each line of its output prefixed with `name`; telling lines go to `kept`. */
function run(name, command, args, kept) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
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
      process.stderr.write(`${prefix}could not start ${command}: ${err.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const checks = await Promise.all(CHECKS.map((c) => run(c.name, 'npm', c.args, [])));
if (checks.some((c) => c !== 0)) {
  CHECKS.forEach((c, i) => process.stdout.write(`[${c.name}] ${checks[i] === 0 ? 'passed' : `failed (exit ${checks[i]})`}\n`));
  process.exit(1);
}

const extra = process.argv.slice(2);
const kept = RUNS.map(() => []);
const vitest = ({ projects }) => ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
const codes = await Promise.all(RUNS.map((r, i) => run(r.name, 'npx', vitest(r), kept[i])));
RUNS.forEach((r, i) => {
  if (codes[i] === 0) return;
  const lines = kept[i];
  process.stdout.write(`[${r.name}] ── what failed ──\n`);
  if (lines.length > REPEATED_MAX) process.stdout.write(`[${r.name}] (the first ${lines.length - REPEATED_MAX} of these lines are above)\n`);
  for (const line of lines.slice(-REPEATED_MAX)) process.stdout.write(`[${r.name}] ${line}\n`);
});
RUNS.forEach((r, i) => process.stdout.write(`[${r.name}] ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}\n`));
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
