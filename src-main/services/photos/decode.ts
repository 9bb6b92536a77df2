/**
 * Decodes a photo once, off the main thread (sharp runs on libuv's thread pool): checks its
 * pixel count before decoding anything (a decompression bomb stops at its header), decodes it
 * whole (a truncated file fails here), and makes the thumbnail on the way.
 */
import sharp from 'sharp';
import { DeskError } from '../../../src-shared/errors';
import { PHOTO_MAX_PIXELS, THUMB_SIZE, type PhotoKind } from '../../../src-shared/photos';

export interface Decoded {
  /** As the photo is shown (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
  readonly thumb: Buffer;
}

const FORMAT_OF: Readonly<Record<PhotoKind, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp' };

export async function decodePhoto(bytes: Uint8Array, kind: PhotoKind, name: string): Promise<Decoded> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: sharp.Metadata;
  try {
    // No pixel limit here: the header alone is read, and we say how big it is ourselves.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new DeskError('photoDamaged', { file: name }, { cause: err });
  }
  if (meta.format !== FORMAT_OF[kind] || !meta.width || !meta.height) throw new DeskError('photoDamaged', { file: name });
  const pixels = meta.width * meta.height;
  if (pixels > PHOTO_MAX_PIXELS) {
    throw new DeskError('photoTooManyPixels', { file: name, megapixels: Math.round(pixels / 1e6), max: PHOTO_MAX_PIXELS / 1e6 });
  }
  try {
    const thumb = await sharp(input, { failOn: 'truncated', limitInputPixels: PHOTO_MAX_PIXELS, animated: false })
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    const shown = meta.autoOrient ?? { width: meta.width, height: meta.height };
    return { width: shown.width, height: shown.height, thumb };
  } catch (err) {
    throw new DeskError('photoDamaged', { file: name }, { cause: err });
  }
}
