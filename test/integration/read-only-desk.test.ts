/**
 * A data folder that cannot be written, made so for real: a read-only bind mount of a desk
 * folder, and a small tmpfs filled up. Tests run as root, which file permissions do not stop,
 * so only a read-only or full file system refuses writing; mounting needs root (CI runs as root;
 * elsewhere these tests do not run, and say why in their names).
 *
 * Every command, and web mode, opens such a desk read-only with a notice in the user's
 * language; what would write is refused with a clear message; a command that fails on a full
 * disk creates nothing (no article listed afterwards, none duplicated by a retry).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { startWebDesk } from '../e2e/support/web-desk';
import { openDesk } from '../../src-main/services/desk';
import { importArticle } from '../../src-main/services/import';
import { cli } from '../support/cli';
import { TEST_VERSION } from '../support/desk';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
let mounts: string[] = [];
afterEach(async () => {
  for (const m of mounts.reverse()) execFileSync('umount', [m]);
  mounts = [];
  await temp.cleanup();
});

/** Whether this process may mount (tried once on a scratch folder). */
function canMount(): boolean {
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
const MOUNTS = canMount();
const WHERE = ' (runs where the tests may mount: as root on Linux)';

function mount(...args: string[]): void {
  execFileSync('mount', args);
  mounts.push(args.at(-1)!);
}

const STORY = ['Xã vùng cao đón điện lưới quốc gia', '', 'Sáng 2/3, hơn 200 hộ đồng bào ở thôn Lũng Pù được dùng điện lưới quốc gia.', '', 'Công trình có tổng vốn đầu tư 12 tỷ đồng.', '', 'Người dân phấn khởi đón dòng điện đầu tiên.'].join('\n');

/** A desk folder at `dataDir` with one article imported as the command line imports it; returns the story file and the article's id. */
async function deskWithOneArticle(dir: string, dataDir: string): Promise<{ story: string; id: string }> {
  const story = path.join(dir, 'tin.txt');
  await fs.writeFile(story, STORY);
  const desk = await openDesk({ dataDir, mode: 'cli', version: TEST_VERSION });
  try {
    const made = await importArticle(desk.articles, { name: 'tin.txt', bytes: new TextEncoder().encode(STORY), language: 'vi' });
    return { story, id: made.id };
  } finally {
    await desk.close();
  }
}

/** The ids the desk at `dataDir` lists, read in this process (the folder must be free). */
async function listedIds(dataDir: string): Promise<string[]> {
  const desk = await openDesk({ dataDir, mode: 'cli', version: TEST_VERSION });
  try {
    return desk.articles.list(false).map((a) => a.id).sort();
  } finally {
    await desk.close();
  }
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
const noTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |Error:|EROFS|ENOSPC/m);
const vi = resources.vi;

describe('a read-only data folder', () => {
  it.runIf(MOUNTS)(`list and show answer, with a notice; import is refused with a clear message and nothing is written${WHERE}`, { timeout: 120_000 }, async () => {
    const dir = await temp.make();
    const source = path.join(dir, 'desk');
    const { story, id } = await deskWithOneArticle(dir, source);
    const ro = path.join(dir, 'ro');
    await fs.mkdir(ro);
    mount('--bind', source, ro);
    execFileSync('mount', ['-o', 'remount,ro,bind', ro]);
    const before = (await fs.readdir(source, { recursive: true })).sort();
    const notice = fill(vi.notices.openedReadOnly, { dir: ro });

    const listed = await cli(['--data', ro, 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual([id]);
    expect(listed.stderr.trim()).toBe(notice);

    const shown = await cli(['--data', ro, 'show', id, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect((JSON.parse(shown.stdout) as { headline: string }).headline).toBe('Xã vùng cao đón điện lưới quốc gia');

    const refused = await cli(['--data', ro, 'import', story]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([notice, fill(vi.errors.deskReadOnly, { dir: ro })]);
    noTrace(refused.stderr);

    // In English when the user's language is.
    const en = await cli(['--data', ro, 'list'], 'en_US.UTF-8');
    expect(en.code).toBe(0);
    expect(en.stderr.trim()).toBe(fill(resources.en.notices.openedReadOnly, { dir: ro }));
    expect((await fs.readdir(source, { recursive: true })).sort()).toEqual(before);
  });

  it.runIf(MOUNTS)(`web mode opens it read-only: reading works, a change is refused with a code, SIGTERM stops it${WHERE}`, { timeout: 120_000 }, async () => {
    const dir = await temp.make();
    const source = path.join(dir, 'desk');
    const { id } = await deskWithOneArticle(dir, source);
    const ro = path.join(dir, 'ro');
    await fs.mkdir(ro);
    mount('--bind', source, ro);
    execFileSync('mount', ['-o', 'remount,ro,bind', ro]);
    const web = await startWebDesk(ro);
    try {
      const first = await fetch(web.url, { redirect: 'manual' });
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      const post = async (op: string, body: unknown) => {
        const res = await fetch(`${web.origin}/api/call/${op}`, { method: 'POST', headers: { cookie, origin: web.origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
      };
      const listed = await post('library:list', { trashed: false });
      expect((listed.value as Array<{ id: string }>).map((r) => r.id)).toEqual([id]);
      expect(await post('article:open', { id })).toMatchObject({ ok: true });
      const info = (await post('app:info', {})) as { value: { notices: Array<{ code: string }> } };
      expect(info.value.notices.map((n) => n.code)).toContain('openedReadOnly');
      expect(await post('article:create', { language: 'vi' })).toMatchObject({ ok: false, error: { code: 'deskReadOnly' } });
      expect(web.output()).toContain(fill(vi.notices.openedReadOnly, { dir: ro }));
    } finally {
      await web.stop(); // throws unless SIGTERM stops it cleanly
    }
  });
});

describe('a full disk', () => {
  /** A desk with one article on a small tmpfs, then filled up to `free` pages of 4 KiB. */
  async function fullDesk(free: (dataDir: string) => Promise<number>) {
    const dir = await temp.make();
    const disk = path.join(dir, 'disk');
    await fs.mkdir(disk);
    mount('-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk);
    const dataDir = path.join(disk, 'desk');
    const { story, id } = await deskWithOneArticle(dir, dataDir);
    const filler = path.join(disk, 'filler');
    // Written until the disk refuses, then given back what should stay free.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096'], { stdio: 'ignore' });
    } catch {
      // dd ends with an error when the disk is full: that is the point
    }
    const pages = await free(dataDir);
    await fs.truncate(filler, (await fs.stat(filler)).size - pages * 4096);
    return { story, id, dataDir, filler };
  }

  it.runIf(MOUNTS)(`list --json answers read-only and import is refused with a clear message, creating nothing${WHERE}`, { timeout: 120_000 }, async () => {
    const { story, id, dataDir, filler } = await fullDesk(async () => 0);
    const listed = await cli(['--data', dataDir, 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual([id]);
    expect(listed.stderr.trim()).toBe(fill(vi.notices.openedReadOnlyDiskFull, { dir: dataDir }));
    const refused = await cli(['--data', dataDir, 'import', story]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(fill(vi.errors.deskReadOnly, { dir: dataDir }));
    noTrace(refused.stderr);
    await fs.rm(filler);
    expect(await listedIds(dataDir)).toEqual([id]);
  });

  it.runIf(MOUNTS)(`an import the disk fills up under (the article written, the library not) leaves no article, and a retry makes one${WHERE}`, { timeout: 120_000 }, async () => {
    // Room for the lock and one more article's file, not for the library written after it.
    const { story, id, dataDir, filler } = await fullDesk(async (dataDir) => {
      const [file] = await fs.readdir(path.join(dataDir, 'articles'));
      return 1 + Math.ceil((await fs.stat(path.join(dataDir, 'articles', file!))).size / 4096);
    });
    const failed = await cli(['--data', dataDir, 'import', story]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe(vi.cli.diskFull);
    expect(await fs.readdir(path.join(dataDir, 'articles'))).toEqual([`${id}.ydoc`]);
    await fs.rm(filler);
    const retried = await cli(['--data', dataDir, 'import', story]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(await listedIds(dataDir)).toEqual([id, retried.stdout.trim()].sort());
  });
});
