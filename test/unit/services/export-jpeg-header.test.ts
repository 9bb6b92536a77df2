/**
 * The export's own JPEG header rewrite: the EXIF GPS position taken out without moving anything
 * else (both byte orders), the XMP packet placed after JFIF/EXIF, and every header that must go
 * to ExifTool instead (XMP or Photoshop data to merge with, a packet too big, broken EXIF).
 * What ExifTool reads back from a real camera JPEG is checked in test/integration/export.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { exifWithoutGps, jpegDataStart, withXmp } from '../../../src-main/services/export/jpeg-header';
import { xmlText, xmpPacket, type PhotoMetadata } from '../../../src-main/services/export/xmp';

/**
 * A TIFF block as a camera writes it: IFD0 with Make (ASCII, out of line), the GPS pointer and
 * Orientation, then a next-IFD offset of 0x1234; the GPS IFD with GPSLatitudeRef (inline) and
 * GPSLatitude (three rationals, out of line).
 */
function tiff(le: boolean): { bytes: Buffer; gpsAt: number; latAt: number; makeAt: number } {
  const b = Buffer.alloc(200);
  const u16 = (v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  b.write(le ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    u16(tag, at);
    u16(type, at + 2);
    u32(count, at + 4);
    u32(value, at + 8);
  };
  const makeAt = 100;
  const gpsAt = 120;
  const latAt = 160;
  u16(3, 8);
  entry(10, 0x010f, 2, 6, makeAt); // Make
  entry(22, 0x8825, 4, 1, gpsAt); // GPSInfo
  entry(34, 0x0112, 3, 1, le ? 1 : 1 << 16); // Orientation (a SHORT, left-justified)
  u32(0x1234, 46); // next IFD
  b.write('Canon\0', makeAt, 'latin1');
  u16(2, gpsAt);
  entry(gpsAt + 2, 0x0001, 2, 2, le ? 0x4e : 0x4e000000); // GPSLatitudeRef 'N'
  entry(gpsAt + 14, 0x0002, 5, 3, latAt); // GPSLatitude
  for (let k = 0; k < 6; k++) u32(k + 22, latAt + k * 4);
  return { bytes: b, gpsAt, latAt, makeAt };
}

describe('exifWithoutGps', () => {
  for (const le of [true, false]) {
    it(`removes the GPS entry from IFD0 and zeroes the GPS IFD and its values (${le ? 'Intel' : 'Motorola'} order)`, () => {
      const { bytes, gpsAt, latAt, makeAt } = tiff(le);
      const out = exifWithoutGps(bytes)!;
      const u16 = (at: number) => (le ? out.readUInt16LE(at) : out.readUInt16BE(at));
      const u32 = (at: number) => (le ? out.readUInt32LE(at) : out.readUInt32BE(at));
      expect(out.length).toBe(bytes.length);
      expect(u16(8)).toBe(2);
      expect([u16(10), u16(22)]).toEqual([0x010f, 0x0112]);
      expect(u32(34)).toBe(0x1234); // the next-IFD offset moved up with the entries
      expect(out.subarray(38, 50).every((x) => x === 0)).toBe(true);
      expect(out.subarray(gpsAt, gpsAt + 2 + 24 + 4).every((x) => x === 0)).toBe(true);
      expect(out.subarray(latAt, latAt + 24).every((x) => x === 0)).toBe(true);
      expect(out.toString('latin1', makeAt, makeAt + 5)).toBe('Canon');
      expect(le ? bytes.readUInt16LE(8) : bytes.readUInt16BE(8)).toBe(3); // the input is left as it was
    });
  }

  it('gives the block back unchanged without GPS, and null when its offsets point outside it', () => {
    const { bytes } = tiff(true);
    bytes.writeUInt16LE(0x0110, 22); // the GPS entry becomes Model
    expect(exifWithoutGps(bytes)).toBe(bytes);
    const broken = tiff(true).bytes;
    broken.writeUInt32LE(5000, 30); // GPS IFD far outside
    expect(exifWithoutGps(broken)).toBeNull();
    const badValue = tiff(true);
    badValue.bytes.writeUInt32LE(9000, badValue.gpsAt + 14 + 8); // GPSLatitude's values outside
    expect(exifWithoutGps(badValue.bytes)).toBeNull();
    expect(exifWithoutGps(Buffer.from('XX*\0\x08\0\0\0', 'latin1'))).toBeNull();
  });
});

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};
const JFIF = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const DQT = segment(0xdb, Buffer.alloc(65, 1));
const SOS = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
const jpeg = (...segments: Buffer[]) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, SOS]);

