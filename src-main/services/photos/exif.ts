/**
 * What a photo says about itself — date taken, camera, GPS, an embedded caption and creator —
 * read with ExifTool (exiftool-vendored runs one long-lived Perl process, started on first use
 * and ended with the desk). A photo whose metadata cannot be read still imports, without it.
 *
 * A photo's metadata is the sender's to shape, so ExifTool is asked for the tags below only
 * (the others are not even kept in its memory), any value it prints is cut at VALUE_MAX bytes,
 * and each text the desk keeps is capped as a caption or a credit typed at the desk would be.
 * Compressed PNG text never reaches it (png-chunks.ts).
 */
import { CapturedAtTagNames, ExifDateTime, ExifTool, TimezoneOffsetTagnames, type Tags } from 'exiftool-vendored';
import { PHOTO_CAPTION_MAX, PHOTO_LINE_MAX, type GpsPoint } from '../../../src-shared/photos';
import { clean } from '../../../src-shared/text/controls';

export interface EmbeddedFacts {
  readonly takenAt: string | null;
  readonly camera: string | null;
  readonly gps: GpsPoint | null;
  readonly caption: string | null;
  readonly creator: string | null;
}

export const NO_FACTS: EmbeddedFacts = { takenAt: null, camera: null, gps: null, caption: null, creator: null };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601; with the offset only when the camera (or the GPS position) tells it. */
export function isoOf(value: unknown): string | null {
  if (!(value instanceof ExifDateTime)) return null;
  const local = `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}T${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}`;
  if (!value.hasZone || value.tzoffsetMinutes === undefined) return local;
  const off = value.tzoffsetMinutes;
  const sign = off < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** At most `max` UTF-16 units, not ending inside a surrogate pair. */
function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function text(value: unknown, max: number): string | null {
  const v = Array.isArray(value) ? value.filter((x) => typeof x === 'string').join(', ') : value;
  if (typeof v !== 'string') return null;
  const t = capped(clean(v.slice(0, 4 * max)).trim(), max).trim();
  return t ? t : null;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function factsOf(tags: Tags): EmbeddedFacts {
  const make = text(tags.Make, PHOTO_LINE_MAX);
  const model = text(tags.Model, PHOTO_LINE_MAX);
  // Models often repeat the make ("Canon EOS R6" by "Canon").
  const camera = make && model ? (model.toLowerCase().startsWith(make.toLowerCase()) ? model : capped(`${make} ${model}`, PHOTO_LINE_MAX)) : (model ?? make);
  const lat = num(tags.GPSLatitude);
  const lon = num(tags.GPSLongitude);
  const gps = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0) ? { lat, lon, alt: num(tags.GPSAltitude) } : null;
  return {
    takenAt: isoOf(tags.DateTimeOriginal) ?? isoOf(tags.CreateDate),
    camera,
    gps,
    caption: text(tags.Description, PHOTO_CAPTION_MAX) ?? text(tags['Caption-Abstract'], PHOTO_CAPTION_MAX) ?? text(tags.ImageDescription, PHOTO_CAPTION_MAX),
    creator: text(tags.Creator, PHOTO_LINE_MAX) ?? text(tags.Artist, PHOTO_LINE_MAX) ?? text(tags['By-line'], PHOTO_LINE_MAX),
  };
}

/**
 * The tags `factsOf` reads, and those exiftool-vendored needs to give a date its time zone (the
 * camera's offset tags, or the zone at the GPS position) and the GPS position its sign.
 */
const WANTED = [
  ...CapturedAtTagNames,
  ...TimezoneOffsetTagnames,
  'OffsetTime',
  'SubSecTimeOriginal',
  'SubSecTimeDigitized',
  'GPSLatitude',
  'GPSLatitudeRef',
  'GPSLongitude',
  'GPSLongitudeRef',
  'GPSPosition',
  'GPSAltitude',
  'GPSAltitudeRef',
  'GPSDateStamp',
  'GPSTimeStamp',
  'GPSDateTime',
  'Make',
  'Model',
  'Description',
  'Caption-Abstract',
  'ImageDescription',
  'Creator',
  'Artist',
  'By-line',
];

/** The longest value ExifTool prints, in bytes (cut where a UTF-8 character starts): a caption is far shorter. */
const VALUE_MAX = 64 * 1024;

export const READ_ARGS = [
  '-fast',
  // Only the wanted tags are extracted and kept (the -all exiftool-vendored adds then means them).
  '-api',
  'IgnoreTags=All',
  '-api',
  `RequestTags=${WANTED.join(',')}`,
  '-api',
  `Filter=$_ = substr($_, 0, ${VALUE_MAX}) =~ s/[\\xc0-\\xff][\\x80-\\xbf]*\\z//r if length($_) > ${VALUE_MAX}`,
];

export class PhotoMetadata {
  private tool: ExifTool | null = null;

  async read(file: string): Promise<EmbeddedFacts> {
    this.tool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 20_000, taskRetries: 0, readArgs: READ_ARGS });
    try {
      return factsOf(await this.tool.read(file));
    } catch {
      return NO_FACTS;
    }
  }

  async close(): Promise<void> {
    const tool = this.tool;
    this.tool = null;
    await tool?.end();
  }
}
