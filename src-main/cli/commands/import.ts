/**
 * `import <file>`: a `.docx`, `.md` or `.txt` story becomes a new article through the same
 * import service as the desk's Import button (NFC, legacy TCVN3/VNI converted, HTML cleaned).
 * Prints the new article's id.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../../src-shared/models';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { Desk } from '../../services/desk';
import { importArticle } from '../../services/import';
import { checkSize, formatOf } from '../../services/import/limits';
import { EXIT, type CliIo } from '../io';

export async function importFile(desk: Desk, file: string, language: Language, io: CliIo): Promise<number> {
  const name = nfc(path.basename(file));
  formatOf(name);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      io.err(io.t('cli:fileUnreadable', { file: name }));
      return EXIT.failed;
    }
    checkSize(name, stat.size);
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('E')) {
      io.err(io.t('cli:fileUnreadable', { file: name }));
      return EXIT.failed;
    }
    throw err;
  }
  const created = await importArticle(desk.articles, { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), language });
  io.out(created.id);
  return EXIT.ok;
}
