/**
 * What Electron loads must be self-contained, bundled as scripts/build-node.mjs bundles it: the
 * sandboxed preload may require nothing but `electron`; the main process nothing but `electron`,
 * Node's own modules and the runtime dependencies package.json lists (the packaged app ships
 * only those in node_modules).
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAIN_META_URL, NODE_BUNDLE, RUNTIME_PACKAGES } from '../../../scripts/bundle-options.mjs';
import { ROOT } from '../../support/child';

async function bundle(entry: string): Promise<string> {
  const out = await build({ ...NODE_BUNDLE, ...(entry.endsWith('main.ts') ? MAIN_META_URL : {}), entryPoints: [path.join(ROOT, entry)], write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

// Every require(…) in the code, its argument as written but with one kind of quotes (code run
// by a worker thread is a string inside the bundle, where it reads require('node:crypto')).
const required = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*(["'`][^"'`]*["'`]|[^)]*)\s*\)/g)].map((m) => m[1]!.replace(/^['`](.*)['`]$/, '"$1"')))].sort();

describe('the Electron bundles', () => {
  it('the preload requires only electron', async () => {
    const code = await bundle('src-main/preload/preload.ts');
    expect(required(code)).toEqual(['"electron"']);
    expect(code).not.toMatch(/\bimport\(\s*["'`]/);
    expect(code).toContain('exposeInMainWorld("desk"');
  });

  it('the main process requires only electron, Node built-ins and the runtime dependencies', async () => {
    const code = await bundle('src-main/main.ts');
    const builtins = new Set(builtinModules.flatMap((m) => [`"${m}"`, `"node:${m}"`]));
    const others = required(code).filter((r) => r !== '"electron"' && !builtins.has(r));
    expect(others).toEqual(RUNTIME_PACKAGES.map((p) => `"${p}"`).sort());
    // …and exactly those are what package.json installs for the packaged app.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...RUNTIME_PACKAGES].sort());
    expect(code).not.toMatch(/import\.meta/);
  });
});
