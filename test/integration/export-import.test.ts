/**
 * Opening a package: the round trip gives back the same article field by field (text, body with
 * its placed photo, meta, photos with captions and everything written for them, event), and
 * hostile or damaged packages — zip-slip, absolute paths, symbolic links, too many entries or
 * bytes, wrong checksums, files not in the manifest — are refused with a clear code and
 * nothing written to the desk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bodyHtml, bodyLines, readArticle, slugOf } from '../../src-shared/article-doc';
import { readEvent } from '../../src-shared/article-event';
import { readPhotos } from '../../src-shared/article-photos';
import type { ArticleSummary } from '../../src-shared/models';
import type { Manifest } from '../../src-shared/package-format';
import type { Desk } from '../../src-main/services/desk';
import { importPackage } from '../../src-main/services/export/import';
import { call, testDesks } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';
import { readZip, sampleWithPhotos, writeZip, writeZipWithRawNames } from './export-support';
import { createHash } from 'node:crypto';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A desk with the sample article and its photos, exported (into the desk's exports folder). */
async function exported() {
  const dir = await temp.make();
  const desk = await desks.open(path.join(dir, 'a'));
  const { article, photoIds } = await sampleWithPhotos(desk, dir);
  const { file } = await call<{ file: string }>(desk, 'export:package', { id: article.id, job: 'j' });
  return { dir, desk, article, photoIds, file };
}

