/** Temporary data folders for tests: real folders under the OS temp dir, removed afterwards. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function makeTempDir(prefix = 'bantin-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * A helper for `beforeEach`/`afterEach`: `const temp = tempDirs();` then `await temp.make()` in a
 * test; every folder made is removed by `temp.cleanup()`.
 */
export function tempDirs(): { make(prefix?: string): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make(prefix?: string) {
      const dir = await makeTempDir(prefix);
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map(removeTempDir));
    },
  };
}

/** Names in a folder, sorted; an absent folder has none. */
export async function listDir(dir: string): Promise<string[]> {
  return (await fs.readdir(dir).catch(() => [] as string[])).sort();
}
