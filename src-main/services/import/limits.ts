/** What the importer accepts: the formats it knows, and at most 32 MB. */
import { DeskError } from '../../../src-shared/errors';

export const IMPORT_FORMATS = ['docx', 'md', 'txt'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
export const IMPORT_MAX_LABEL = '32 MB';

/** The format a file name says, or `unsupportedFile`. */
export function formatOf(name: string): ImportFormat {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const known = IMPORT_FORMATS.find((f) => f === ext || (f === 'md' && ext === 'markdown'));
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
