/**
 * What a photo says about itself — date taken, camera, GPS, an embedded caption and creator —
 * read with ExifTool (exiftool-vendored runs one long-lived Perl process, started on first use
 * and ended with the desk). A photo whose metadata cannot be read still imports, without it.
 */
import { ExifDateTime, ExifTool, type Tags } from 'exiftool-vendored';
import type { GpsPoint } from '../../../src-shared/photos';
import { nfc } from '../../../src-shared/text/vietnamese';

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

function text(value: unknown): string | null {
  const v = Array.isArray(value) ? value.filter((x) => typeof x === 'string').join(', ') : value;
  if (typeof v !== 'string') return null;
  const t = nfc(v).trim();
  return t ? t : null;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function factsOf(tags: Tags): EmbeddedFacts {
  const make = text(tags.Make);
  const model = text(tags.Model);
  // Models often repeat the make ("Canon EOS R6" by "Canon").
  const camera = make && model ? (model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`) : (model ?? make);
  const lat = num(tags.GPSLatitude);
  const lon = num(tags.GPSLongitude);
  const gps = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0) ? { lat, lon, alt: num(tags.GPSAltitude) } : null;
  return {
    takenAt: isoOf(tags.DateTimeOriginal) ?? isoOf(tags.CreateDate),
    camera,
    gps,
    caption: text(tags.Description) ?? text(tags['Caption-Abstract']) ?? text(tags.ImageDescription),
    creator: text(tags.Creator) ?? text(tags.Artist) ?? text(tags['By-line']),
  };
}

export class PhotoMetadata {
  private tool: ExifTool | null = null;

  async read(file: string): Promise<EmbeddedFacts> {
    this.tool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 20_000 });
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