/** What a page sends to import a package: its name and bytes. */
async function sent(file: string) {
  return { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
}

function snapshot(doc: Y.Doc) {
  const view = readArticle(doc);
  const event = readEvent(doc);
  return {
    language: view.language,
    headline: view.headline,
    sapo: view.sapo,
    body: bodyLines(doc),
    byline: view.byline,
    section: view.section,
    tags: view.tags,
    createdAt: view.createdAt,
    slug: slugOf(doc),
    photos: readPhotos(doc).map(({ id: _id, size: _size, ...rest }) => rest),
    event: { ...event, organisers: event.organisers.map((o) => o.name), participants: event.participants.map(({ id: _id, ...p }) => p) },
  };
}

/** The desk has no article and no stored photo. */
async function expectUntouched(desk: Desk, dataDir: string) {
  expect(desk.articles.list(false)).toEqual([]);
  expect(await listDir(path.join(dataDir, 'articles'))).toEqual([]);
  expect(await listDir(path.join(dataDir, 'photos'))).toEqual([]);
  expect(await listDir(path.join(dataDir, 'thumbs'))).toEqual([]);
}

async function refusal(desk: Desk, file: string) {
  const result = await desk.dispatch('export:importPackage', await sent(file), { client: 'test' });
  if (result.ok) throw new Error('expected the package to be refused');
  return result.error;
}

describe('export:importPackage', () => {
  it('gives back the same article, field by field, on another desk', async () => {
    const { dir, desk, article, file } = await exported();
    const other = await desks.open(path.join(dir, 'b'));
    const imported = await call<ArticleSummary>(other, 'export:importPackage', await sent(file));
    expect(imported.id).not.toBe(article.id);
    expect(imported).toMatchObject({ headline: article.headline, sapo: article.sapo, language: 'vi', byline: 'Minh Thư', section: 'Thời sự', createdAt: article.createdAt, words: article.words });

    const before = await desk.articles.read(article.id, (doc) => ({ snap: snapshot(doc), html: bodyHtml(doc), photos: readPhotos(doc) }));
    const after = await other.articles.read(imported.id, (doc) => ({ snap: snapshot(doc), html: bodyHtml(doc), photos: readPhotos(doc) }));
    // GPS was stripped on export (the default): the only field that differs, on purpose.
    const expected = { ...before.snap, photos: before.snap.photos.map((p) => ({ ...p, gps: null })) };
    expect(after.snap).toEqual(expected);
    expect(before.snap.photos[0]!.gps).not.toBeNull();
    expect(after.snap.photos[0]).toMatchObject({ captions: { vi: 'Các đại biểu dự hội nghị tại điểm cầu tỉnh', en: 'Delegates at the provincial connection point of the conference' }, persons: ['Lê Quang Đức', 'Hoàng Thị Mai'], place: 'Hội trường UBND tỉnh', featured: true, credit: 'Minh Thư', creator: 'Minh Thư', camera: 'Canon EOS R6', takenAt: '2022-01-13T08:30:15+07:00' });
    expect(after.snap.event.place?.unit.name).toBe('Phường Hà Giang 1');
    expect(after.snap.event.participants).toHaveLength(2);

    // The photos are stored on the new desk (as the package's files, with their metadata), and
    // the body's placed photo names the new id.
    for (const p of after.photos) {
      const facts = await other.photos.facts(p.id!);
      expect(facts).not.toBeNull();
      const bytes = await fs.readFile(other.photos.originalPath(p.id!, facts!.kind));
      expect(sha(bytes)).toBe(p.id);
    }
    const placedBefore = before.photos[1]!.id!;
    const placedAfter = after.photos[1]!.id!;
    expect(after.html).toBe(before.html.replace(placedBefore, placedAfter));
    expect(after.html).toContain(`<figure data-photo="${placedAfter}">`);

    // Opening the same package twice makes two articles; the photos are stored once.
    const again = await call<ArticleSummary>(other, 'export:importPackage', await sent(file));
    expect(again.id).not.toBe(imported.id);
    expect((await listDir(path.join(dir, 'b', 'photos'))).length).toBe(2);
  });

  it('the command line: export <id> --out <file.zip> and import-package <file.zip>', async () => {
    const { runCli } = await import('../../src-main/cli/main');
    const { dir, desk, article } = await exported();
    await desks.close(desk);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const zip = path.join(dir, 'cli.zip');
    expect(await runCli(['--data', path.join(dir, 'a'), 'export', article.id, '--out', zip], { LANG: 'vi_VN.UTF-8' }, io)).toBe(0);
    expect(out.join('\n')).toContain(zip);
    expect((await readZip(zip)).has('manifest.json')).toBe(true);
    out.length = 0;
    expect(await runCli(['--data', path.join(dir, 'c'), 'import-package', zip, '--json'], { LANG: 'en_US.UTF-8' }, io)).toBe(0);
    const created = JSON.parse(out.join('\n')) as ArticleSummary;
    expect(created.headline).toBe(article.headline);
    // A refused package: the same message as the desk's, in the user's language, exit 1.
    const bad = path.join(dir, 'bad.zip');
    await writeZipWithRawNames(bad, [{ name: '../evil.txt', bytes: Buffer.from('x') }]);
    err.length = 0;
    expect(await runCli(['--data', path.join(dir, 'c'), 'import-package', bad], { LANG: 'en_US.UTF-8' }, io)).toBe(1);
    expect(err.join('\n')).toContain('The package bad.zip holds an unsafe entry “../evil.txt” (points outside the package folder). Nothing was added to the desk.');
    expect(await runCli(['--data', path.join(dir, 'c'), 'export'], { LANG: 'en_US.UTF-8' }, io)).toBe(2);
  });
});

describe('export:importPackage refuses, writing nothing', () => {
  async function target() {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    return { dir, dataDir, desk: await desks.open(dataDir) };
  }

  it('entries that climb out of the folder (zip-slip), absolute paths and backslashes', async () => {
    const { dir, dataDir, desk } = await target();
    const cases: Array<[string, string]> = [
      ['../evil.txt', 'traversal'],
      ['photos/../../evil.jpg', 'traversal'],
      ['/etc/cron.d/evil', 'absolute'],
      ['C:/Windows/evil.dll', 'absolute'],
      ['photos\\..\\..\\evil.jpg', 'badName'],
      ['photos/a\u0001b.jpg', 'badName'],
    ];
    for (const [name, reason] of cases) {
      const file = path.join(dir, 'slip.zip');
      await writeZipWithRawNames(file, [{ name: 'manifest.json', bytes: Buffer.from('{}') }, { name, bytes: Buffer.from('owned') }]);
      const error = await refusal(desk, file);
      expect(error, name).toMatchObject({ code: 'packageUnsafeEntry', params: { reason, file: 'slip.zip' } });
    }
    expect(await listDir(path.dirname(dir))).not.toContain('evil.txt');
    await expectUntouched(desk, dataDir);
  });

  it('a symbolic link, even inside the folder', async () => {
    const { dir, dataDir, desk } = await target();
    const file = path.join(dir, 'link.zip');
    await writeZip(file, [
      { name: 'manifest.json', bytes: Buffer.from('{}') },
      { name: 'photos/a.jpg', bytes: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    expect(await refusal(desk, file)).toMatchObject({ code: 'packageUnsafeEntry', params: { entry: 'photos/a.jpg', reason: 'symlink' } });
    await expectUntouched(desk, dataDir);
  });

  it('more entries than the limit, and more bytes than the limit', async () => {
    const { dir, dataDir, desk } = await target();
    const many = path.join(dir, 'many.zip');
    await writeZip(many, Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from('x') })));
    expect(await refusal(desk, many)).toMatchObject({ code: 'packageTooLarge', params: { what: 'entries', max: 1000 } });
    // A real package, against a tighter limit of bytes (the default is 4 GiB).
    const source = await desks.open(path.join(dir, 'source'));
    const { article } = await sampleWithPhotos(source, dir);
    const { file: pkg } = await call<{ file: string }>(source, 'export:package', { id: article.id, job: 'j' });
    await expect(importPackage(desk, { file: pkg }, { limits: { maxTotalBytes: 50_000 } })).rejects.toMatchObject({ code: 'packageTooLarge', params: { what: 'bytes' } });
    await expectUntouched(desk, dataDir);
  });

  it('a file whose bytes or size do not match the manifest, a file not in it, one missing from the package', async () => {
    const { dir, dataDir, desk } = await target();
    const source = await desks.open(path.join(dir, 'source'));
    const { article } = await sampleWithPhotos(source, dir);
    const { file: pkg } = await call<{ file: string }>(source, 'export:package', { id: article.id, job: 'j' });
    const files = await readZip(pkg);
    const entries = () => [...files].map(([name, bytes]) => ({ name, bytes: Buffer.from(bytes) }));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    const photo = manifest.files.find((f) => f.path.startsWith('photos/'))!;

    // A photo altered after export (same size): its checksum no longer matches.
    const altered = entries().map((e) => (e.name === photo.path ? { ...e, bytes: Buffer.from(e.bytes.map((b, i) => (i === e.bytes.length - 10 ? b ^ 0xff : b))) } : e));
    await writeZip(path.join(dir, 'altered.zip'), altered);
    expect(await refusal(desk, path.join(dir, 'altered.zip'))).toMatchObject({ code: 'packageChecksum', params: { entry: photo.path } });

    // article.json changed, same size: its checksum fails too (the manifest is the package's word on every file).
    const edited = entries().map((e) => (e.name === 'article.json' ? { ...e, bytes: Buffer.from(e.bytes.toString('utf8').replace('"2022-01-13T08:30:15+07:00"', '"2023-01-13T08:30:15+07:00"')) } : e));
    expect(edited.find((e) => e.name === 'article.json')!.bytes.equals(files.get('article.json')!)).toBe(false);
    await writeZip(path.join(dir, 'edited.zip'), edited);
    expect(await refusal(desk, path.join(dir, 'edited.zip'))).toMatchObject({ code: 'packageChecksum', params: { entry: 'article.json' } });

    // An extra file the manifest does not list.
    await writeZip(path.join(dir, 'extra.zip'), [...entries(), { name: 'photos/extra.jpg', bytes: Buffer.from('x') }]);
    expect(await refusal(desk, path.join(dir, 'extra.zip'))).toMatchObject({ code: 'packageUnsafeEntry', params: { entry: 'photos/extra.jpg', reason: 'unexpected' } });

    // A listed file missing.
    await writeZip(path.join(dir, 'missing.zip'), entries().filter((e) => e.name !== photo.path));
    expect(await refusal(desk, path.join(dir, 'missing.zip'))).toMatchObject({ code: 'packageUnsafeEntry', params: { entry: photo.path, reason: 'missing' } });

    // Not a ZIP at all; a ZIP without a manifest; a manifest from a newer format.
    await fs.writeFile(path.join(dir, 'not.zip'), 'PK but not really');
    expect(await refusal(desk, path.join(dir, 'not.zip'))).toMatchObject({ code: 'packageInvalid', params: { detail: 'notZip' } });
    await writeZip(path.join(dir, 'bare.zip'), [{ name: 'article.txt', bytes: Buffer.from('x') }]);
    expect(await refusal(desk, path.join(dir, 'bare.zip'))).toMatchObject({ code: 'packageInvalid', params: { detail: 'noManifest' } });
    const newer = entries().map((e) => (e.name === 'manifest.json' ? { ...e, bytes: Buffer.from(JSON.stringify({ ...manifest, formatVersion: '2.0' })) } : e));
    await writeZip(path.join(dir, 'newer.zip'), newer);
    expect(await refusal(desk, path.join(dir, 'newer.zip'))).toMatchObject({ code: 'packageVersion', params: { version: '2.0' } });

    await expectUntouched(desk, dataDir);
    // And the untouched package still opens.
    await call(desk, 'export:importPackage', await sent(pkg));
    expect(desk.articles.list(false)).toHaveLength(1);
  });
});
