/**
 * A damaged data folder through `openDesk`: the damaged file is set aside byte for byte, the
 * last good copy takes its place, the user gets a notice, the library is rebuilt from the
 * articles — and nothing is ever overwritten silently.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headline, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import type { AppInfo, ArticleSummary } from '../../src-shared/models';
import type { NoticeCode } from '../../src-shared/errors';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});
const { open: openDesk, close: closeDesk } = desks;

async function writeArticle(desk: Desk, title: string, lead: string, lines: string[]): Promise<string> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  const replica = replicaOf(state);
  const update = updateFrom(replica, (d) => {
    setText(headline(d), title);
    setText(sapo(d), lead);
    setBodyLines(d, lines);
  });
  await call(desk, 'article:update', { id, update });
  await call(desk, 'article:close', { id });
  return id;
}

const HEADLINES = ['Cầu treo mới ở xã vùng cao', 'Đường lên cửa khẩu thông xe', 'Ấm áp phiên chợ biên giới'];

/**
 * A desk with two articles and English settings, closed and opened once more so that
 * desk.json.bak holds that state; then a third article that the backup does not know.
 */
async function seededDesk(): Promise<{ dir: string; ids: string[] }> {
  const dir = await temp.make();
  let desk = await openDesk(dir);
  const ids = [await writeArticle(desk, HEADLINES[0]!, 'Người dân đã qua cầu.', ['Cầu dài 60 mét.']), await writeArticle(desk, HEADLINES[1]!, 'Xe đã qua lại.', ['Sau ba ngày sạt lở.', 'Đoạn hai.'])];
  await call(desk, 'settings:update', { language: 'en' });
  await closeDesk(desk);
  desk = await openDesk(dir); // refreshes desk.json.bak
  expect(desk.notices()).toEqual([]);
  ids.push(await writeArticle(desk, HEADLINES[2]!, 'Chợ họp sớm.', ['Đông vui.']));
  await closeDesk(desk);
  return { dir, ids };
}

const codes = (desk: Desk): NoticeCode[] => desk.notices().map((n) => n.code);
const headlinesOf = async (desk: Desk, trashed = false) => (await call<ArticleSummary[]>(desk, 'library:list', { trashed })).map((a) => a.headline);
const sorted = (xs: string[]) => [...xs].sort();

async function asideFiles(dir: string, base: string): Promise<string[]> {
  return (await listDir(dir)).filter((n) => n.startsWith(`${base}.corrupt-`));
}

