import { describe, expect, it } from 'vitest';
import { sniffPhoto } from '../../../../src-main/services/photos/sniff';
import { isoOf } from '../../../../src-main/services/photos/exif';
import { ExifDateTime } from 'exiftool-vendored';

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('a photo is known by its bytes, not its name', () => {
  it('JPEG, PNG and WebP signatures', () => {
    expect(sniffPhoto(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toBe('jpeg');
    expect(sniffPhoto(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffPhoto(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
  });

  it('anything else, and anything cut before its signature ends, is not a photo', () => {
    expect(sniffPhoto(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffPhoto(bytes('GIF89a'))).toBeNull();
    expect(sniffPhoto(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(sniffPhoto(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBeNull();
    expect(sniffPhoto(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffPhoto(bytes([0x89], 'PNG'))).toBeNull();
    expect(sniffPhoto(new Uint8Array(0))).toBeNull();
  });
});

describe('date taken', () => {
  it('keeps the offset only when the camera recorded one', () => {
    expect(isoOf(ExifDateTime.fromEXIF('2022:01:13 08:30:15+07:00'))).toBe('2022-01-13T08:30:15+07:00');
    expect(isoOf(ExifDateTime.fromEXIF('2022:01:13 08:30:15'))).toBe('2022-01-13T08:30:15');
    expect(isoOf(ExifDateTime.fromEXIF('2025:06:30 23:59:59-03:00'))).toBe('2025-06-30T23:59:59-03:00');
    expect(isoOf('2022:01:13')).toBeNull();
  });
});
