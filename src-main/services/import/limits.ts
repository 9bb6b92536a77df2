/** What the importer accepts: the formats it knows, and at most 32 MB. */
import { DeskError } from '../../../src-shared/errors';
import { IMPORT_FORMATS, IMPORT_MAX_BYTES, IMPORT_MAX_LABEL, type ImportFormat } from '../../../src-shared/import-formats';

/** The format a file name says, or `unsupportedFile`. */
export function formatOf(name: string): ImportFormat {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const known = IMPORT_FORMATS.find((f) => f === ext || (f === 'md' && ext === 'markdown') || (f === 'html' && ext === 'htm'));
  if (!known) throw new DeskError('unsupportedFile', { file: name });
  return known;
}

export function checkSize(name: string, size: number): void {
  if (size > IMPORT_MAX_BYTES) throw new DeskError('fileTooLarge', { file: name, max: IMPORT_MAX_LABEL });
}

/** Text files hold no NUL bytes: one that does is binary wearing a text extension. */
export function checkText(name: string, bytes: Uint8Array, format: string): void {
  if (bytes.includes(0)) throw new DeskError('fileInvalid', { file: name, format });
}
