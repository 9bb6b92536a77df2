/**
 * export:* — packages of an article (streamed to disk, with progress and cancel) and their import.
 * Main chooses every path: a package goes into the data folder's `exports/` under a name made
 * here, and is saved elsewhere only where the desk's host asks the user (Electron's save
 * dialog); an import reads bytes the page sent. A path from the other side of the door would let
 * a page replace any file, or make main open a pipe that never answers.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../../src-shared/errors';
import { ensureDir } from '../durable-file';
import { exportPackage } from '../export/package';
import { importPackage } from '../export/import';
import { packageBaseName } from '../export/package-name';
import type { DeskServices, DomainHandlers } from './types';

/** Progress events at most this often per export (a 250 MB package would otherwise send thousands). */
const PROGRESS_EVERY_MS = 100;
export const EXPORTS_DIR = 'exports';

/**
 * Claims a new file `<base>.zip` (or `<base>-2.zip`, …) in `dir`, created empty and exclusively
 * so two exports at once never share it; the export then replaces it whole.
 */
export async function claimExportFile(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${base}.zip` : `${base}-${n}.zip`);
    try {
      await (await fs.open(file, 'wx', 0o644)).close();
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Copies a finished package to where the user chose, whole or not at all (temp file, then rename). */
async function saveCopy(from: string, to: string): Promise<void> {
  const tmp = path.join(path.dirname(to), `.${path.basename(to)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.copyFile(from, tmp);
    await fs.rename(tmp, to);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

export function exportHandlers(s: DeskServices): DomainHandlers<'export'> {
  const running = new Map<string, AbortController>();
  return {
    'export:package': async ({ id, job }) => {
      if (running.has(job)) throw new DeskError('badInput', { reason: 'job' });
      s.articles.summary(id); // notFound before anything is made
      // Registered before the first wait, so a cancel sent right after the call finds it.
      const controller = new AbortController();
      running.set(job, controller);
      let last = 0;
      let out: string | null = null;
      try {
        const base = await s.articles.read(id, packageBaseName);
        const dir = path.join(s.dataDir, EXPORTS_DIR);
        await ensureDir(dir);
        if (controller.signal.aborted) throw new DeskError('exportCancelled');
        out = await claimExportFile(dir, base);
        const result = await exportPackage(s, id, out, {
          signal: controller.signal,
          onProgress: (done, total) => {
            const now = Date.now();
            if (done < total && now - last < PROGRESS_EVERY_MS) return;
            last = now;
            s.hub.broadcast('export:progress', { job, done, total });
          },
        });
        out = null; // whole: kept
        const name = path.basename(result.file);
        const chosen = s.host?.chooseSaveFile ? await s.host.chooseSaveFile(name) : null;
        if (chosen) await saveCopy(result.file, chosen);
        return { file: chosen ?? result.file, name, size: result.size, files: result.manifest.files.length + 1 };
      } finally {
        running.delete(job);
        if (out) await fs.rm(out, { force: true }); // the claimed name of an export that failed
      }
    },
    'export:cancel': async ({ job }) => {
      const controller = running.get(job);
      controller?.abort();
      return { cancelled: !!controller };
    },
    'export:importPackage': async ({ name, bytes }) => importPackage(s, { name, bytes }),
  };
}
