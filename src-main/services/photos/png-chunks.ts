/**
 * What of a PNG is handed to the decoder and to ExifTool. A PNG's text chunks can be compressed
 * (zTXt, a compressed iTXt or eXIf): 200 KB of zTXt inflates to 200 MB, and both ExifTool and
 * the decoder would inflate it whole, whatever the desk asks for. So the desk reads the chunk
 * list itself (lengths and types only, nothing inflated) and keeps:
 *   - for decoding: every chunk but text (the decoder needs none) and a compressed or oversized eXIf;
 *   - for metadata: the header, the uncompressed text and EXIF chunks while they add up to no more
 *     than METADATA_MAX bytes, and the end — a small file, with no image data and no compressed
 *     chunk at all.
 * The stored original stays the photo's bytes, untouched.
 */

/** The text and EXIF chunks ExifTool reads add up to no more than this (a camera's EXIF or a photo desk's XMP is a few KB to a few hundred); past it, the rest is skipped. */
export const METADATA_MAX = 1024 * 1024;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const TEXT = new Set(['tEXt', 'zTXt', 'iTXt']);
const EXIF = new Set(['eXIf', 'zxIf']);

interface Chunk {
  readonly type: string;
  /** The whole chunk: length, type, data and CRC. */
  readonly bytes: Buffer;
}

/** The chunks of a PNG in order, and what follows the last whole one (a cut-short file's tail). */
function chunksOf(png: Buffer): { chunks: Chunk[]; tail: Buffer } {
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > png.length) break;
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), bytes: png.subarray(at, end) });
    at = end;
  }
  return { chunks, tail: png.subarray(at) };
}

const dataOf = (c: Chunk): Buffer => c.bytes.subarray(8, c.bytes.length - 4);

/** Text ExifTool may read: tEXt, or an iTXt whose compression flag is off. */
function plainText(c: Chunk): boolean {
  if (c.type === 'tEXt') return true;
  if (c.type !== 'iTXt') return false;
  const data = dataOf(c);
  const keywordEnd = data.indexOf(0);
  return keywordEnd >= 0 && data[keywordEnd + 1] === 0;
}

/** EXIF the decoder (orientation) and ExifTool may read: an eXIf holding a TIFF header (not the compressed form), not too long. */
function plainExif(c: Chunk): boolean {
  if (c.type !== 'eXIf' || c.bytes.length - 12 > METADATA_MAX) return false;
  const data = dataOf(c);
  return data.length >= 2 && ((data[0] === 0x49 && data[1] === 0x49) || (data[0] === 0x4d && data[1] === 0x4d));
}

export interface PngViews {
  /** The PNG the decoder sees: the photo's own bytes when nothing had to go. */
  readonly decode: Buffer;
  /** A small PNG holding only the metadata ExifTool may read. */
  readonly metadata: Buffer;
}

export function pngViews(png: Buffer): PngViews {
  const { chunks, tail } = chunksOf(png);
  const forDecode = chunks.filter((c) => !TEXT.has(c.type) && (!EXIF.has(c.type) || plainExif(c)));
  const decode = forDecode.length === chunks.length ? png : Buffer.concat([SIGNATURE, ...forDecode.map((c) => c.bytes), tail]);
  const header = chunks[0]?.type === 'IHDR' ? [chunks[0].bytes] : [];
  const end = chunks.find((c) => c.type === 'IEND');
  const kept: Buffer[] = [];
  let budget = METADATA_MAX;
  for (const c of chunks) {
    if (!plainText(c) && !plainExif(c)) continue;
    if (c.bytes.length > budget) continue;
    kept.push(c.bytes);
    budget -= c.bytes.length;
  }
  const metadata = Buffer.concat([SIGNATURE, ...header, ...kept, ...(end ? [end.bytes] : [])]);
  return { decode, metadata };
}
