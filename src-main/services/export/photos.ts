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

/**
 * Writes `out`: the photo at `original` with its metadata. Refused (photoNotImage) when the
 * stored file is not the kind of photo the article says.
 */
export async function writePhotoCopy(tool: ExifTool, original: string, out: string, src: ExportSource, photo: SourcePhoto, t: TFunction): Promise<void> {
  const kind = sniffPhoto(await head(original));
  if (kind !== photo.entry.kind) throw new DeskError('photoNotImage', { file: photo.entry.name || photo.entry.file });
  await fs.rm(out, { force: true });
  await tool.write(original, photoTags(src, photo, t) as WriteTags, { writeArgs: ['-o', out] });
  // ExifTool reports some failures only as a missing output.
  await fs.access(out);
}

export function newExifTool(): ExifTool {
  return new ExifTool({ maxProcs: 2, taskTimeoutMillis: 60_000 });
}
