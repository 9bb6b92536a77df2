/**
 * `photos/<name>`: each photo of the article as a copy of its stored original with the IPTC
 * Photo Metadata written into its XMP by ExifTool — Description as a language alternative (vi,
 * en, and x-default in the article's language), Headline, Creator, Credit Line, Copyright
 * Notice, Date Created, location (sublocation, city, province, country), Person Shown, Event —
 * and, when the user asked (settings.stripGpsOnExport), no GPS position left in EXIF or XMP.
 *
 * The original is never touched: ExifTool reads it and writes the copy (`-o`). Before ExifTool
 * sees the file its real type is checked by its bytes, so a stored file that is not the photo
 * it claims to be never reaches the metadata tool.
 */
import { promises as fs } from 'node:fs';
import type { TFunction } from 'i18next';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import { DeskError } from '../../../src-shared/errors';
import { datelineName } from '../../../src-shared/places';
import { sniffPhoto } from '../photos/sniff';
import { yearOf } from './ninjs';
import type { ExportSource, SourcePhoto } from './source';

/** The XMP (and GPS removal) written into one photo. */
export function photoTags(src: ExportSource, photo: SourcePhoto, t: TFunction): Record<string, string | string[] | null> {
  const e = photo.entry;
  const { view, event } = src;
  const place = event.place;
  const caption = e.captions[src.language] || e.captions[src.other];
  const tags: Record<string, string | string[] | null> = {
    'XMP-dc:Description-x-default': caption,
    'XMP-dc:Description-vi': e.captions.vi,
    'XMP-dc:Description-en': e.captions.en,
    'XMP-photoshop:Headline': view.headline,
    'XMP-dc:Creator': e.creator ? [e.creator] : null,
    'XMP-photoshop:Credit': e.credit,
    'XMP-dc:Rights': e.credit ? t('export:copyright', { lng: src.language, year: yearOf(e.takenAt ?? view.createdAt, src.exportedAt), holder: e.credit }) : null,
    'XMP-photoshop:DateCreated': e.takenAt ?? view.createdAt,
    'XMP-iptcExt:PersonInImage': e.persons.length ? [...e.persons] : null,
    'XMP-iptcExt:Event': event.title,
    'XMP-iptcCore:Location': e.place || event.venue,
    'XMP-photoshop:City': place ? (place.unit.level === 'commune' ? place.unit.name : datelineName(place, event.start)) : '',
    'XMP-photoshop:State': place?.unit.provinceName ?? '',
    'XMP-photoshop:Country': place ? 'Việt Nam' : '',
    'XMP-iptcCore:CountryCode': place ? 'VN' : '',
  };
  for (const [k, v] of Object.entries(tags)) if (v === '' || v === null) delete tags[k];
  if (src.stripGps) {
    tags['GPS:all'] = null;
    tags['XMP-exif:all'] = null;
  }
  return tags;
}

/** Reads the first bytes of a file (to check its type). */
async function head(file: string, bytes = 32): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The bytes of an exported photo: pieces in order, each a buffer or a range of a file to the end. */
export type PhotoPiece = Buffer | { readonly file: string; readonly start: number };

/** The largest JPEG header (every segment before the image data) that is rewritten on its own. */
const MAX_HEADER = 4 * 1024 * 1024;
/**
 * What is read first to find the header: a camera's is a few tens of kilobytes, and reading
 * (and zero-filling) MAX_HEADER for every photo cost memory and time; MAX_HEADER is read only
 * when the image data does not start within it.
 */
const FIRST_READ = 256 * 1024;

/**
 * Where a JPEG's first SOS segment starts, and its image data just after it; null when the
 * file is not a plain baseline/progressive JPEG this can handle (then the whole file is rewritten).
 * Refuses files with a Multi-Picture (MPF) segment, whose offsets point past the first image.
 */
export function jpegDataStart(header: Buffer): { readonly sos: number; readonly data: number } | null {
  if (header[0] !== 0xff || header[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= header.length) {
    if (header[i] !== 0xff) return null;
    const marker = header[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return null; // not expected before SOS
    const len = header.readUInt16BE(i + 2);
    if (len < 2) return null;
    if (marker === 0xe2 && header.subarray(i + 4, i + 8).toString('latin1') === 'MPF\0') return null;
    if (marker === 0xda) return i + 2 + len <= header.length ? { sos: i, data: i + 2 + len } : null;
    i += 2 + len;
  }
  return null;
}

async function readRange(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, start);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Writes the photo at `original` with its metadata, as pieces to stream into the package.
 * Refused (photoNotImage) when the stored file is not the kind of photo the article says.
 *
 * A JPEG keeps its metadata in the segments before its image data, and ExifTool copies the
 * image data unchanged: so ExifTool rewrites only a copy of the header (with the SOS segment
 * and an end marker), and the package takes that new header followed by the original's image
 * data, read from the stored file — byte for byte what ExifTool makes of the whole file, at a
 * fraction of the cost. Anything else (PNG, WebP, a JPEG with a trailer after its end marker
 * or a Multi-Picture segment) is rewritten whole by ExifTool into `work`.
 */
export async function writePhotoCopy(tool: ExifTool, original: string, work: string, src: ExportSource, photo: SourcePhoto, t: TFunction): Promise<PhotoPiece[]> {
  const kind = sniffPhoto(await head(original));
  if (kind !== photo.entry.kind) throw new DeskError('photoNotImage', { file: photo.entry.name || photo.entry.file });
  const tags = photoTags(src, photo, t) as WriteTags;
  if (kind === 'jpeg') {
    const size = (await fs.stat(original)).size;
    let header = await readRange(original, 0, Math.min(size, FIRST_READ));
    let found = jpegDataStart(header);
    if (!found && size > FIRST_READ) {
      header = await readRange(original, 0, Math.min(size, MAX_HEADER));
      found = jpegDataStart(header);
    }
    const tail = await readRange(original, size - 2, 2);
    if (found && tail[0] === 0xff && tail[1] === 0xd9) {
      const cut = found.data;
      const stub = `${work}.head.jpg`;
      const stubOut = `${work}.head-out.jpg`;
      await fs.writeFile(stub, Buffer.concat([header.subarray(0, cut), Buffer.from([0xff, 0xd9])]));
      await fs.rm(stubOut, { force: true });
      await tool.write(stub, tags, { writeArgs: ['-o', stubOut] });
      const rewritten = await fs.readFile(stubOut);
      await fs.rm(stub, { force: true });
      await fs.rm(stubOut, { force: true });
      // The new header must end with the very SOS segment it was given, then the end marker.
      const sos = header.subarray(found.sos, cut);
      const body = rewritten.subarray(0, rewritten.length - 2);
      if (rewritten.subarray(-2).equals(Buffer.from([0xff, 0xd9])) && body.subarray(body.length - sos.length).equals(sos)) return [body, { file: original, start: cut }];
    }
  }
  await fs.rm(work, { force: true });
  await tool.write(original, tags, { writeArgs: ['-o', work] });
  // ExifTool reports some failures only as a missing output.
  await fs.access(work);
  return [{ file: work, start: 0 }];
}

/** One ExifTool process: with only headers to rewrite it keeps up, and starting a second costs more than it saves. */
export function newExifTool(): ExifTool {
  return new ExifTool({ maxProcs: 1, taskTimeoutMillis: 60_000 });
}
