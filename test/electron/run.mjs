// `npm run test:electron`: runs the Playwright _electron suite where an Electron binary can run
// (the same check as `npm start`), and otherwise prints one line saying exactly why it did not
// run and exits 0. Never loads the electron package, whose index.js would try to download.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliText, electronRuntime } from '../../scripts/electron-runtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = electronRuntime({ root: ROOT });

if (!runtime.ok) {
  console.log(`Electron suite not run: ${cliText(ROOT, 'en', runtime.reason.key, runtime.reason.params)}.`);
  process.exit(0);
}

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--config', path.join(ROOT, 'test', 'electron', 'vitest.config.ts'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, BANTIN_ELECTRON_PATH: runtime.executable },
});
child.once('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
