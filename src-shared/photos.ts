/**
 * Photos of an article: what the desk accepts, and what it knows of a stored photo. A photo is
 * stored once by the SHA-256 of its bytes (`photos/<sha256>.<ext>`), with a WebP thumbnail
 * (`thumbs/<sha256>.webp`); the article's Yjs document names it by that hash (article-photos.ts).
 */
import { z } from 'zod';

export const PHOTO_KINDS = ['jpeg', 'png', 'webp'] as const;
export const PhotoKind = z.enum(PHOTO_KINDS);
export type PhotoKind = z.infer<typeof PhotoKind>;

export const PHOTO_EXT: Readonly<Record<PhotoKind, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
export const PHOTO_MIME: Readonly<Record<PhotoKind, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The largest photo file the desk takes (a full-frame camera JPEG is 10–30 MB). */
export const PHOTO_MAX_BYTES = 64 * 1024 * 1024;
/** More pixels than this is refused before decoding: a 100-megapixel camera fits, a decompression bomb does not. */
export const PHOTO_MAX_PIXELS = 120_000_000;
/** The longest caption (per language), typed or read from a photo's own metadata. */
export const PHOTO_CAPTION_MAX = 4000;
/** The longest one-line text of a photo: credit, creator, the camera read from the file. */
export const PHOTO_LINE_MAX = 500;
/** The long side of a thumbnail, in pixels. */
export const THUMB_SIZE = 480;

/** The SHA-256 of a photo's bytes, lowercase hex: its id everywhere. */
export const PhotoId = z.string().regex(/^[0-9a-f]{64}$/, 'photo id');
export type PhotoId = z.infer<typeof PhotoId>;

export const GpsPoint = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), alt: z.number().nullable() });
export type GpsPoint = z.infer<typeof GpsPoint>;

/** What the photo itself says (EXIF/XMP/IPTC), read once at import. */
export const PhotoFacts = z.object({
  id: PhotoId,
  kind: PhotoKind,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  size: z.number().int().positive(),
  /** The file's name when it was imported (NFC). */
  name: z.string(),
  /** When it was taken: ISO 8601, with the offset when the camera recorded one. */
  takenAt: z.string().nullable(),
  /** Camera make and model, as one line. */
  camera: z.string().nullable(),
  gps: GpsPoint.nullable(),
  /** A caption already embedded in the file (XMP dc:description, IPTC caption or EXIF description), per language when known. */
  embeddedCaption: z.string().nullable(),
  embeddedCreator: z.string().nullable(),
});
export type PhotoFacts = z.infer<typeof PhotoFacts>;

/** What the user may give with a photo at import (the command line's options). */
export const PhotoInit = z
  .object({
    captions: z.object({ vi: z.string().max(PHOTO_CAPTION_MAX).optional(), en: z.string().max(PHOTO_CAPTION_MAX).optional() }).strict().optional(),
    credit: z.string().max(PHOTO_LINE_MAX).optional(),
    creator: z.string().max(PHOTO_LINE_MAX).optional(),
  })
  .strict();
export type PhotoInit = z.infer<typeof PhotoInit>;
