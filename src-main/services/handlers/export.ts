/** export:* — packages of an article (streamed to disk, with progress and cancel) and their import. */
import path from 'node:path';
import { DeskError } from '../../../src-shared/errors';
import { ensureDir } from '../durable-file';
import { exportPackage } from '../export/package';
import { importPackage } from '../export/import';
import type { DeskServices, DomainHandlers } from './types';

/** Progress events at most this often per export (a 250 MB package would otherwise send thousands). */
const PROGRESS_EVERY_MS = 100;

/** A new file name in the data folder's exports/: the article's id and the time, never one that exists. */
export function defaultExportFile(dataDir: string, id: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return path.join(dataDir, 'exports', `${id}-${stamp}.zip`);
}

export function exportHandlers(s: DeskServices): DomainHandlers<'export'> {
  const running = new Map<string, AbortController>();
  return {
    'export:package': async ({ id, job, file }) => {
      if (running.has(job)) throw new DeskError('badInput', { reason: 'job' });
      // A path from the other side of the door: only an absolute path to a .zip (the export
      // replaces it whole, by rename). Where a dialog can choose it in main, prefer that.
      if (file !== undefined && (!path.isAbsolute(file) || !/\.zip$/i.test(file))) throw new DeskError('badInput', { reason: 'file' });
      const out = file ?? defaultExportFile(s.dataDir, id);
      if (!file) await ensureDir(path.dirname(out));
      const controller = new AbortController();
      running.set(job, controller);
      let last = 0;
      try {
        const result = await exportPackage(s, id, out, {
          signal: controller.signal,
          onProgress: (done, total) => {
            const now = Date.now();
            if (done < total && now - last < PROGRESS_EVERY_MS) return;
            last = now;
            s.hub.broadcast('export:progress', { job, done, total });
          },
        });
        return { file: result.file, size: result.size, files: result.manifest.files.length + 1 };
      } finally {
        running.delete(job);
      }
    },
    'export:cancel': async ({ job }) => {
      const controller = running.get(job);
      controller?.abort();
      return { cancelled: !!controller };
    },
    'export:importPackage': async ({ file }) => importPackage(s, file),
  };
}
