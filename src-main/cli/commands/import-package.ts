/**
 * `import-package <file.zip>`: opens a package as a new article, through the same operation as
 * the desk (every check before anything is written, the same messages); prints the new id.
 */
import path from 'node:path';
import type { OpOutput } from '../../../src-shared/contract';
import { DeskError } from '../../../src-shared/errors';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

export async function importPackageFile(desk: Desk, file: string, json: boolean, io: CliIo): Promise<number> {
  const result = await desk.dispatch('export:importPackage', { file: path.resolve(file) }, { client: 'cli' });
  if (!result.ok) throw new DeskError(result.error.code, result.error.params);
  const article = result.value as OpOutput<'export:importPackage'>;
  if (json) io.out(JSON.stringify(article, null, 2));
  else io.out(io.t('cli:packageImported', { file: path.basename(file), id: article.id, headline: article.headline }));
  return EXIT.ok;
}
