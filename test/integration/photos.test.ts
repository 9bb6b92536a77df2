/**
 * Photos through a real desk: generated JPEG/PNG/WebP files with EXIF, XMP and GPS written by
 * ExifTool; stored once by SHA-256 with a thumbnail; the bad inputs a reporter meets (a renamed
 * document, a photo cut short on the card, a huge file, a decompression bomb) refused with
 * their code, nothing half-imported and nothing in the article lost; binary calls in web mode.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { headline, setText } from '../../src-shared/article-doc';
import { readPhotos } from '../../src-shared/article-photos';
import type { Envelope } from '../../src-shared/contract';
import type { ArticleSummary } from '../../src-shared/models';
import { PHOTO_MAX_BYTES, THUMB_SIZE, type PhotoFacts } from '../../src-shared/photos';
import { decodeWire, packWire, WIRE_BINARY_TYPE } from '../../src-shared/wire';
import type { Desk } from '../../src-main/services/desk';
import { startWebServer } from '../../src-main/web/server';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { CAMERA_TAGS, makePhoto, pngBomb, writeTags } from '../support/photos';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

type Added = { photo: PhotoFacts; index: number; added: boolean };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function photosOf(desk: Desk, id: string) {
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  return readPhotos(replicaOf(state));
}

async function newArticle(desk: Desk, language: 'vi' | 'en' = 'vi'): Promise<string> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language });
  return id;
}

async function refusal(desk: Desk, input: unknown): Promise<{ code: string; params?: Record<string, unknown> }> {
  const res = (await desk.dispatch('photo:add', input, { client: 'test' })) as Envelope<Added>;
  if (res.ok) throw new Error('expected the photo to be refused');
  return res.error;
}

describe('importing photos', () => {
  it('stores a camera JPEG once by its SHA-256, with a thumbnail, and reads date, camera, GPS and caption from it', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const id = await newArticle(desk);
    const made = await makePhoto(dir, 'IMG_0413.JPG', { width: 1600, height: 1200 });
    const bytes = await writeTags(made.file, { ...CAMERA_TAGS, Description: 'Người dân xã Minh Tân dự hội nghị', Artist: 'Minh Thư' });

    const res = await call<Added>(desk, 'photo:add', { id, name: 'IMG_0413.JPG', bytes });
    expect(res.added).toBe(true);
    expect(res.photo).toMatchObject({
      id: sha256(bytes),
      kind: 'jpeg',
      width: 1600,
      height: 1200,
      size: bytes.length,
      name: 'IMG_0413.JPG',
      takenAt: '2022-01-13T08:30:15+07:00',
      camera: 'Canon EOS R6',
      embeddedCaption: 'Người dân xã Minh Tân dự hội nghị',
      embeddedCreator: 'Minh Thư',
    });
    expect(res.photo.gps!.lat).toBeCloseTo(22.8233, 4);
    expect(res.photo.gps!.lon).toBeCloseTo(104.9836, 4);
    expect(res.photo.gps!.alt).toBeCloseTo(120, 0);

    // The original, byte for byte, under its hash.
    const stored = await fs.readFile(path.join(dir, 'desk', 'photos', `${sha256(bytes)}.jpg`));
    expect(sha256(stored)).toBe(sha256(bytes));
    // The thumbnail: WebP, its long side THUMB_SIZE.
    const { bytes: thumb } = await call<{ bytes: Uint8Array }>(desk, 'photo:thumb', { photo: res.photo.id });
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width, meta.height)).toBe(THUMB_SIZE);

    // In the article: the embedded caption in its language, the creator as credit, featured (first photo).
    const [entry] = await photosOf(desk, id);
    expect(entry).toMatchObject({ id: res.photo.id, kind: 'jpeg', captions: { vi: 'Người dân xã Minh Tân dự hội nghị', en: '' }, credit: 'Minh Thư', creator: 'Minh Thư', featured: true, takenAt: '2022-01-13T08:30:15+07:00', camera: 'Canon EOS R6' });
    expect(entry!.gps!.lat).toBeCloseTo(22.8233, 4);
  });

  it('takes PNG and WebP, captions and credit given at import, and only the first photo is featured', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const id = await newArticle(desk, 'en');
    const png = await makePhoto(dir, 'chart.png', { format: 'png', width: 300, height: 200, seed: 2 });
    const webp = await makePhoto(dir, 'scene.webp', { format: 'webp', width: 200, height: 300, seed: 3 });
    const a = await call<Added>(desk, 'photo:add', { id, name: 'chart.png', bytes: png.bytes, init: { captions: { vi: 'Biểu đồ', en: 'Chart' }, credit: 'Đài PT-TH', creator: 'Minh Thư' } });
    const b = await call<Added>(desk, 'photo:add', { id, name: 'scene.webp', bytes: webp.bytes });
    expect([a.photo.kind, b.photo.kind]).toEqual(['png', 'webp']);
    expect([a.photo.width, a.photo.height, b.photo.width, b.photo.height]).toEqual([300, 200, 200, 300]);
    // Small photos are not enlarged for their thumbnail.
    const thumb = await call<{ bytes: Uint8Array }>(desk, 'photo:thumb', { photo: b.photo.id });
    expect((await sharp(thumb.bytes).metadata()).height).toBe(300);
    const list = await photosOf(desk, id);
    expect(list.map((p) => [p.id, p.featured])).toEqual([
      [a.photo.id, true],
      [b.photo.id, false],
    ]);
    expect(list[0]).toMatchObject({ captions: { vi: 'Biểu đồ', en: 'Chart' }, credit: 'Đài PT-TH', creator: 'Minh Thư' });
    expect(await fs.readdir(path.join(dir, 'desk', 'photos'))).toEqual(expect.arrayContaining([`${a.photo.id}.png`, `${b.photo.id}.webp`]));
  });

  it('the same photo twice is one file: not added again to the same article, shared by another', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const first = await newArticle(desk);
    const second = await newArticle(desk);
    const made = await makePhoto(dir, 'a.jpg');
    const [x, y] = await Promise.all([
      call<Added>(desk, 'photo:add', { id: first, name: 'a.jpg', bytes: made.bytes }),
      call<Added>(desk, 'photo:add', { id: first, name: 'copy of a.jpg', bytes: made.bytes }),
    ]);
    expect([x.added, y.added].sort()).toEqual([false, true]);
    const z = await call<Added>(desk, 'photo:add', { id: second, name: 'a.jpg', bytes: made.bytes });
    expect(z.added).toBe(true);
    expect(await photosOf(desk, first)).toHaveLength(1);
    expect(await photosOf(desk, second)).toHaveLength(1);
    expect(await fs.readdir(path.join(dir, 'desk', 'photos'))).toEqual([`${sha256(made.bytes)}.jpg`]);
    expect((await fs.readdir(path.join(dir, 'desk', 'thumbs'))).sort()).toEqual([`${sha256(made.bytes)}.json`, `${sha256(made.bytes)}.webp`]);
  });

  it('fills a planned photo (the sample article has captions waiting for their images), keeping what was written', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const sample = await call<ArticleSummary>(desk, 'library:loadSample', {});
    const before = await photosOf(desk, sample.id);
    expect(before[1]!.id).toBeNull();
    const made = await makePhoto(dir, 'ket-luan.jpg', { seed: 9 });
    const res = await call<Added>(desk, 'photo:add', { id: sample.id, name: 'ket-luan.jpg', bytes: made.bytes, into: 1 });
    expect(res.index).toBe(1);
    const after = await photosOf(desk, sample.id);
    expect(after).toHaveLength(before.length);
    expect(after[1]).toMatchObject({ id: res.photo.id, captions: before[1]!.captions, credit: before[1]!.credit });
  });

  it('photos and their entries are there after the desk is closed and opened again', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    let desk = await desks.open(dataDir);
    const id = await newArticle(desk);
    const made = await makePhoto(dir, 'a.jpg', { seed: 4 });
    const res = await call<Added>(desk, 'photo:add', { id, name: 'a.jpg', bytes: made.bytes });
    await desks.close(desk);
    desk = await desks.open(dataDir);
    expect((await photosOf(desk, id)).map((p) => p.id)).toEqual([res.photo.id]);
    const original = await call<{ bytes: Uint8Array; mime: string }>(desk, 'photo:original', { photo: res.photo.id });
    expect(original.mime).toBe('image/jpeg');
    expect(sha256(original.bytes)).toBe(res.photo.id);
  });
});

describe('bad photos are refused with a clear code, nothing half-imported, nothing lost', () => {
  it('a document renamed .jpg, a JPEG cut short, an empty file, a file over the limit, a decompression bomb', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    const desk = await desks.open(dataDir);
    const id = await newArticle(desk);
    const good = await makePhoto(dir, 'good.jpg', { seed: 5 });
    await call<Added>(desk, 'photo:add', { id, name: 'good.jpg', bytes: good.bytes });
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
    const replica = replicaOf(state);
    await call(desk, 'article:update', { id, update: updateFrom(replica, (d) => setText(headline(d), 'Lũ quét ở Hoàng Su Phì')) });

    const big = await makePhoto(dir, 'big.jpg', { width: 2400, height: 1800, seed: 6, quality: 95 });
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const cases: Array<[string, Uint8Array, string]> = [
      ['bien-ban.jpg', pdf, 'photoNotImage'],
      ['IMG_0001.JPG', big.bytes.subarray(0, Math.floor(big.bytes.length * 0.6)), 'photoDamaged'],
      ['empty.jpg', new Uint8Array(0), 'fileEmpty'],
      ['bomb.png', pngBomb(), 'photoTooManyPixels'],
    ];
    for (const [name, bytes, code] of cases) {
      const err = await refusal(desk, { id, name, bytes });
      expect(err.code, name).toBe(code);
      expect(err.params?.file, name).toBe(name);
    }
    // Over the limit: a JPEG header followed by 100 MB.
    const huge = new Uint8Array(100 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await refusal(desk, { id, name: 'DSC_9999.JPG', bytes: huge });
    expect(tooBig).toMatchObject({ code: 'photoTooLarge', params: { file: 'DSC_9999.JPG', size: '100 MB', max: `${PHOTO_MAX_BYTES / 1024 / 1024} MB` } });

    // Only the good photo is stored; the article has its photo and its headline.
    expect(await fs.readdir(path.join(dataDir, 'photos'))).toEqual([`${sha256(good.bytes)}.jpg`]);
    expect((await fs.readdir(path.join(dataDir, 'thumbs'))).filter((n) => n.endsWith('.webp'))).toEqual([`${sha256(good.bytes)}.webp`]);
    const after = replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id })).state);
    expect(readPhotos(after).map((p) => p.id)).toEqual([sha256(good.bytes)]);
    expect(headline(after).toString()).toBe('Lũ quét ở Hoàng Su Phì');
  });

  it('a photo for an article that does not exist is refused before anything is stored', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const made = await makePhoto(dir, 'a.jpg');
    expect((await refusal(desk, { id: 'khong-co-bai-nay', name: 'a.jpg', bytes: made.bytes })).code).toBe('notFound');
    expect(await fs.readdir(path.join(dir, 'desk', 'photos'))).toEqual([]);
  });
});

describe('web mode carries photos as bytes, not base64', () => {
  it('a binary call adds a photo; a body over the limit is refused with 413 before it is read', async () => {
    const dir = await temp.make();
    const rendererDir = path.join(dir, 'renderer');
    await fs.mkdir(rendererDir);
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const desk = await desks.open(path.join(dir, 'desk'));
    const server = await startWebServer({ desk, port: 0, rendererDir });
    try {
      const login = await fetch(server.url, { redirect: 'manual' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const origin = `http://127.0.0.1:${server.port}`;
      const post = (body: Blob, length?: number) =>
        fetch(`${origin}/api/call/photo:add`, { method: 'POST', headers: { cookie, origin, 'content-type': WIRE_BINARY_TYPE, ...(length ? { 'content-length': String(length) } : {}) }, body });
      const id = await newArticle(desk);
      const made = await makePhoto(dir, 'Ảnh hội nghị.jpg', { seed: 8 });
      const packed = packWire({ id, name: 'Ảnh hội nghị.jpg', bytes: made.bytes });
      const res = await post(new Blob(packed.pieces.map((p) => p as Uint8Array<ArrayBuffer>)));
      expect(res.status).toBe(200);
      const envelope = decodeWire(await res.text()) as Envelope<Added>;
      expect(envelope, JSON.stringify(envelope)).toMatchObject({ ok: true, value: { added: true, photo: { id: sha256(made.bytes), name: 'Ảnh hội nghị.jpg' } } });

      const tooBig = new Blob([new Uint8Array(PHOTO_MAX_BYTES + 2 * 1024 * 1024)]);
      expect((await post(tooBig)).status).toBe(413);
      // A damaged binary body is an invalid payload, not a crash.
      const bad = await post(new Blob([new Uint8Array([0, 0, 0, 200, 1, 2, 3])]));
      expect(decodeWire(await bad.text())).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    } finally {
      await server.close();
    }
  });
});
