/**
 * `export <id> --out <file.zip>`: the article's package, through the same operation as the
 * desk's Export button (same checks, same messages); prints where it went.
 */
import path from 'node:path';
import type { OpOutput } from '../../../src-shared/contract';
import { DeskError } from '../../../src-shared/errors';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

const MiB = 1024 * 1024;

export async function exportArticle(desk: Desk, id: string, out: string, json: boolean, io: CliIo): Promise<number> {
  const file = path.resolve(out);
  const result = await desk.dispatch('export:package', { id, job: `cli-${process.pid}`, file }, { client: 'cli' });
  if (!result.ok) throw new DeskError(result.error.code, result.error.params);
  const done = result.value as OpOutput<'export:package'>;
  if (json) io.out(JSON.stringify(done, null, 2));
  else io.out(io.t('cli:exported', { file: done.file, size: `${(done.size / MiB).toFixed(1)} MB`, files: done.files }));
  return EXIT.ok;
}