describe('desk.json recovery', () => {
  it.each<[string, string | Buffer]>([
    ['empty', ''],
    ['garbage', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x22])],
    ['truncated JSON', '{"version":1,"settings":{"language":"en"},"index":{"'],
    ['wrong shape', JSON.stringify({ version: 1, settings: { language: 'klingon' }, index: [], outbox: {} })],
    ['another program’s JSON', JSON.stringify({ hello: 'world' })],
  ])('%s desk.json: set aside intact, settings from the backup, library rebuilt, user told', async (_name, damage) => {
    const { dir, ids } = await seededDesk();
    const backupBefore = await fs.readFile(path.join(dir, 'desk.json.bak'));
    await fs.writeFile(path.join(dir, 'desk.json'), damage);

    const desk = await openDesk(dir);
    const aside = await asideFiles(dir, 'desk.json');
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, aside[0]!))).toEqual(Buffer.from(damage));
    expect(codes(desk)).toEqual(['restoredFromBackup', 'indexRebuilt']);
    expect(desk.notices()[0]!.params).toEqual({ file: 'desk.json', aside: aside[0] });
    expect(desk.notices()[1]!.params).toEqual({ count: '3' });
    // Settings came back from the backup, and the backup itself was not overwritten by the damage.
    expect(desk.settings().language).toBe('en');
    expect(JSON.parse((await fs.readFile(path.join(dir, 'desk.json.bak'))).toString()).settings).toEqual(JSON.parse(backupBefore.toString()).settings);
    // Every article is listed, including the one the backup did not know.
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
    expect((await call<ArticleSummary[]>(desk, 'library:list', { trashed: false })).map((a) => a.id).sort()).toEqual([...ids].sort());
    // The renderer sees the same notices.
    const info = await call<AppInfo>(desk, 'app:info', {});
    expect(info.notices.map((n) => n.code)).toEqual(['restoredFromBackup', 'indexRebuilt']);
    // The repaired desk.json is valid: the next start is clean.
    await closeDesk(desk);
    const again = await openDesk(dir);
    expect(again.notices()).toEqual([]);
    expect(again.settings().language).toBe('en');
    expect(sorted(await headlinesOf(again))).toEqual(sorted(HEADLINES));
  });

  it('damaged desk.json and no backup: set aside, defaults, library rebuilt from the articles', async () => {
    const { dir } = await seededDesk();
    await fs.rm(path.join(dir, 'desk.json.bak'));
    await fs.writeFile(path.join(dir, 'desk.json'), 'not json at all');
    const desk = await openDesk(dir);
    const aside = await asideFiles(dir, 'desk.json');
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe('not json at all');
    expect(codes(desk)).toEqual(['resetNoBackup', 'indexRebuilt']);
    expect(desk.settings().language).toBe('vi');
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
  });

  it('damaged desk.json and damaged backup: both kept, defaults, library rebuilt', async () => {
    const { dir } = await seededDesk();
    await fs.writeFile(path.join(dir, 'desk.json.bak'), '{"broken": ');
    await fs.writeFile(path.join(dir, 'desk.json'), '');
    const desk = await openDesk(dir);
    expect(codes(desk)).toEqual(['resetNoBackup', 'indexRebuilt']);
    expect(await asideFiles(dir, 'desk.json')).toHaveLength(1);
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
  });

  it('deleted desk.json: settings from the backup, library rebuilt from the articles', async () => {
    const { dir } = await seededDesk();
    await fs.rm(path.join(dir, 'desk.json'));
    const desk = await openDesk(dir);
    expect(codes(desk)).toEqual(['restoredMissing', 'indexRebuilt']);
    expect(desk.settings().language).toBe('en');
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
  });

  it('deleted desk.json and backup: the library is rebuilt from the article files with their words', async () => {
    const { dir, ids } = await seededDesk();
    await fs.rm(path.join(dir, 'desk.json'));
    await fs.rm(path.join(dir, 'desk.json.bak'));
    const desk = await openDesk(dir);
    expect(codes(desk)).toEqual(['indexRebuilt']);
    const list = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(list.map((a) => a.id).sort()).toEqual([...ids].sort());
    const first = list.find((a) => a.headline === HEADLINES[0])!;
    expect(first).toMatchObject({ sapo: 'Người dân đã qua cầu.', words: 7 + 5 + 4 });
  });

  it('a fresh folder opens with no notice and writes desk.json and its backup', async () => {
    const dir = await temp.make();
    const desk = await openDesk(dir);
    expect(desk.notices()).toEqual([]);
    expect(await listDir(dir)).toEqual(['articles', 'desk.json', 'desk.json.bak', 'desk.lock', 'outbox', 'photos', 'thumbs']);
  });

  it('removes temp files a crashed write left, and keeps everything else', async () => {
    const { dir, ids } = await seededDesk();
    const deskBytes = await fs.readFile(path.join(dir, 'desk.json'));
    await fs.writeFile(path.join(dir, '.desk.json.99999.deadbeef.tmp'), '{"half":');
    await fs.writeFile(path.join(dir, 'articles', `.${ids[0]}.ydoc.99999.cafe0001.tmp`), Buffer.from([1, 2, 3]));
    const desk = await openDesk(dir);
    expect(desk.notices()).toEqual([]);
    expect((await listDir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await listDir(path.join(dir, 'articles'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await fs.readFile(path.join(dir, 'desk.json'))).toEqual(deskBytes);
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
  });
});

describe('article file recovery', () => {
  /** Opens the article once in a session so that its `.bak` (last good copy) is written. */
  async function withBackups(dir: string, ids: readonly string[]): Promise<void> {
    const desk = await openDesk(dir);
    for (const id of ids) {
      await call(desk, 'article:open', { id });
      await call(desk, 'article:close', { id });
    }
    await closeDesk(desk);
  }

  const ydoc = (dir: string, id: string) => path.join(dir, 'articles', `${id}.ydoc`);

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', (b) => Buffer.alloc(b.length, 0xff)],
  ])('%s .ydoc with a backup: set aside, restored from the backup, user told', async (_name, damage) => {
    const { dir, ids } = await seededDesk();
    const id = ids[1]!;
    await withBackups(dir, [id]);
    const good = await fs.readFile(ydoc(dir, id));
    expect(await fs.readFile(ydoc(dir, id) + '.bak')).toEqual(good);
    const bad = damage(good);
    await fs.writeFile(ydoc(dir, id), bad);

    const desk = await openDesk(dir);
    const aside = await asideFiles(path.join(dir, 'articles'), `${id}.ydoc`);
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, 'articles', aside[0]!))).toEqual(bad);
    expect(desk.notices().map((n) => [n.code, n.params])).toEqual([['articleRestoredFromBackup', { id, aside: aside[0] }]]);
    expect(await fs.readFile(ydoc(dir, id))).toEqual(good);
    const opened = await call<{ summary: ArticleSummary; state: Uint8Array }>(desk, 'article:open', { id });
    expect(headline(replicaOf(opened.state)).toString()).toBe(HEADLINES[1]);
    expect(sorted(await headlinesOf(desk))).toEqual(sorted(HEADLINES));
  });

  it('damaged .ydoc without a backup: set aside, articleUnreadable, the rest of the library fine', async () => {
    const { dir, ids } = await seededDesk();
    const [lost, ...rest] = ids as [string, ...string[]];
    await fs.rm(ydoc(dir, lost) + '.bak', { force: true });
    const bad = Buffer.from('đây không phải Yjs');
    await fs.writeFile(ydoc(dir, lost), bad);

    const desk = await openDesk(dir);
    const aside = await asideFiles(path.join(dir, 'articles'), `${lost}.ydoc`);
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, 'articles', aside[0]!))).toEqual(bad);
    expect(desk.notices().map((n) => [n.code, n.params])).toEqual([['articleUnreadable', { id: lost, aside: aside[0] }]]);
    const list = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(list.map((a) => a.id).sort()).toEqual([...rest].sort());
    const error = await desk.dispatch('article:open', { id: lost }, { client: 't' });
    expect(error).toEqual({ ok: false, error: { code: 'notFound', params: { id: lost } } });
    for (const id of rest) expect((await desk.dispatch('article:open', { id }, { client: 't' })).ok).toBe(true);
    // The next start does not raise the notice again and still keeps the damaged copy.
    await closeDesk(desk);
    const again = await openDesk(dir);
    expect(again.notices()).toEqual([]);
    expect(await asideFiles(path.join(dir, 'articles'), `${lost}.ydoc`)).toEqual(aside);
  });

  it('a valid Yjs file that belongs to another article counts as damaged', async () => {
    const { dir, ids } = await seededDesk();
    const [a, b] = ids as [string, string];
    await withBackups(dir, [a]);
    const own = await fs.readFile(ydoc(dir, a));
    await fs.copyFile(ydoc(dir, b), ydoc(dir, a));
    const desk = await openDesk(dir);
    expect(codes(desk)).toEqual(['articleRestoredFromBackup']);
    expect(await fs.readFile(ydoc(dir, a))).toEqual(own);
    const titles = await headlinesOf(desk);
    expect(sorted(titles)).toEqual(sorted(HEADLINES));
  });

  it('a damaged backup is not used, and the damaged article is kept aside', async () => {
    const { dir, ids } = await seededDesk();
    const id = ids[0]!;
    await fs.writeFile(ydoc(dir, id) + '.bak', Buffer.from([9, 9, 9]));
    await fs.writeFile(ydoc(dir, id), Buffer.from([1]));
    const desk = await openDesk(dir);
    expect(codes(desk)).toEqual(['articleUnreadable']);
    expect(await fs.readFile(ydoc(dir, id) + '.bak')).toEqual(Buffer.from([9, 9, 9]));
    expect(await asideFiles(path.join(dir, 'articles'), `${id}.ydoc`)).toHaveLength(1);
  });
});
