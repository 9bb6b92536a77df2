// The command line as a script would use it: a real child process on a real desk folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/services/desk';
import { cli } from '../support/cli';




let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const STORY = [
  'Xã vùng cao đón điện lưới quốc gia',
  '',
  '08:15, 02/03/2024',
  '',
  'Sáng 2/3, hơn 200 hộ đồng bào Mông ở thôn Lũng Pù chính thức được dùng điện lưới quốc gia.',
  '',
  'Công trình có tổng vốn đầu tư 12 tỷ đồng.',
  '',
  'Người dân phấn khởi đón dòng điện đầu tiên.',
].join('\n');

describe('cli import, list, show', () => {
  it('imports a text file and shows every field', async () => {
    const file = path.join(dir, 'bài.txt');
    // NFD on disk: the desk must store NFC.
    await fs.writeFile(file, STORY.normalize('NFD'));
    const before = Date.now();
    const imported = await cli(['--data', dir, 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^c-[0-9a-f]{40}$/);

    const shown = await cli(['--data', dir, 'show', id, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const article = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(article.headline).toBe('Xã vùng cao đón điện lưới quốc gia');
    expect((article.headline as string).normalize('NFC')).toBe(article.headline);
    expect(article.sapo).toBe('Sáng 2/3, hơn 200 hộ đồng bào Mông ở thôn Lũng Pù chính thức được dùng điện lưới quốc gia.');
    expect(article.body).toBe('Công trình có tổng vốn đầu tư 12 tỷ đồng.\n\nNgười dân phấn khởi đón dòng điện đầu tiên.');
    expect(article.bodyHtml).toBe('<p>Công trình có tổng vốn đầu tư 12 tỷ đồng.</p>\n<p>Người dân phấn khởi đón dòng điện đầu tiên.</p>');
    // The date line dates the story (in Vietnam's time); the desk's creation is now.
    expect(article.storyDate).toBe('2024-03-02T08:15:00+07:00');
    expect(Date.parse(article.createdAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(article).toMatchObject({ id, language: 'vi', status: 'draft', trashedAt: null });
    expect(article.words).toBeGreaterThan(30);

    const listed = await cli(['--data', dir, 'list', '--json']);
    const rows = JSON.parse(listed.stdout) as Array<{ id: string; headline: string }>;
    expect(rows.map((r) => r.id)).toEqual([id]);
    const text = await cli(['--data', dir, 'list']);
    expect(text.stdout).toContain('Xã vùng cao đón điện lưới quốc gia');
    expect(text.stdout).toMatch(new RegExp(`^${id}\\s+draft\\s+\\d\\d:\\d\\d, \\d\\d/\\d\\d/\\d{4}\\s+Xã vùng cao`, 'm'));
  });

  it('speaks the language of LANG and exits non-zero on bad input', async () => {
    const missing = path.join(dir, 'không-có.txt');
    const vi = await cli(['--data', dir, 'import', missing]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('Không đọc được tệp không-có.txt');
    const en = await cli(['--data', dir, 'import', missing], 'en_US.UTF-8');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('Could not read the file không-có.txt');

    const notFound = await cli(['--data', dir, 'show', 'khong-ton-tai', '--json'], 'en_US.UTF-8');
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain('was not found');

    const pdf = path.join(dir, 'story.pdf');
    await fs.writeFile(pdf, '%PDF-1.7');
    const unsupported = await cli(['--data', dir, 'import', pdf]);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain('Không hỗ trợ tệp story.pdf');

    const docx = path.join(dir, 'story.docx');
    await fs.writeFile(docx, 'PK');
    const notZip = await cli(['--data', dir, 'import', docx], 'en_US.UTF-8');
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('The file story.docx is not a valid Word (.docx) file.');

    const binary = path.join(dir, 'cu.txt');
    await fs.writeFile(binary, Buffer.from([0x54, 0x00, 0x69, 0x0a]));
    const bad = await cli(['--data', dir, 'import', binary], 'en_US.UTF-8');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a valid text (.txt) file');

    const usage = await cli(['--data', dir, 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Lệnh không tồn tại: frobnicate');
    expect((await cli(['--data', dir, 'show'])).code).toBe(2);
    expect((await cli(['--data', dir, '--bogus', 'list'])).code).toBe(2);

    const listed = await cli(['--data', dir, 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('refuses a folder that a running desk holds', async () => {
    const desk = await openDesk({ dataDir: dir, mode: 'web', version: 'test' });
    try {
      const res = await cli(['--data', dir, 'list'], 'en_US.UTF-8');
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('is in use by another Bàn Tin');
    } finally {
      await desk.close();
    }
    expect((await cli(['--data', dir, 'list'])).code).toBe(0);
  });
});
