/**
 * Sends photo files to main one at a time (a card's worth of 5 MB photos never sits in memory
 * at once), checking the size before reading a byte. Main checks everything else by the bytes.
 */
import { DeskError } from '../../../src-shared/errors';
import { PHOTO_MAX_BYTES } from '../../../src-shared/photos';
import { nfc } from '../../../src-shared/text/vietnamese';
import { desk } from '../../platform/api';

export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

export interface ImportCallbacks {
  readonly onStart: (name: string) => void;
  readonly onDone: (name: string, added: boolean) => void;
  readonly onError: (name: string, err: unknown) => void;
}

/** Imports `files` in order into article `id` (the first into planned entry `into`, when given). */
export async function importPhotos(id: string, files: readonly File[], cb: ImportCallbacks, into?: number): Promise<void> {
  for (const [i, file] of files.entries()) {
    const name = nfc(file.name);
    cb.onStart(name);
    try {
      if (file.size > PHOTO_MAX_BYTES) throw new DeskError('photoTooLarge', { file: name, size: mb(file.size), max: mb(PHOTO_MAX_BYTES) });
      if (file.size === 0) throw new DeskError('fileEmpty', { file: name });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await desk.photo.add({ id, name, bytes, ...(i === 0 && into !== undefined ? { into } : {}) });
      cb.onDone(name, result.added);
    } catch (err) {
      cb.onError(name, err);
    }
  }
}
