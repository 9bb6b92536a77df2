/**
 * `import <file.txt>`: a reporter's plain-text story becomes a new article (first line the
 * headline, first paragraph the lead, the rest the body), with NFC applied on the way in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { headline, sapo, setBodyLines, setText } from '../../../src-shared/article-doc';
import { DeskError } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/models';
import { parsePlainArticle } from '../../../src-shared/plain-article';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

export async function importText(desk: Desk, file: string, language: Language, io: CliIo): Promise<number> {
  const name = nfc(path.basename(file));
  if (path.extname(file).toLowerCase() !== '.txt') throw new DeskError('unsupportedFile', { file: name });
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new DeskError('unsupportedFile', { file: name });
    if (stat.size > IMPORT_MAX_BYTES) throw new DeskError('badInput', { reason: io.t('cli:fileTooLarge', { file: name, max: '16 MB' }) });
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof DeskError) throw err;
    io.err(io.t('cli:fileUnreadable', { file: name }));
    return EXIT.failed;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DeskError('badInput', { reason: io.t('cli:notUtf8', { file: name }) });
  }
  const story = parsePlainArticle(text);
  if (!story.headline) {
    io.err(io.t('cli:emptyFile', { file: name }));
    return EXIT.failed;
  }
  const created = await desk.articles.create({ language, ...(story.dateline ? { createdAt: story.dateline } : {}) }, (doc) => {
    setText(headline(doc), story.headline);
    setText(sapo(doc), story.sapo);
    setBodyLines(doc, story.body);
  });
  io.out(created.id);
  return EXIT.ok;
}
