/**
 * Photos the tests make themselves: real JPEG, PNG and WebP files (noise, so they compress like
 * photos), with EXIF/XMP written by ExifTool as a camera and a photo desk would.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';

export interface MadePhoto {
  readonly file: string;
  readonly bytes: Buffer;
}

/** A photo of `width`×`height` pixels; `seed` makes different photos of the same size. */
export async function makePhoto(dir: string, name: string, options: { width?: number; height?: number; seed?: number; format?: 'jpeg' | 'png' | 'webp'; quality?: number } = {}): Promise<MadePhoto> {
  const { width = 640, height = 480, seed = 1, format = 'jpeg', quality = 85 } = options;
  const base = sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 151) % 256 }, noise: { type: 'gaussian', mean: 110 + (seed % 40), sigma: 30 } } });
  const bytes = await (format === 'jpeg' ? base.jpeg({ quality }) : format === 'png' ? base.png() : base.webp({ quality })).toBuffer();
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return { file, bytes };
}

/** Writes EXIF/XMP tags into a photo file in place, and returns its new bytes. */
export async function writeTags(file: string, tags: WriteTags): Promise<Buffer> {
  const tool = new ExifTool({ maxProcs: 1 });
  try {
    await tool.write(file, tags, { writeArgs: ['-overwrite_original'] });
  } finally {
    await tool.end();
  }
  return fs.readFile(file);
}

/**
 * Tags a field camera writes: taken 08:30 at +07:00 in Hà Giang, a Canon, GPS position — in EXIF
 * only, as a camera writes them (without a group, ExifTool would also add an XMP date).
 */
export const CAMERA_TAGS = {
  'EXIF:DateTimeOriginal': '2022:01:13 08:30:15',
  'EXIF:OffsetTimeOriginal': '+07:00',
  'EXIF:Make': 'Canon',
  'EXIF:Model': 'Canon EOS R6',
  'EXIF:GPSLatitude': 22.8233,
  'EXIF:GPSLatitudeRef': 'N',
  'EXIF:GPSLongitude': 104.9836,
  'EXIF:GPSLongitudeRef': 'E',
  'EXIF:GPSAltitude': 120,
  'EXIF:GPSAltitudeRef': 'Above Sea Level',
} as WriteTags;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * A decompression bomb: a valid, small PNG (1-bit grey, all black) that decodes to
 * `side`×`side` pixels — 20,000² is 400 megapixels from a file of a few dozen kilobytes.
 */
export function pngBomb(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8)); // filter byte + pixels, all zero
  const raw = Buffer.alloc(row.length * side);
  const idat = deflateSync(raw, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
