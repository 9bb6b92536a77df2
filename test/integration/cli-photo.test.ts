// `photo add` as a script would use it: a real child process on a real desk folder, the same checks and messages as the desk.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPhotos } from '../../src-shared/article-photos';
import { call, replicaOf, testDesks } from '../support/desk';
import { CAMERA_TAGS, makePhoto, writeTags } from '../support/photos';
import { cli } from '../support/cli';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});


async function newArticle(dataDir: string): Promise<string> {
  const desk = await desks.open(dataDir);
  const { id } = await call<{ id: string }>(desk, 'article:create', { language: 'vi' });
  await desks.close(desk);
  return id;
}

describe('cli photo add', () => {
  it('adds a photo with captions in both languages, credit and creator, and prints what the photo said', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    const id = await newArticle(dataDir);
    const made = await makePhoto(dir, 'DSC_0042.JPG', { seed: 11 });
    const bytes = await writeTags(made.file, CAMERA_TAGS);
    const res = await cli(['--data', dataDir, 'photo', 'add', id, made.file, '--caption-vi', 'Đại biểu dự hội nghị'.normalize('NFD'), '--caption-en', 'Delegates at the conference', '--credit', 'Đài PT-TH', '--creator', 'Minh Thư']);
    expect(res.code, res.stderr).toBe(0);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(res.stdout).toContain(`Đã thêm ảnh DSC_0042.JPG (${sha.slice(0, 12)}…) vào bài ${id}, vị trí 1.`);
    expect(res.stdout).toContain('08:30, 13/01/2022');
    expect(res.stdout).toContain('Canon EOS R6');
    expect(res.stdout).toContain('GPS 22.82330, 104.98360');

    const again = await cli(['--data', dataDir, 'photo', 'add', id, made.file], 'en_GB.UTF-8');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already in article');

    const desk = await desks.open(dataDir);
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
    const [entry, ...others] = readPhotos(replicaOf(state));
    expect(others).toEqual([]);
    // NFC on the way in, as everywhere.
    expect(entry).toMatchObject({ id: sha, captions: { vi: 'Đại biểu dự hội nghị', en: 'Delegates at the conference' }, credit: 'Đài PT-TH', creator: 'Minh Thư', featured: true });
  });

  it('refuses a document named .jpg and a file over the limit with the desk’s messages, in the language of LANG, adding nothing', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    const id = await newArticle(dataDir);
    const fake = path.join(dir, 'bien-ban.jpg');
    await fs.writeFile(fake, '%PDF-1.7\n%%EOF\n');
    const vi = await cli(['--data', dataDir, 'photo', 'add', id, fake]);
    expect(vi.code).not.toBe(0);
    expect(vi.stderr).toContain('bien-ban.jpg không phải ảnh JPEG, PNG hay WebP. Chưa thêm gì vào bài.');
    const huge = path.join(dir, 'huge.jpg');
    const handle = await fs.open(huge, 'w');
    await handle.truncate(100 * 1024 * 1024); // sparse: no 100 MB written
    await handle.close();
    const en = await cli(['--data', dataDir, 'photo', 'add', id, huge], 'en_GB.UTF-8');
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain('The photo huge.jpg is too large (100 MB; at most 64 MB). Nothing was added.');
    expect(await fs.readdir(path.join(dataDir, 'photos'))).toEqual([]);

    const usage = await cli(['--data', dataDir, 'photo', 'add', id]);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('photo add');
  });
});
