/**
 * A photo's metadata is the sender's to shape: a PNG whose compressed text inflates a
 * thousandfold, an XMP caption of megabytes, control characters in a credit. Each is imported
 * through a real desk: the photo is taken, its camera and creator still read, the bomb never
 * inflated into a caption, and every text kept no longer than one typed at the desk.
 */
import path from 'node:path';
import { crc32, createDeflate } from 'node:zlib';
import type { WriteTags } from 'exiftool-vendored';
import { afterEach, describe, expect, it } from 'vitest';
import { readPhotos } from '../../src-shared/article-photos';
import type { ArticleSummary } from '../../src-shared/models';
import { PHOTO_CAPTION_MAX, PHOTO_LINE_MAX, type PhotoFacts } from '../../src-shared/photos';
import { pngViews } from '../../src-main/services/photos/png-chunks';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks } from '../support/desk';
import { makePhoto, writeTags } from '../support/photos';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

const MB = 1024 * 1024;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

const xmp = (description: string) =>
  `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** An XMP packet whose caption is `size` bytes of one letter, deflated as it is streamed (the test never holds it whole). */
async function deflatedXmp(size: number): Promise<Buffer> {
  const [open, close] = xmp('\u0000').split('\u0000') as [string, string];
  const z = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  const block = Buffer.alloc(MB, 'a');
  z.write(open);
  for (let left = size; left > 0; left -= MB) z.write(left >= MB ? block : block.subarray(0, left));
  z.end(close);
  await done;
  return Buffer.concat(out);
}

const zTXt = (keyword: string, deflated: Buffer) => chunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflated]));
/** iTXt: keyword, compression flag and method, language, translated keyword, text. */
const iTXt = (keyword: string, text: Buffer, compressed: boolean) => chunk('iTXt', Buffer.concat([Buffer.from(`${keyword}\0${compressed ? '\x01' : '\0'}\0\0\0`, 'latin1'), text]));

/** A real PNG with EXIF camera and creator written by ExifTool, and `extra` chunks put just after its header. */
async function pngWith(dir: string, name: string, extra: Buffer[], seed = 1): Promise<Buffer> {
  const made = await makePhoto(dir, name, { width: 64, height: 48, format: 'png', seed });
  const tagged = await writeTags(made.file, { 'EXIF:Make': 'Canon', 'EXIF:Model': 'Canon EOS R6', 'EXIF:Artist': 'Minh Thư' } as WriteTags);
  const afterHeader = 8 + 12 + 13;
  return Buffer.concat([tagged.subarray(0, afterHeader), ...extra, tagged.subarray(afterHeader)]);
}

type Added = { photo: PhotoFacts; index: number };

async function importInto(desk: Desk, name: string, bytes: Buffer): Promise<{ photo: PhotoFacts; captions: { vi: string; en: string }; credit: string }> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  const added = await call<Added>(desk, 'photo:add', { id, name, bytes });
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  const entry = readPhotos(replicaOf(state))[added.index]!;
  return { photo: added.photo, captions: entry.captions, credit: entry.credit };
}

describe('metadata bombs in photos', () => {
  it('a PNG whose zTXt XMP inflates to 64 MB imports with its camera and creator read, the bomb not inflated', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const bomb = zTXt('XML:com.adobe.xmp', await deflatedXmp(64 * MB));
    const bytes = await pngWith(dir, 'ztxt.png', [bomb]);
    expect(bytes.length).toBeLessThan(MB);

    const { photo, captions } = await importInto(desk, 'ztxt.png', bytes);
    expect(photo).toMatchObject({ kind: 'png', width: 64, height: 48, camera: 'Canon EOS R6', embeddedCreator: 'Minh Thư', embeddedCaption: null });
    expect(captions.vi).toBe('');
  }, 120_000);

  it('a 20 MB caption in a compressed iTXt is skipped; an uncompressed XMP caption over the limit is cut to it', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const compressed = await pngWith(dir, 'itxt.png', [iTXt('XML:com.adobe.xmp', await deflatedXmp(20 * MB), true)]);
    expect(compressed.length).toBeLessThan(100 * 1024);
    const first = await importInto(desk, 'itxt.png', compressed);
    expect(first.photo).toMatchObject({ camera: 'Canon EOS R6', embeddedCaption: null });
    expect(first.captions.vi).toBe('');

    // 100,000 characters of caption, uncompressed: read, but kept only up to the caption limit.
    const long = 'Người dân xã Minh Tân '.repeat(5000);
    const plain = await pngWith(dir, 'long.png', [iTXt('XML:com.adobe.xmp', Buffer.from(xmp(long)), false)], 2);
    const second = await importInto(desk, 'long.png', plain);
    expect(second.photo.embeddedCaption).toBe(long.slice(0, PHOTO_CAPTION_MAX).trim());
    expect(second.captions.vi.length).toBeLessThanOrEqual(PHOTO_CAPTION_MAX);
    expect(second.captions.vi.startsWith('Người dân xã Minh Tân')).toBe(true);
  }, 120_000);

  it('a JPEG creator with control characters and over the length of a credit comes in clean and capped', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const made = await makePhoto(dir, 'ctl.jpg', { width: 64, height: 48 });
    const creator = `Minh\u001b]0;owned\u0007 Thư\u009b2J ${'x'.repeat(2000)}`;
    const bytes = await writeTags(made.file, { 'EXIF:Artist': creator, 'EXIF:Make': 'Canon\u001b[2J', 'EXIF:Model': 'EOS R6' } as WriteTags);
    const { photo, credit } = await importInto(desk, 'ctl.jpg', bytes);
    expect(photo.embeddedCreator!.startsWith('Minh]0;owned Thư2J x')).toBe(true);
    expect(photo.embeddedCreator!.length).toBe(PHOTO_LINE_MAX);
    expect(photo.camera).toBe('Canon[2J EOS R6');
    expect(credit).toBe(photo.embeddedCreator);
    expect(JSON.stringify(photo)).not.toMatch(/\\u00[01][0-9a-f]|[\u0080-\u009f]/i);
  }, 60_000);

  it('the decoder sees no text chunk and ExifTool only the header, uncompressed text and the end', async () => {
    const dir = await temp.make();
    const kept = iTXt('XML:com.adobe.xmp', Buffer.from(xmp('Hội nghị')), false);
    const bytes = await pngWith(dir, 'views.png', [zTXt('Comment', await deflatedXmp(MB)), iTXt('Comment', await deflatedXmp(MB), true), chunk('tEXt', Buffer.from('Title\0Hà Giang', 'latin1')), kept]);
    const types = (png: Buffer) => {
      const out: string[] = [];
      for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) out.push(png.toString('latin1', at + 4, at + 8));
      return out;
    };
    const views = pngViews(bytes);
    expect(types(bytes)).toEqual(expect.arrayContaining(['zTXt', 'iTXt', 'tEXt', 'IDAT']));
    expect(types(views.decode).filter((t) => ['zTXt', 'iTXt', 'tEXt'].includes(t))).toEqual([]);
    expect(types(views.decode)).toContain('IDAT');
    expect(types(views.metadata)).toEqual(['IHDR', 'tEXt', 'iTXt', 'eXIf', 'IEND']);
    expect(views.metadata.includes(kept)).toBe(true);
    // A PNG with nothing to leave out is decoded from its own bytes.
    const bare = (await makePhoto(dir, 'bare.png', { format: 'png', width: 16, height: 16 })).bytes;
    expect(pngViews(bare).decode).toBe(bare);
  }, 60_000);
});
