/**
 * `photo add <id> <file> [--caption-vi …] [--caption-en …] [--credit …] [--creator …]`: the
 * same operation as dropping the photo on the article — the same checks by the bytes, the same
 * messages — then prints what was stored and what the photo said about itself.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpOutput } from '../../../src-shared/contract';
import { DeskError } from '../../../src-shared/errors';
import { formatDateTime } from '../../../src-shared/format';
import type { PhotoInit } from '../../../src-shared/photos';
import { PHOTO_MAX_BYTES } from '../../../src-shared/photos';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

export interface PhotoOptions {
  readonly captionVi?: string;
  readonly captionEn?: string;
  readonly credit?: string;
  readonly creator?: string;
}

export async function photoAdd(desk: Desk, id: string, file: string, options: PhotoOptions, json: boolean, io: CliIo): Promise<number> {
  const name = nfc(path.basename(file));
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      io.err(io.t('cli:fileUnreadable', { file: name }));
      return EXIT.failed;
    }
    // Refused before a byte is read, as the desk's panel does.
    if (stat.size > PHOTO_MAX_BYTES) throw new DeskError('photoTooLarge', { file: name, size: mb(stat.size), max: mb(PHOTO_MAX_BYTES) });
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof DeskError) throw err;
    io.err(io.t('cli:fileUnreadable', { file: name }));
    return EXIT.failed;
  }
  const captions = { ...(options.captionVi !== undefined ? { vi: options.captionVi } : {}), ...(options.captionEn !== undefined ? { en: options.captionEn } : {}) };
  const init: PhotoInit = {
    ...(Object.keys(captions).length ? { captions } : {}),
    ...(options.credit !== undefined ? { credit: options.credit } : {}),
    ...(options.creator !== undefined ? { creator: options.creator } : {}),
  };
  const result = await desk.dispatch('photo:add', { id, name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), init }, { client: 'cli' });
  if (!result.ok) throw new DeskError(result.error.code, result.error.params);
  const { photo, index, added } = result.value as OpOutput<'photo:add'>;
  if (json) {
    io.out(JSON.stringify({ added, index, photo }, null, 2));
    return EXIT.ok;
  }
  io.out(io.t(added ? 'cli:photoAdded' : 'cli:photoAlreadyThere', { file: name, id: photo.id.slice(0, 12), article: id, position: index + 1 }));
  const facts = [photo.takenAt ? io.t('cli:photoTaken', { at: /[+-]\d\d:\d\d$|Z$/.test(photo.takenAt) ? formatDateTime(photo.takenAt) : photo.takenAt.replace('T', ' ') }) : null, photo.camera, `${photo.width}×${photo.height}`, photo.gps ? `GPS ${photo.gps.lat.toFixed(5)}, ${photo.gps.lon.toFixed(5)}` : null];
  io.out('  ' + facts.filter(Boolean).join(' · '));
  return EXIT.ok;
}
