/**
 * The package of the sample article, format by format: manifest checksums, ninjs valid against
 * IPTC's schema (both languages, linked), NewsML-G2 valid against IPTC's XSD, standalone and
 * escaped HTML, plain text, the on-air script with its time, photos carrying both captions and
 * the rest in XMP (GPS gone unless the user keeps it), stored originals untouched; progress,
 * cancel, and a failed export that leaves nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-shared/contract';
import { PACKAGE_FORMAT_VERSION, type Manifest } from '../../src-shared/package-format';
import { secondsAt } from '../../src-shared/text/counts';
import { countWords } from '../../src-shared/text/vietnamese';
import sample from '../../assets/sample/article.vi.json';
import { exportPackage, exportServicesOf } from '../../src-main/services/export/package';
import { call, TEST_VERSION, testDesks } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';
import { ninjsValidator, readZip, sampleWithPhotos, validateNewsml } from './export-support';

const temp = tempDirs();
const desks = testDesks();
const exif = new ExifTool({ maxProcs: 1 });
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});
afterAll(() => exif.end());

/** A ninjs object as parsed (its shape is what the schema checks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read freely, then checked by ajv and the expectations
type Ninjs = Record<string, any>;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Whether this process may mount a tmpfs (tried once on a scratch folder). */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportSample(options: { stripGps?: boolean } = {}) {
  const dir = await temp.make();
  const desk = await desks.open(path.join(dir, 'desk'));
  if (options.stripGps === false) await call(desk, 'settings:update', { stripGpsOnExport: false });
  const { article, photoIds } = await sampleWithPhotos(desk, dir);
  const progress: Array<EventPayload<'export:progress'>> = [];
  desk.hub.connect('watcher', (event, payload) => {
    if (event === 'export:progress') progress.push(payload as EventPayload<'export:progress'>);
  });
  const result = await call<{ file: string; name: string; size: number; files: number }>(desk, 'export:package', { id: article.id, job: 'job-1' });
  const out = result.file;
  return { dir, desk, article, photoIds, out, result, progress, files: await readZip(out) };
}

