/**
 * `import-package <file.zip>`: opens a package as a new article through the same import as the
 * desk (every check before anything is written, the same messages); prints the new id. Only a
 * regular file is read, opened without waiting (a pipe or a device is refused at once).
 */
import path from 'node:path';
import type { Desk } from '../../services/desk';
import { importPackage } from '../../services/export/import';
import { EXIT, type CliIo } from '../io';

export async function importPackageFile(desk: Desk, file: string, json: boolean, io: CliIo): Promise<number> {
  const article = await importPackage(desk, { file: path.resolve(file) });
  if (json) io.out(JSON.stringify(article, null, 2));
  else io.out(io.t('cli:packageImported', { file: path.basename(file), id: article.id, headline: article.headline }));
  return EXIT.ok;
}
