/**
 * What Electron loads must be self-contained, bundled as scripts/build-node.mjs bundles it: the
 * sandboxed preload may require nothing but `electron`; the main process nothing but `electron`
 * and Node's own modules (the packaged app ships no node_modules it needs).
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/child';

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

const required = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*(["'`][^"'`]*["'`]|[^)]*)\s*\)/g)].map((m) => m[1]!))].sort();

describe('the Electron bundles', () => {
  it('the preload requires only electron', async () => {
    const code = await bundle('src-main/preload/preload.ts');
    expect(required(code)).toEqual(['"electron"']);
    expect(code).not.toMatch(/\bimport\(\s*["'`]/);
    expect(code).toContain('exposeInMainWorld("desk"');
  });

  it('the main process requires only electron and Node built-ins', async () => {
    const code = await bundle('src-main/main.ts');
    const builtins = new Set(builtinModules.flatMap((m) => [`"${m}"`, `"node:${m}"`]));
    const others = required(code).filter((r) => r !== '"electron"' && !builtins.has(r));
    expect(others).toEqual([]);
    expect(code).not.toMatch(/import\.meta/);
  });
});