describe('export:package of the sample article', () => {
  it('writes every format, each listed in the manifest with its size and SHA-256', async () => {
    const { files, result, out, progress, article } = await exportSample();
    const names = [...files.keys()].sort();
    expect(names).toEqual(['article.html', 'article.json', 'article.txt', 'manifest.json', 'newsml/item.xml', 'ninjs/en.json', 'ninjs/vi.json', 'photos/Hội nghị – điểm cầu tỉnh.jpg', 'photos/phat-bieu.jpg', 'script.txt']);
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'ban-tin-package', formatVersion: PACKAGE_FORMAT_VERSION, deskVersion: TEST_VERSION, article: { id: article.id, language: 'vi', headline: sample.headline } });
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json'));
    for (const f of manifest.files) {
      expect(files.get(f.path)!.byteLength, f.path).toBe(f.size);
      expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
    }
    expect(result).toEqual({ file: out, name: path.basename(out), size: (await fs.stat(out)).size, files: names.length });
    // Progress: never backwards, and ends at its total.
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    expect(progress.at(-1)).toMatchObject({ job: 'job-1', done: progress.at(-1)!.total });
    // Nothing else left beside the package (no temp file).
    expect(await listDir(path.dirname(out))).toEqual([path.basename(out)]);
  });

  it('ninjs: one valid object per language, linked to each other, with text, byline, place, subjects and photos', async () => {
    const { files, article, photoIds } = await exportSample();
    const validate = await ninjsValidator();
    const vi = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as Ninjs;
    const en = JSON.parse(files.get('ninjs/en.json')!.toString('utf8')) as Ninjs;
    for (const [lang, obj] of [['vi', vi], ['en', en]] as const) {
      expect(validate(obj), `${lang}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(obj.language).toBe(lang);
    }
    expect(vi.uri).toBe(`urn:bantin:article:${article.id}:vi`);
    expect(vi.associations.find((a: Ninjs) => a.rel === 'translation')).toMatchObject({ uri: en.uri, language: 'en' });
    expect(en.associations.find((a: Ninjs) => a.rel === 'translation')).toMatchObject({ uri: vi.uri, language: 'vi' });
    expect(vi.headlines).toEqual([{ role: 'main', value: sample.headline }, { role: 'subheadline', value: sample.sapo }]);
    expect(vi.bodies[0].contentType).toBe('text/html');
    expect(vi.bodies[0].value).toContain('<p>' + sample.body[0]);
    expect(vi.bodies[0].value).toContain('&quot;đúng, đủ, sạch, sống&quot;');
    expect(vi.bodies[0].wordCount).toBe(countWords(sample.body.join('\n')));
    expect(vi.by).toBe(sample.byline);
    expect(vi.firstCreated).toBe(new Date(sample.dateline).toISOString());
    expect(vi.located).toBe('Hà Giang 1');
    expect(vi.places[0]).toMatchObject({ name: 'Phường Hà Giang 1', literal: 'gso:02509' });
    expect(vi.subjects).toEqual(
      expect.arrayContaining([
        { name: 'chính trị', rel: 'about', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000', literal: 'medtop:11000000' },
        { name: 'chuyển đổi số', rel: 'keyword', literal: 'chuyển đổi số' },
      ]),
    );
    expect(en.subjects).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'politics', literal: 'medtop:11000000' })]));
    expect(vi.events).toEqual([{ name: 'Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026', rel: 'about' }]);
    expect(vi.people).toEqual(expect.arrayContaining([{ name: 'Minh Thư', rel: 'author' }, expect.objectContaining({ name: 'Lê Quang Đức', rel: 'participant' })]));
    const viPhotos = vi.associations.filter((a: Ninjs) => a.type === 'picture');
    const enPhotos = en.associations.filter((a: Ninjs) => a.type === 'picture');
    expect(viPhotos.map((p: Ninjs) => p.uri)).toEqual(photoIds.map((id) => `urn:bantin:photo:${id}`));
    expect(viPhotos[0]).toMatchObject({ rel: 'featuredimage', descriptions: [{ role: 'caption', value: sample.captions[0]!.vi }], copyrightHolder: 'Minh Thư', by: 'Minh Thư', people: [{ name: 'Lê Quang Đức', rel: 'personShown' }, { name: 'Hoàng Thị Mai', rel: 'personShown' }] });
    expect(viPhotos[0].renditions[0]).toMatchObject({ name: 'original', title: 'photos/Hội nghị – điểm cầu tỉnh.jpg', contentType: 'image/jpeg', width: 800, height: 600 });
    expect(enPhotos[1]).toMatchObject({ descriptions: [{ role: 'caption', value: sample.captions[1]!.en }] });
    // The desk holds the text in Vietnamese only: the English object says where it is.
    expect(en.headlines).toBeUndefined();
    expect(en.edNote).toContain(vi.uri);
  });

  it('NewsML-G2: valid against the published XSD, with vi and en texts tagged and a packageItem grouping article and photos', async () => {
    const { files, article, photoIds } = await exportSample();
    const xml = files.get('newsml/item.xml')!.toString('utf8');
    const result = await validateNewsml(xml);
    expect(result.valid, result.rawOutput).toBe(true);
    expect(xml).toContain(`<headline xml:lang="vi">${sample.headline}</headline>`);
    expect(xml).toContain(`<description role="drol:caption" xml:lang="en">${sample.captions[1]!.en.replace(/'/g, '&apos;')}</description>`);
    expect(xml).toContain(`<description role="drol:caption" xml:lang="vi">${sample.captions[0]!.vi}</description>`);
    expect(xml).toMatch(/<packageItem guid="urn:bantin:article:[^"]+:package"/);
    const refs = [...xml.matchAll(/<itemRef residref="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual([`urn:bantin:article:${article.id}`, ...photoIds.map((id) => `urn:bantin:photo:${id}`)]);
    expect(xml).toContain('<remoteContent href="../photos/H%E1%BB%99i%20ngh%E1%BB%8B%20%E2%80%93%20%C4%91i%E1%BB%83m%20c%E1%BA%A7u%20t%E1%BB%89nh.jpg" contenttype="image/jpeg" width="800" height="600"/>');
    expect(xml).toContain('<subject type="cpnat:abstract" qcode="medtop:11000000"><name xml:lang="vi">chính trị</name><name xml:lang="en">politics</name></subject>');
  });

  it('HTML, text and script: standalone and escaped, the script with its on-air time', async () => {
    const { files } = await exportSample();
    const html = files.get('article.html')!.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`);
    // Nothing from elsewhere: the only addresses are the package's photos (export-html-photos.test.ts).
    expect(html).not.toMatch(/<script|<link|url\(|@import|src="(?!photos\/)/i);
    expect(html).toContain(`<h1>${sample.headline}</h1>`);
    expect(html).toContain('Tác giả: Minh Thư · Chuyên mục: Thời sự · Ngày viết: 16:20, 09/01/2026');
    expect(html).toContain(`<figcaption>${sample.captions[1]!.vi}</figcaption>`); // the photo placed in the body
    expect(html).toContain(`<span lang="en">${sample.captions[0]!.en.replace(/'/g, '&#39;')}</span>`); // the other, after it

    const text = files.get('article.txt')!.toString('utf8');
    const eventLine = 'Sự kiện: Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026 · Thời gian: 08:00–11:30, 09/01/2026 · Địa điểm: Hội trường UBND tỉnh, Hà Giang 1 · Đơn vị tổ chức: Ban Chỉ đạo chuyển đổi số tỉnh';
    expect(text.startsWith(sample.headline + '\n\nTác giả: Minh Thư · 16:20, 09/01/2026 · Hà Giang 1\n' + eventLine + '\n\n' + sample.sapo + '\n\n' + sample.body[0])).toBe(true);
    expect(text).toContain(`Ảnh 1: ${sample.captions[0]!.vi} (Ảnh: Minh Thư)`);

    const script = files.get('script.txt')!.toString('utf8');
    const words = countWords([sample.headline, sample.sapo, ...sample.body].join('\n'));
    const seconds = secondsAt(words, 200);
    expect(script).toContain(`Thời lượng đọc: ${Math.floor(seconds / 60)} phút ${seconds % 60} giây (${words} tiếng, 200 tiếng/phút)`);
    expect(script).toContain(sample.headline.toLocaleUpperCase('vi'));
    expect(script.indexOf(sample.sapo)).toBeLessThan(script.indexOf(sample.body[2]!));
  });

  it('escapes hostile text in every format', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const a = await call<{ id: string }>(desk, 'article:create', { language: 'en' });
    const { headline, sapo, setText, setBodyLines } = await import('../../src-shared/article-doc');
    await desk.articles.change(a.id, (doc) => {
      setText(headline(doc), '<script>alert(1)</script> & "quotes" ]]> \u0007bell');
      setText(sapo(doc), "<img src=x onerror=alert(2)> 'x'");
      setBodyLines(doc, ['<iframe src="https://evil.example"></iframe>']);
    });
    const out = path.join(dir, 'hostile.zip');
    await exportPackage(exportServicesOf(desk, TEST_VERSION), a.id, out, {});
    const files = await readZip(out);
    const html = files.get('article.html')!.toString('utf8');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    const xml = files.get('newsml/item.xml')!.toString('utf8');
    const valid = await validateNewsml(xml);
    expect(valid.valid, valid.rawOutput).toBe(true);
    expect(xml).not.toContain('\u0007');
    const validate = await ninjsValidator();
    expect(validate(JSON.parse(files.get('ninjs/en.json')!.toString('utf8')))).toBe(true);
  });

  it('photos carry both captions and the rest in XMP, without GPS; the stored originals are untouched', async () => {
    const { files, desk, photoIds, dir } = await exportSample();
    const file = path.join(dir, 'first.jpg');
    await fs.writeFile(file, files.get('photos/Hội nghị – điểm cầu tỉnh.jpg')!);
    const all = await exif.read(file);
    expect(all.Description).toBe(sample.captions[0]!.vi);
    // The language alternative: vi, en, and x-default (read above as Description) in the article's language.
    const raw = await exif.readRaw(file, { readArgs: ['-XMP-dc:Description-vi', '-XMP-dc:Description-en'] });
    expect(raw).toMatchObject({ 'Description-vi': sample.captions[0]!.vi, 'Description-en': sample.captions[0]!.en });
    expect(all).toMatchObject({ Headline: sample.headline, Creator: ['Minh Thư'], Credit: 'Minh Thư', Rights: '© 2022 Minh Thư', PersonInImage: ['Lê Quang Đức', 'Hoàng Thị Mai'], Event: 'Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026', City: 'Phường Hà Giang 1', State: 'Tuyên Quang', Country: 'Việt Nam', Location: 'Hội trường UBND tỉnh' });
    expect(all.GPSLatitude).toBeUndefined();
    expect(all.GPSPosition).toBeUndefined();
    // Camera facts stay.
    expect(all.Model).toBe('Canon EOS R6');
    for (const id of photoIds) {
      const facts = await desk.photos.facts(id);
      expect(sha(await fs.readFile(desk.photos.originalPath(id, facts!.kind)))).toBe(id);
    }
  });

  it('keeps the GPS position when the user asked to', async () => {
    const { files, dir } = await exportSample({ stripGps: false });
    const file = path.join(dir, 'first.jpg');
    await fs.writeFile(file, files.get('photos/Hội nghị – điểm cầu tỉnh.jpg')!);
    const all = await exif.read(file);
    expect(all.GPSLatitude).toBeCloseTo(22.8233, 3);
    const article = JSON.parse(files.get('article.json')!.toString('utf8')) as { photos: Array<{ gps: unknown }> };
    expect(article.photos[0]!.gps).toMatchObject({ lat: 22.8233 });
  });
});

describe('export: cancel and failure leave nothing', () => {
  it('a cancel mid-way (service and operation) ends with exportCancelled and no file', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { article } = await sampleWithPhotos(desk, dir);
    const outDir = path.join(dir, 'out');
    await fs.mkdir(outDir);
    const controller = new AbortController();
    const service = exportPackage(exportServicesOf(desk, TEST_VERSION), article.id, path.join(outDir, 'a.zip'), { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(service).rejects.toMatchObject({ code: 'exportCancelled' });
    expect(await listDir(outDir)).toEqual([]);

    const running = desk.dispatch('export:package', { id: article.id, job: 'cancel-me' }, { client: 'test' });
    await new Promise((r) => setTimeout(r, 5));
    expect(await call(desk, 'export:cancel', { job: 'cancel-me' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'exportCancelled' } });
    expect(await listDir(path.join(desk.dataDir, 'exports'))).toEqual([]);
    expect(await call(desk, 'export:cancel', { job: 'cancel-me' })).toEqual({ cancelled: false });
  });

  it('a stored photo that is not what it claims is refused before ExifTool sees it, and no file is left', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { article, photoIds } = await sampleWithPhotos(desk, dir);
    const facts = await desk.photos.facts(photoIds[1]!);
    const stored = desk.photos.originalPath(photoIds[1]!, facts!.kind);
    await fs.chmod(stored, 0o644);
    await fs.writeFile(stored, '%PDF-1.7 not a photo');
    const failed = await desk.dispatch('export:package', { id: article.id, job: 'j' }, { client: 'test' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'photoNotImage' } });
    expect(await listDir(path.join(desk.dataDir, 'exports'))).toEqual([]);
  });

  // A full disk needs a small file system of its own: a tmpfs, which only root may mount (CI runs
  // as root). Where mounting is not allowed, this one test does not run, and says why in its name.
  it.runIf(canMountTmpfs())('a disk that fills up mid-way ends with diskFull and leaves no file (a 192 KiB tmpfs: runs where the tests may mount one)', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { article } = await sampleWithPhotos(desk, dir);
    // The desk's exports folder is the small disk.
    const small = path.join(desk.dataDir, 'exports');
    await fs.mkdir(small);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=192k', 'tmpfs', small]);
    try {
      const failed = await desk.dispatch('export:package', { id: article.id, job: 'j' }, { client: 'test' });
      expect(failed).toMatchObject({ ok: false, error: { code: 'diskFull' } });
      expect(await listDir(small)).toEqual([]);
    } finally {
      execFileSync('umount', [small]);
    }
    // The desk goes on: the same export to a disk with room works.
    const done = await desk.dispatch('export:package', { id: article.id, job: 'k' }, { client: 'test' });
    expect(done).toMatchObject({ ok: true });
    expect((await fs.stat((done as { value: { file: string } }).value.file)).size).toBeGreaterThan(192 * 1024);
  });

  it('an unknown article is refused', async () => {
    const desk = await desks.open(await temp.make());
    const r = await desk.dispatch('export:package', { id: 'no-such-article-id', job: 'j' }, { client: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('export: how photos are rewritten', () => {
  /** Every tag ExifTool reads from a file, by group, leaving out the file's own facts and who wrote the XMP. */
  async function tagsOf(file: string): Promise<Record<string, unknown>> {
    const raw = (await exif.readRaw(file, { readArgs: ['-G1', '-a', '-s'] })) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(raw).filter(([k]) => !/^(SourceFile|System:|File:|ExifTool:ExifToolVersion|XMP-x:XMPToolkit)/.test(k)));
  }

  for (const stripGps of [true, false]) {
    it(`a camera's JPEG (${stripGps ? 'GPS stripped' : 'GPS kept'}): only its header is rewritten, by no metadata tool — ExifTool reads exactly what it reads from its own rewrite of the whole file`, async () => {
      const { files, desk, photoIds, dir, article } = await exportSample({ stripGps });
      const facts = await desk.photos.facts(photoIds[0]!);
      const original = desk.photos.originalPath(photoIds[0]!, facts!.kind);
      const { readSource } = await import('../../src-main/services/export/source');
      const { photoMetadata } = await import('../../src-main/services/export/photos');
      const { exiftoolTags } = await import('../../src-main/services/export/xmp');
      const { jpegDataStart } = await import('../../src-main/services/export/jpeg-header');
      const { createTranslator } = await import('../../src-main/services/i18n');
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
      const sizes = new Map(await Promise.all(photoIds.map(async (id) => [id, (await desk.photos.facts(id))!] as const)));
      const src = await desk.articles.read(article.id, (doc) => readSource(doc, { deskVersion: TEST_VERSION, exportedAt: manifest.createdAt, readingRates: desk.settings().readingRates, stripGps, sizes }));
      // ExifTool on the whole stored file, with the same metadata.
      const whole = path.join(dir, 'whole.jpg');
      await exif.write(original, exiftoolTags(photoMetadata(src, src.photos[0]!, await createTranslator('vi'))), { writeArgs: ['-o', whole] });
      const ours = path.join(dir, 'ours.jpg');
      const exported = files.get('photos/Hội nghị – điểm cầu tỉnh.jpg')!;
      await fs.writeFile(ours, exported);
      const [mine, theirs] = await Promise.all([tagsOf(ours), tagsOf(whole)]);
      expect(mine['XMP-x:XMPToolkit']).toBeUndefined(); // left out above; ours names the desk:
      expect((await exif.readRaw(ours, { readArgs: ['-XMP-x:XMPToolkit'] })).XMPToolkit).toBe(`Bàn Tin ${TEST_VERSION}`);
      expect(mine['ExifTool:Warning']).toBeUndefined();
      expect(mine['XMP-dc:Description']).toBe(sample.captions[0]!.vi);
      expect(mine['IFD0:Model']).toBe('Canon EOS R6');
      expect(mine['GPS:GPSLatitude'] === undefined).toBe(stripGps);
      expect(mine).toEqual(theirs);
      // The image data is the original's, byte for byte.
      const stored = await fs.readFile(original);
      const cut = jpegDataStart(stored)!.data;
      expect(exported.subarray(exported.length - (stored.length - cut)).equals(stored.subarray(cut))).toBe(true);
      // And it decodes to the original's pixels.
      const sharp = (await import('sharp')).default;
      expect((await sharp(exported).raw().toBuffer()).equals(await sharp(stored).raw().toBuffer())).toBe(true);
    });
  }

  it('a JPEG with XMP of its own: ExifTool merges into it (its rating stays) and adds both captions', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { makePhoto, writeTags } = await import('../support/photos');
    const made = await makePhoto(dir, 'rated.jpg', { width: 320, height: 200, seed: 11 });
    const rated = await writeTags(made.file, { 'XMP-xmp:Rating': 5, 'XMP-dc:Subject': ['lũ quét'] } as never);
    const a = await call<{ id: string }>(desk, 'article:create', { language: 'vi' });
    await call(desk, 'photo:add', { id: a.id, name: 'rated.jpg', bytes: new Uint8Array(rated), init: { captions: { vi: 'Ảnh có đánh giá', en: 'A rated photo' } } });
    const { file: out } = await call<{ file: string }>(desk, 'export:package', { id: a.id, job: 'j' });
    const file = path.join(dir, 'out.jpg');
    await fs.writeFile(file, (await readZip(out)).get('photos/rated.jpg')!);
    const tags = await tagsOf(file);
    expect(tags).toMatchObject({ 'XMP-xmp:Rating': 5, 'XMP-dc:Subject': 'lũ quét', 'XMP-dc:Description': 'Ảnh có đánh giá' });
    expect(((await exif.readRaw(file, { readArgs: ['-XMP-dc:Description-en'] })) as Record<string, unknown>)['Description-en']).toBe('A rated photo');
  });

  it('a PNG and a WebP are rewritten whole, keep their pixels and carry both captions', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { makePhoto } = await import('../support/photos');
    const a = await call<{ id: string }>(desk, 'article:create', { language: 'en' });
    for (const format of ['png', 'webp'] as const) {
      const made = await makePhoto(dir, `p.${format}`, { width: 320, height: 200, format, seed: format === 'png' ? 7 : 9 });
      await call(desk, 'photo:add', { id: a.id, name: `p.${format}`, bytes: new Uint8Array(made.bytes), init: { captions: { vi: `Ảnh ${format}`, en: `Photo ${format}` } } });
    }
    const { file: out } = await call<{ file: string }>(desk, 'export:package', { id: a.id, job: 'j' });
    const files = await readZip(out);
    const sharp = (await import('sharp')).default;
    for (const format of ['png', 'webp'] as const) {
      const file = path.join(dir, `out.${format}`);
      await fs.writeFile(file, files.get(`photos/p.${format}`)!);
      const raw = await exif.readRaw(file, { readArgs: ['-XMP-dc:Description-vi', '-XMP-dc:Description-en', '-XMP-dc:Description'] });
      expect(raw).toMatchObject({ 'Description-vi': `Ảnh ${format}`, 'Description-en': `Photo ${format}`, Description: `Photo ${format}` });
      const before = await sharp(path.join(dir, `p.${format}`)).raw().toBuffer();
      const after = await sharp(file).raw().toBuffer();
      expect(after.equals(before)).toBe(true);
    }
  });
});
