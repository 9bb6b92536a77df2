// Bundles what Electron loads: the main process (CommonJS, Node) and the sandboxed preload
// (CommonJS, may only require 'electron'). The renderer is built by Vite.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], logLevel: 'warning', legalComments: 'none' };
const entries = [
  { entryPoints: ['src-main/main.ts'], outfile: 'dist/main.cjs' },
  { entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/preload.cjs' },
].filter((e) => existsSync(e.entryPoints[0]));

await Promise.all(entries.map((e) => build({ ...common, ...e })));
