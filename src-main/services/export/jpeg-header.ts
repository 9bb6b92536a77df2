/**
 * A JPEG's header — every segment from SOI up to and including the first SOS, before the image
 * data — read and rewritten in memory: where the image data starts, and the header with an XMP
 * packet added and, when asked, the GPS position taken out of its EXIF.
 *
 * This is the export's common case (a camera's JPEG: JFIF and/or EXIF, no XMP yet), done without
 * a metadata tool: ExifTool spends some 30 ms of a core per photo, more than hashing and writing
 * the photo itself. Whenever the header holds anything to merge with (XMP, extended XMP,
 * Photoshop/IPTC data) or anything unexpected, `withXmp` answers null and the caller lets
 * ExifTool do the whole job.
 */

/** Where a JPEG's first SOS segment starts, and its image data just after it. */
export interface JpegDataStart {
  readonly sos: number;
  readonly data: number;
}

/**
 * Where a JPEG's first SOS segment starts, and its image data just after it; null when the
 * file is not a plain baseline/progressive JPEG this can handle (then the whole file is rewritten).
 * Refuses files with a Multi-Picture (MPF) segment, whose offsets point past the first image.
 */
export function jpegDataStart(header: Buffer): JpegDataStart | null {
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

const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const XMP_EXTENSION_ID = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP13 = 0xed;
const SOS = 0xda;
/** Bytes a segment can hold after its length field. */
const MAX_SEGMENT = 0xffff - 2;

interface Segment {
  readonly marker: number;
  /** Offset of its 0xFF marker byte. */
  readonly start: number;
  /** Offset just after it. */
  readonly end: number;
  /** What follows the length field. */
  readonly payload: Buffer;
}

function segments(header: Buffer, sos: number): Segment[] | null {
  const out: Segment[] = [];
  let i = 2;
  while (i < sos) {
    if (header[i] !== 0xff || i + 4 > sos) return null;
    const marker = header[i + 1]!;
    if (marker === 0xff) return null; // fill bytes between segments: rare enough to leave to ExifTool
    const end = i + 2 + header.readUInt16BE(i + 2);
    if (end > sos) return null;
    out.push({ marker, start: i, end, payload: header.subarray(i + 4, end) });
    i = end;
  }
  return i === sos && header[sos + 1] === SOS ? out : null;
}

/** Bytes of one value of each TIFF field type (1 BYTE … 13 IFD). */
const TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const GPS_POINTER = 0x8825;

/**
 * The EXIF block (TIFF) without its GPS position: the GPS IFD's entry is removed from IFD0 (the
 * entries after it move up, the freed bytes are zeroed) and the GPS IFD with its values is
 * zeroed — nothing else moves, so every other offset stays right. The same length as given;
 * unchanged when there is no GPS; null when the structure is not what the EXIF standard says.
 */
export function exifWithoutGps(tiff: Buffer): Buffer | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd0 = u32(4);
  if (ifd0 < 8 || ifd0 + 2 > tiff.length) return null;
  const count = u16(ifd0);
  const entriesEnd = ifd0 + 2 + count * 12;
  if (entriesEnd + 4 > tiff.length) return null;
  let at = -1;
  for (let k = 0; k < count; k++) if (u16(ifd0 + 2 + k * 12) === GPS_POINTER) at = k;
  if (at < 0) return tiff;

  const out = Buffer.from(tiff);
  const gps = u32(ifd0 + 2 + at * 12 + 8);
  if (gps < 8 || gps + 2 > tiff.length) return null;
  const gpsCount = u16(gps);
  const gpsEnd = gps + 2 + gpsCount * 12;
  if (gpsEnd > tiff.length) return null;
  for (let k = 0; k < gpsCount; k++) {
    const e = gps + 2 + k * 12;
    const size = TYPE_SIZE[u16(e + 2)];
    if (size === undefined) return null;
    const bytes = size * u32(e + 4);
    if (bytes <= 4) continue; // held in the entry itself
    const from = u32(e + 8);
    if (from < 8 || from + bytes > tiff.length) return null;
    out.fill(0, from, from + bytes);
  }
  out.fill(0, gps, Math.min(gpsEnd + 4, tiff.length));
  // IFD0 loses the entry: the later entries and the next-IFD offset move up 12 bytes.
  const entry = ifd0 + 2 + at * 12;
  tiff.copy(out, entry, entry + 12, entriesEnd + 4);
  out.fill(0, entriesEnd - 8, entriesEnd + 4);
  if (le) out.writeUInt16LE(count - 1, ifd0);
  else out.writeUInt16BE(count - 1, ifd0);
  return out;
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * `header` (SOI up to the end of the SOS segment at `found`) with the XMP packet added after its
 * JFIF/EXIF segments and, with `stripGps`, its EXIF GPS position removed. Null when ExifTool
 * must do it: the header already has XMP or Photoshop (IPTC) data, more than one EXIF block, an
 * EXIF block that cannot be read, or the packet does not fit in one segment.
 */
export function withXmp(header: Buffer, found: JpegDataStart, xmp: string, stripGps: boolean): Buffer | null {
  const list = segments(header, found.sos);
  if (!list) return null;
  const packet = Buffer.concat([XMP_ID, Buffer.from(xmp, 'utf8')]);
  if (packet.length > MAX_SEGMENT) return null;
  const exif = list.filter((s) => s.marker === APP1 && s.payload.subarray(0, EXIF_ID.length).equals(EXIF_ID));
  if (exif.length > 1) return null;
  const parts: Buffer[] = [header.subarray(0, 2)];
  let placed = false;
  for (const s of list) {
    if (s.marker === APP13) return null;
    if (s.marker === APP1 && (s.payload.subarray(0, XMP_ID.length).equals(XMP_ID) || s.payload.subarray(0, XMP_EXTENSION_ID.length).equals(XMP_EXTENSION_ID))) return null;
    // The packet goes after the leading APP0 (JFIF) and APP1 (EXIF) segments, where ExifTool puts it.
    if (!placed && s.marker !== APP0 && s.marker !== APP1) {
      parts.push(segment(APP1, packet));
      placed = true;
    }
    if (stripGps && exif[0] === s) {
      const tiff = exifWithoutGps(s.payload.subarray(EXIF_ID.length));
      if (!tiff) return null;
      parts.push(segment(APP1, Buffer.concat([EXIF_ID, tiff])));
    } else parts.push(header.subarray(s.start, s.end));
  }
  if (!placed) parts.push(segment(APP1, packet));
  parts.push(header.subarray(found.sos, found.data));
  return Buffer.concat(parts);
}