const META: PhotoMetadata = {
  description: { 'x-default': 'Lũ về <nhanh> & "mạnh"', vi: 'Lũ về <nhanh> & "mạnh"', en: 'Floods rise' },
  headline: 'Mưa lớn ở vùng cao',
  creators: ['Minh Thư'],
  credit: 'Đài PT-TH',
  rights: '© 2026 Đài PT-TH',
  dateCreated: '2026-01-09T08:00:12+07:00',
  persons: ['Lê Văn A', 'Đỗ Thị B'],
  event: 'Hội nghị',
  location: 'Hội trường',
  city: 'Xã Đồng Văn',
  state: 'Tuyên Quang',
  country: 'Việt Nam',
  countryCode: 'VN',
  stripGps: true,
};

describe('withXmp', () => {
  it('puts the packet after JFIF and EXIF, takes the GPS out of the EXIF, and ends with the same SOS', () => {
    const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(false).bytes]));
    const header = jpeg(JFIF, exif, DQT);
    const found = jpegDataStart(header)!;
    const out = withXmp(header, found, xmpPacket(META, 'Bàn Tin test'), true)!;
    const again = jpegDataStart(out)!;
    expect(out.subarray(again.sos).equals(SOS)).toBe(true);
    const xmpAt = 2 + JFIF.length + exif.length;
    expect(out.subarray(0, 2 + JFIF.length).equals(header.subarray(0, 2 + JFIF.length))).toBe(true);
    expect(out.subarray(2 + JFIF.length + 4, xmpAt).equals(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithoutGps(tiff(false).bytes)!]))).toBe(true);
    expect(out[xmpAt + 1]).toBe(0xe1);
    expect(out.toString('latin1', xmpAt + 4, xmpAt + 33)).toBe('http://ns.adobe.com/xap/1.0/\0');
    expect(out.subarray(again.sos - DQT.length, again.sos).equals(DQT)).toBe(true);
    // Kept when the user keeps GPS.
    const kept = withXmp(header, found, 'x', false)!;
    expect(kept.includes(exif)).toBe(true);
  });

  it('leaves to ExifTool a header with XMP, extended XMP or Photoshop data, two EXIF blocks, or a packet over one segment', () => {
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>', 'latin1'));
    const extended = segment(0xe1, Buffer.from('http://ns.adobe.com/xmp/extension/\0abc', 'latin1'));
    const photoshop = segment(0xed, Buffer.from('Photoshop 3.0\0', 'latin1'));
    const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(true).bytes]));
    for (const header of [jpeg(JFIF, xmp, DQT), jpeg(extended, DQT), jpeg(JFIF, photoshop, DQT), jpeg(exif, exif, DQT)]) {
      expect(withXmp(header, jpegDataStart(header)!, 'x', true)).toBeNull();
    }
    const plain = jpeg(JFIF, DQT);
    expect(withXmp(plain, jpegDataStart(plain)!, 'x'.repeat(65_505), true)).toBeNull(); // 29 bytes of namespace + 65,505 > 65,533
    expect(withXmp(plain, jpegDataStart(plain)!, 'x'.repeat(65_504), true)).not.toBeNull();
  });
});

describe('xmpPacket', () => {
  it('escapes text, drops what XML cannot hold, keeps Vietnamese as UTF-8, and leaves out empty and invalid values', () => {
    const xml = xmpPacket({ ...META, headline: 'Chuông\u0007 báo\u0000 lũ', credit: '', dateCreated: 'hôm qua' }, 'Bàn Tin 1.0');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Lũ về &lt;nhanh&gt; &amp; &quot;mạnh&quot;</rdf:li>');
    expect(xml).toContain('<rdf:li xml:lang="en">Floods rise</rdf:li>');
    expect(xml).toContain('<photoshop:Headline>Chuông báo lũ</photoshop:Headline>');
    expect(xml).not.toContain('photoshop:Credit');
    expect(xml).not.toContain('photoshop:DateCreated');
    expect(xml).toContain('<rdf:Bag>\n    <rdf:li>Lê Văn A</rdf:li>\n    <rdf:li>Đỗ Thị B</rdf:li>');
    expect(xml.startsWith('<?xpacket begin="\ufeff"')).toBe(true);
    expect(xml.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(xmlText('a\ud800b\u{1F4F7}')).toBe('ab\u{1F4F7}');
  });
});
