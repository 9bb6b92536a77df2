/**
 * Web mode's one download: a package the desk exported into its data folder's `exports/`,
 * streamed to the browser as an attachment. Only a plain file name of that folder is served —
 * no path, no other folder — and only with the session cookie (checked before this is reached).
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

export const EXPORTS_PATH = '/api/exports/';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip$/;

export async function serveExport(dataDir: string, rawName: string, res: ServerResponse): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = '';
  }
  const file = path.join(dataDir, 'exports', name);
  const stat = NAME.test(name) && !name.includes('..') ? await fs.stat(file).catch(() => null) : null;
  if (!stat?.isFile()) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Length', String(stat.size));
  // The names main makes are plain ASCII (export/package-name.ts); filename* (RFC 5987/6266)
  // says the same in UTF-8 for any browser that prefers it.
  res.setHeader('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('Cache-Control', 'no-store');
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
