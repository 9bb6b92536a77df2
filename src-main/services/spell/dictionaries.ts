/**
 * The spellchecker's dictionaries read from the installed packages (dictionary-vi, dictionary-en)
 * on this machine, for the command line and the tests: files on disk, never the network. The
 * packages' own entry points read the same files with top-level await; we read them here so
 * the engine stays pure (src-shared/spell takes their text).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dictionaries, DictionaryText } from '../../../src-shared/spell/checker';

const require = createRequire(import.meta.url);

async function read(pkg: string): Promise<DictionaryText> {
  const dir = path.dirname(require.resolve(pkg));
  const [aff, dic] = await Promise.all([readFile(path.join(dir, 'index.aff'), 'utf8'), readFile(path.join(dir, 'index.dic'), 'utf8')]);
  return { aff, dic };
}

let loaded: Promise<Dictionaries> | null = null;

/** Both dictionaries, read once per process. */
export function loadDictionaries(): Promise<Dictionaries> {
  loaded ??= Promise.all([read('dictionary-vi'), read('dictionary-en')]).then(([vi, en]) => ({ vi, en }));
  return loaded;
}
