// `npm start` (after the build): the desk in Electron where an Electron runtime can run, else the
// same desk in the browser (web mode), after ONE line saying why. Electron that fails before its
// window shows (no READY_MARKER on its stdout) falls back the same way. Arguments (--data <dir>,
// --port <n>) go to whichever runs; SIGINT/SIGTERM are passed on so the desk closes cleanly.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT_DESK_REFUSED, READY_MARKER, electronRuntime, noElectronLine } from './electron-runtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POSIX = process.platform !== 'win32';
const SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** Set once we were asked to stop: a child that then ends is not a reason to fall back. */
let stopping = false;

/**
 * Passes our stop signals on to `child`. On POSIX the child runs in its own process group, so a
 * Ctrl+C in the terminal reaches it only through us; the same signal sent twice at once (by the
 * terminal and by npm) is passed on once. On Windows the console delivers Ctrl+C itself.
 * @param {import('node:child_process').ChildProcess} child
 */
function relaySignals(child) {
  /** @type {Record<string, number>} */
  const last = {};
  /** @param {NodeJS.Signals} signal */
  const handler = (signal) => {
    stopping = true;
    const now = Date.now();
    if (now - (last[signal] ?? 0) < 1000) return;
    last[signal] = now;
    if (POSIX && child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
}

/** @param {number | null} code @param {NodeJS.Signals | null} signal */
function exitCodeOf(code, signal) {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

/**
 * Runs Electron on dist/main.cjs, echoing its stdout except the ready marker.
 * @param {string} executable
 * @param {readonly string[]} args
 * @returns {Promise<{ ready: boolean, code: number, failure: string | null }>}
 */
function runElectron(executable, args) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(executable, [path.join(ROOT, 'dist', 'main.cjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env, detached: POSIX });
    const unrelay = relaySignals(child);
    let ready = false;
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (/** @type {string} */ chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === READY_MARKER) ready = true;
        else process.stdout.write(line + '\n');
      }
    });
    child.stdout.on('end', () => partial && process.stdout.write(partial));
    child.once('error', (err) => {
      unrelay();
      resolve({ ready, code: 1, failure: /** @type {NodeJS.ErrnoException} */ (err).code ?? 'spawn' });
    });
    child.once('close', (code, signal) => {
      unrelay();
      const exit = exitCodeOf(code, signal);
      const failed = !ready && !stopping && exit !== 0 && exit !== EXIT_DESK_REFUSED;
      resolve({ ready, code: exit, failure: failed ? String(code ?? signal) : null });
    });
  });
}

/**
 * Web mode from the sources (tsx), printing its URL with the token on a line of its own.
 * @param {readonly string[]} args
 * @returns {Promise<number>}
 */
function runWeb(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src-main', 'web', 'cli.ts'), ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: POSIX,
    });
    const unrelay = relaySignals(child);
    child.once('error', () => {
      unrelay();
      resolve(1);
    });
    child.once('close', (code, signal) => {
      unrelay();
      resolve(exitCodeOf(code, signal));
    });
  });
}

/**
 * @param {readonly string[]} args
 * @returns {Promise<number>} the exit code
 */
export async function start(args) {
  const runtime = electronRuntime({ root: ROOT });
  if (runtime.ok) {
    const run = await runElectron(runtime.executable, args);
    if (run.failure === null) return run.code;
    console.log(noElectronLine(ROOT, { key: 'reasonElectronFailed', params: { code: run.failure } }));
  } else {
    console.log(noElectronLine(ROOT, runtime.reason));
  }
  return runWeb(args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await start(process.argv.slice(2));
}
