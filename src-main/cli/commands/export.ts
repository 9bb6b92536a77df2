/**
 * `export <id> --out <file.zip>`: the article's package, made by the same exporter as the desk's
 * Export button (same checks, same messages), written where the person at the terminal chose;
 * prints where it went, and warns when no editor approved the article or suggestions were left
 * open (the package says so too: pubStatus, the manifest's openSuggestions).
 */
import path from 'node:path';
import { DeskError } from '../../../src-shared/errors';
import type { Desk } from '../../services/desk';
import { exportPackage, exportServicesOf } from '../../services/export/package';
import { DESK_VERSION } from '../../services/version';
import { EXIT, type CliIo } from '../io';

const MiB = 1024 * 1024;

export async function exportArticle(desk: Desk, id: string, out: string, json: boolean, io: CliIo): Promise<number> {
  const file = path.resolve(out);
  // The export replaces the file whole, by rename: only a .zip is replaced this way.
  if (!/\.zip$/i.test(file)) throw new DeskError('badInput', { reason: 'file' });
  const result = await exportPackage(exportServicesOf(desk, DESK_VERSION), id, file);
  const done = { file: result.file, size: result.size, files: result.manifest.files.length + 1, approved: result.manifest.article.approved ?? false, openSuggestions: result.manifest.article.openSuggestions ?? 0 };
  // Allowed, but said: the package marks an article no editor approved as withheld.
  if (!done.approved) io.err(io.t('cli:exportNotApproved', { status: io.t(`common:status.${result.manifest.article.status ?? 'draft'}`) }));
  // Allowed too: the package holds the accepted text only, so what was proposed is not in it.
  if (done.openSuggestions > 0) io.err(io.t('cli:exportOpenSuggestions', { count: done.openSuggestions }));
  if (json) io.out(JSON.stringify(done, null, 2));
  else io.out(io.t('cli:exported', { file: done.file, size: `${(done.size / MiB).toFixed(1)} MB`, files: done.files }));
  return EXIT.ok;
}
