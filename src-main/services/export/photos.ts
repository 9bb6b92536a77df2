/**
 * `photos/<name>`: each photo of the article as a copy of its stored original with the IPTC
 * Photo Metadata written into its XMP — Description as a language alternative (vi, en, and
 * x-default in the article's language), Headline, Creator, Credit Line, Copyright Notice, Date
 * Created, location (sublocation, city, province, country), Person Shown, Event — and, when the
 * user asked (settings.stripGpsOnExport), no GPS position left in EXIF or XMP.
 *
 * The original is never touched. Its real type is checked by its bytes first, so a stored file
 * that is not the photo it claims to be never reaches a metadata writer.
 */
import { promises as fs } from 'node:fs';
import type { TFunction } from 'i18next';
import { ExifTool } from 'exiftool-vendored';
import { DeskError } from '../../../src-shared/errors';
import { datelineName } from '../../../src-shared/places';
import { sniffPhoto } from '../photos/sniff';
import { yearOf } from './ninjs';
import { jpegDataStart, withXmp } from './jpeg-header';
import type { ExportSource, SourcePhoto } from './source';
import { exiftoolTags, xmpPacket, type PhotoMetadata } from './xmp';

/** The IPTC Photo Metadata written into one photo. */
export function photoMetadata(src: ExportSource, photo: SourcePhoto, t: TFunction): PhotoMetadata {
  const e = photo.entry;
  const { view, event } = src;
  const place = event.place;
  return {
    description: { 'x-default': e.captions[src.language] || e.captions[src.other] || '', vi: e.captions.vi || '', en: e.captions.en || '' },
    headline: view.headline,
    creators: e.creator ? [e.creator] : [],
    credit: e.credit || '',
    rights: e.credit ? t('export:copyright', { lng: src.language, year: yearOf(e.takenAt ?? view.createdAt, src.exportedAt), holder: e.credit }) : '',
    dateCreated: e.takenAt ?? view.createdAt,
    persons: [...e.persons],
    event: event.title,
    location: e.place || event.venue,
    city: place ? (place.unit.level === 'commune' ? place.unit.name : datelineName(place, event.start)) : '',
    state: place?.unit.provinceName ?? '',
    country: place ? 'Việt Nam' : '',
    countryCode: place ? 'VN' : '',
    stripGps: src.stripGps,
  };
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

/** How a photo's metadata was written (tests and benchmarks look). */
export type PhotoPath = 'header' | 'exiftool-header' | 'exiftool-whole';

/**
 * Writes the photo at `original` with its metadata, as pieces to stream into the package.
 * Refused (photoNotImage) when the stored file is not the kind of photo the article says.
 *
 * A JPEG keeps its metadata in the segments before its image data, and the image data is copied
 * unchanged: so only the header is rewritten, and the package takes that new header followed by
 * the original's image data, read from the stored file. A camera's JPEG (no XMP or Photoshop
 * data of its own) gets the packet from xmp.ts inserted by jpeg-header.ts, with no metadata
 * tool at all ('header'); a JPEG with metadata to merge with has its header rewritten by
 * ExifTool ('exiftool-header'). Anything else (PNG, WebP, a JPEG with a trailer after its end
 * marker or a Multi-Picture segment) is rewritten whole by ExifTool into `work`. `tool` is asked
 * for only when ExifTool is needed.
 */
export async function writePhotoCopy(tool: () => ExifTool, original: string, work: string, src: ExportSource, photo: SourcePhoto, t: TFunction): Promise<{ pieces: PhotoPiece[]; path: PhotoPath }> {
  const kind = sniffPhoto(await head(original));
  if (kind !== photo.entry.kind) throw new DeskError('photoNotImage', { file: photo.entry.name || photo.entry.file });
  const metadata = photoMetadata(src, photo, t);
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
      const rest = { file: original, start: cut };
      const ours = withXmp(header, found, xmpPacket(metadata, `Bàn Tin ${src.deskVersion}`), metadata.stripGps);
      if (ours) return { pieces: [ours, rest], path: 'header' };
      const stub = `${work}.head.jpg`;
      const stubOut = `${work}.head-out.jpg`;
      await fs.writeFile(stub, Buffer.concat([header.subarray(0, cut), Buffer.from([0xff, 0xd9])]));
      await fs.rm(stubOut, { force: true });
      await tool().write(stub, exiftoolTags(metadata), { writeArgs: ['-o', stubOut] });
      const rewritten = await fs.readFile(stubOut);
      await fs.rm(stub, { force: true });
      await fs.rm(stubOut, { force: true });
      // The new header must end with the very SOS segment it was given, then the end marker.
      const sos = header.subarray(found.sos, cut);
      const body = rewritten.subarray(0, rewritten.length - 2);
      if (rewritten.subarray(-2).equals(Buffer.from([0xff, 0xd9])) && body.subarray(body.length - sos.length).equals(sos)) return { pieces: [body, rest], path: 'exiftool-header' };
    }
  }
  await fs.rm(work, { force: true });
  await tool().write(original, exiftoolTags(metadata), { writeArgs: ['-o', work] });
  // ExifTool reports some failures only as a missing output.
  await fs.access(work);
  return { pieces: [{ file: work, start: 0 }], path: 'exiftool-whole' };
}

/** One ExifTool process: with only headers to rewrite it keeps up, and starting a second costs more than it saves. */
export function newExifTool(): ExifTool {
  return new ExifTool({ maxProcs: 1, taskTimeoutMillis: 60_000 });
}
