// Search on a real desk: articles in a temporary folder, the operation as the renderer calls it,
// the cache across restarts, and the command line as a child process on the same folder.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { headline, meta, sapo, setBodyLines, setText, workflow } from '../../src-shared/article-doc';
import { addOrganiser, addParticipant, setEventPlace, setEventText } from '../../src-shared/article-event';
import type { SearchInput, SearchResult } from '../../src-shared/contract';
import type { Status } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { SEARCH_FILE } from '../../src-main/services/search/cache';
import { ROOT } from '../support/child';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { tempDirs } from '../support/temp';
import { cliArgs } from '../support/cli';

const run = promisify(execFile);
const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

interface Story {
  readonly headline: string;
  readonly sapo?: string;
  readonly body?: readonly string[];
  readonly byline?: string;
  readonly tags?: readonly string[];
  readonly language?: 'vi' | 'en';
  readonly status?: Status;
  readonly createdAt: string;
}

const STORIES = {
  hagiang: {
    headline: 'Hà Giang: công tác dân vận ở vùng cao',
    sapo: 'Cán bộ xã bám bản, vận động đồng bào Mông giữ rừng và đưa trẻ đến trường.',
    body: ['Ở huyện Đồng Văn, mỗi tổ công tác phụ trách vài chục hộ.', 'Đường lên các thôn xa vẫn còn khó đi vào mùa mưa.'],
    byline: 'Lý Thu Hà',
    tags: ['dân vận', 'miền núi'],
    status: 'published',
    createdAt: '2024-01-13T10:53:00.000Z',
  },
  hoa: {
    headline: 'Mùa hoa tam giác mạch nở rộ',
    sapo: 'Du khách đổ về cao nguyên đá ngắm hoa.',
    body: ['Từ thành phố, đoàn khách đi hơn bốn tiếng để lên Hà Giang.', 'Các homestay kín phòng vào cuối tuần.'],
    byline: 'Nguyễn Văn Đức',
    status: 'draft',
    createdAt: '2024-03-02T01:15:00.000Z',
  },
  quy: {
    headline: 'Xuất khẩu nông sản tăng mạnh trong quí I',
    sapo: 'Kim ngạch quý đầu năm đạt mức cao nhất từ trước tới nay, nhờ giá gạo và cà phê.',
    body: ['Các doanh nghiệp kỹ thuật chế biến được đầu tư mới.'],
    byline: 'Trần Quý',
    status: 'editing',
    createdAt: '2024-04-05T03:00:00.000Z',
  },
  english: {
    headline: 'Rice exports rise in the Mekong Delta',
    sapo: 'Farmers in Đồng Tháp report a strong harvest.',
    body: ['Prices held steady through the quarter.'],
    byline: 'Đỗ Minh Đức',
    language: 'en',
    status: 'published',
    createdAt: '2024-05-01T08:00:00.000Z',
  },
} as const satisfies Record<string, Story>;

async function write(desk: Desk, story: Story): Promise<string> {
  const created = await desk.articles.create({ language: story.language ?? 'vi', byline: story.byline, createdAt: story.createdAt }, (doc: Y.Doc) => {
    setText(headline(doc), story.headline);
    setText(sapo(doc), story.sapo ?? '');
    setBodyLines(doc, story.body ?? []);
    if (story.tags) meta(doc).set('tags', [...story.tags]);
    if (story.status) workflow(doc).set('status', story.status);
  });
  return created.id;
}

async function deskWithStories(): Promise<{ desk: Desk; dir: string; ids: Record<keyof typeof STORIES, string> }> {
  const dir = await temp.make('bantin-search-');
  const desk = await desks.open(dir);
  const ids = {} as Record<keyof typeof STORIES, string>;
  for (const [name, story] of Object.entries(STORIES)) ids[name as keyof typeof STORIES] = await write(desk, story);
  return { desk, dir, ids };
}

const search = (desk: Desk, input: SearchInput) => call<SearchResult>(desk, 'library:search', input);
const idsOf = (r: SearchResult) => r.hits.map((h) => h.summary.id);

describe('library:search', () => {
  it('finds accented words from a query typed without accents, the last word as a prefix', async () => {
    const { desk, ids } = await deskWithStories();
    expect(idsOf(await search(desk, { query: 'ha giang' }))).toEqual([ids.hagiang, ids.hoa]);
    expect(idsOf(await search(desk, { query: 'dan v' }))).toEqual([ids.hagiang]);
    expect(idsOf(await search(desk, { query: 'duong len' }))).toEqual([ids.hagiang]);
    expect(idsOf(await search(desk, { query: 'dong thap' }))).toEqual([ids.english]);
    // quí/quý and kĩ/kỹ are one word; hoá/hóa fold alike.
    expect(idsOf(await search(desk, { query: 'quý I ' }))).toEqual([ids.quy]);
    expect(idsOf(await search(desk, { query: 'kĩ thuật' }))).toEqual([ids.quy]);
    // Byline and tags are searched too.
    expect(idsOf(await search(desk, { query: 'ly thu ha' }))).toEqual([ids.hagiang]);
    expect(idsOf(await search(desk, { query: 'mien nui' }))).toEqual([ids.hagiang]);
    expect((await search(desk, { query: 'khong co bai nay' })).total).toBe(0);
  });

  it('ranks a match in the headline above one in the body, and marks the matched words', async () => {
    const { desk, ids } = await deskWithStories();
    const result = await search(desk, { query: 'ha giang' });
    expect(result.total).toBe(2);
    const [first, second] = result.hits;
    expect(first!.summary.id).toBe(ids.hagiang);
    expect(first!.score).toBeGreaterThan(second!.score);
    const head = first!.highlights.find((h) => h.field === 'headline')!;
    expect(head.ranges.map(([s, e]) => head.text.slice(s, e))).toEqual(['Hà', 'Giang']);
    const body = second!.highlights.find((h) => h.field === 'body')!;
    expect(body.ranges.map(([s, e]) => body.text.slice(s, e))).toEqual(['Hà', 'Giang']);
    expect(body.text).toContain('lên Hà Giang');
  });

  it('filters by status, language and the story\'s date (its creation when it has none); an empty query lists in Vietnamese order', async () => {
    const { desk, ids } = await deskWithStories();
    expect(idsOf(await search(desk, { query: '', status: ['published'] })).sort()).toEqual([ids.hagiang, ids.english].sort());
    expect(idsOf(await search(desk, { query: '', language: 'en' }))).toEqual([ids.english]);
    expect(idsOf(await search(desk, { query: 'ha giang', status: ['draft'] }))).toEqual([ids.hoa]);
    // 2024-03-02T01:15Z is 08:15 on 2 March in Vietnam: a day filter means that day there.
    expect(idsOf(await search(desk, { query: '', from: '2024-03-02', to: '2024-03-02' }))).toEqual([ids.hoa]);
    expect(idsOf(await search(desk, { query: '', from: '2024-03-03' })).sort()).toEqual([ids.quy, ids.english].sort());
    expect(idsOf(await search(desk, { query: '', to: '2024-01-13T10:53:00.000Z' }))).toEqual([ids.hagiang]);
    const all = await search(desk, { query: '' });
    expect(all.hits.map((h) => h.summary.headline)).toEqual([
      'Hà Giang: công tác dân vận ở vùng cao',
      'Mùa hoa tam giác mạch nở rộ',
      'Rice exports rise in the Mekong Delta',
      'Xuất khẩu nông sản tăng mạnh trong quí I',
    ]);
    // A story dated apart from its creation is found by its own date, not by when the desk made it.
    const dated = await desk.articles.create({ language: 'vi', createdAt: '2024-06-01T02:00:00.000Z', storyDate: '2022-01-13T17:53:00+07:00' }, (doc: Y.Doc) => setText(headline(doc), 'Hội nghị trực tuyến năm 2022'));
    expect(idsOf(await search(desk, { query: '', from: '2022-01-13', to: '2022-01-13' }))).toEqual([dated.id]);
    expect(idsOf(await search(desk, { query: '', from: '2024-05-02' }))).toEqual([]);
    const refused = await desk.dispatch('library:search', { query: '', from: 'yesterday' }, { client: 'test' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
  });

  it('follows edits and the trash', async () => {
    const { desk, ids } = await deskWithStories();
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id: ids.hoa });
    const replica = replicaOf(state);
    await call(desk, 'article:update', { id: ids.hoa, update: updateFrom(replica, (d) => setText(headline(d), 'Lễ hội hoa tam giác mạch ở Đồng Văn')) });
    await desk.articles.flush();
    expect(idsOf(await search(desk, { query: 'le hoi' }))).toEqual([ids.hoa]);
    expect(idsOf(await search(desk, { query: 'nở rộ' }))).toEqual([]);
    await call(desk, 'article:update', { id: ids.hoa, update: updateFrom(replica, (d) => setBodyLines(d, ['Mưa đá bất ngờ ở Mèo Vạc.'])) });
    await desk.articles.flush();
    expect(idsOf(await search(desk, { query: 'meo vac' }))).toEqual([ids.hoa]);
    expect(idsOf(await search(desk, { query: 'homestay' }))).toEqual([]);

    await call(desk, 'article:trash', { id: ids.hagiang });
    expect(idsOf(await search(desk, { query: 'dan van' }))).toEqual([]);
    expect(idsOf(await search(desk, { query: 'dan van', trashed: true }))).toEqual([ids.hagiang]);
    await call(desk, 'article:restore', { id: ids.hagiang });
    expect(idsOf(await search(desk, { query: 'dan van' }))).toEqual([ids.hagiang]);
  });
});

describe('library:search: phrases and events', () => {
  it('"tuyen quang" ranks the article about Tuyên Quang above "trực tuyến … cáp quang", and finds those whose event is placed there, by current and former names', async () => {
    const dir = await temp.make('bantin-search-');
    const desk = await desks.open(dir);
    const online = await write(desk, {
      headline: 'Hội nghị trực tuyến mở rộng mạng cáp quang',
      sapo: 'Các điểm cầu trực tuyến được nối bằng cáp quang.',
      body: ['Mạng cáp quang giúp hội nghị trực tuyến thông suốt.'],
      createdAt: '2024-02-01T02:00:00.000Z',
    });
    const province = await write(desk, {
      headline: 'Tổng kết công tác dân vận năm 2023',
      body: ['Sáng 5/1, Ban Dân vận Tỉnh ủy Tuyên Quang tổ chức hội nghị tổng kết.'],
      createdAt: '2024-01-05T02:00:00.000Z',
    });
    // Nothing in its text names the province: only its event's place does (picked through a former commune).
    const placed = await write(desk, { headline: 'Đón đoàn công tác của Trung ương', body: ['Đoàn làm việc với lãnh đạo tỉnh.'], createdAt: '2024-01-06T02:00:00.000Z' });
    await desk.articles.change(placed, (doc) => {
      setEventText(doc, 'title', 'Làm việc với đoàn công tác');
      setEventPlace(doc, {
        unit: { level: 'commune', code: '02509', name: 'Phường Hà Giang 1', provinceCode: '08', provinceName: 'Tuyên Quang' },
        former: { level: 'commune', name: 'Phường Nguyễn Trãi', district: 'Thành phố Hà Giang', province: 'Tỉnh Hà Giang' },
      });
      addOrganiser(doc, 'Văn phòng Tỉnh ủy');
      addParticipant(doc, { person: 'Đỗ Thị Lựu', title: 'Phó Chủ tịch', organisation: 'UBND phường' });
    });
    // Placed at the province itself, picked by its current name: the gazetteer knows it took in Hà Giang.
    const province2 = await write(desk, { headline: 'Mùa hoa tam giác mạch', body: ['Du khách kéo về cao nguyên đá.'], createdAt: '2025-10-06T02:00:00.000Z' });
    await desk.articles.change(province2, (doc) => setEventPlace(doc, { unit: { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' }, former: null }));
    await desk.articles.flush();
    expect(idsOf(await search(desk, { query: 'ha giang' })).sort()).toEqual([placed, province2].sort());
    const result = await search(desk, { query: 'tuyen quang' });
    expect(idsOf(result).slice(0, 3).sort()).toEqual([province, placed, province2].sort());
    expect(idsOf(result).at(-1)).toBe(online);
    // The place by its current and former names, the organiser, the participant; accents and đ folded.
    expect(idsOf(await search(desk, { query: 'phuong ha giang 1' }))).toEqual([placed]);
    expect(idsOf(await search(desk, { query: 'nguyen trai' }))).toEqual([placed]);
    expect(idsOf(await search(desk, { query: 'tinh ha giang' })).sort()).toEqual([placed, province2].sort());
    expect(idsOf(await search(desk, { query: 'van phong tinh uy' }))).toEqual([placed]);
    expect(idsOf(await search(desk, { query: 'do thi luu' }))).toEqual([placed]);
    expect(idsOf(await search(desk, { query: 'Đỗ Thị Lựu' }))).toEqual([placed]);
    const hit = (await search(desk, { query: 'nguyen trai' })).hits[0]!;
    const event = hit.highlights.find((h) => h.field === 'event')!;
    expect(event.ranges.map(([s, e]) => event.text.slice(s, e))).toEqual(['Nguyễn', 'Trãi']);
  });
});

describe('the search cache', () => {
  it('is read at the next start instead of the articles, and follows files changed while the desk was closed', async () => {
    const { desk, dir, ids } = await deskWithStories();
    await desks.close(desk);
    const file = path.join(dir, SEARCH_FILE);
    const cache = JSON.parse(await fs.readFile(file, 'utf8')) as { articles: Record<string, { texts: { body: string } }> };
    expect(Object.keys(cache.articles).sort()).toEqual(Object.values(ids).sort());
    // Text that only the cache holds proves the next start searched the cache, not the article.
    cache.articles[ids.quy]!.texts.body = 'Chỉ có trong bộ nhớ đệm.';
    await fs.writeFile(file, JSON.stringify(cache));

    const again = await desks.open(dir);
    expect(idsOf(await search(again, { query: 'bo nho dem' }))).toEqual([ids.quy]);
    expect(idsOf(await search(again, { query: 'ha giang' }))).toEqual([ids.hagiang, ids.hoa]);
    // A change made while the cache was not kept (its file stamp differs) is read from the article.
    await again.articles.change(ids.quy, (d) => setBodyLines(d, ['Giá cà phê lập đỉnh.']));
    await desks.close(again);
    const stale = JSON.parse(await fs.readFile(file, 'utf8')) as typeof cache;
    stale.articles[ids.quy]!.texts.body = 'Chỉ có trong bộ nhớ đệm.';
    await fs.writeFile(file, JSON.stringify({ ...stale, articles: { ...stale.articles, [ids.quy]: { ...stale.articles[ids.quy], fileSize: 1 } } }));

    const third = await desks.open(dir);
    expect(idsOf(await search(third, { query: 'bo nho dem' }))).toEqual([]);
    expect(idsOf(await search(third, { query: 'ca phe lap dinh' }))).toEqual([ids.quy]);
  });

  it('is rebuilt from the articles when damaged, without telling the user', async () => {
    const { desk, dir, ids } = await deskWithStories();
    await desks.close(desk);
    const file = path.join(dir, SEARCH_FILE);
    await fs.writeFile(file, '{"format":1,"articles":{"x":');
    const again = await desks.open(dir);
    expect(again.notices()).toEqual([]);
    expect(idsOf(await search(again, { query: 'dan van' }))).toEqual([ids.hagiang]);
    await desks.close(again);
    const rebuilt = JSON.parse(await fs.readFile(file, 'utf8')) as { articles: Record<string, unknown> };
    expect(Object.keys(rebuilt.articles).sort()).toEqual(Object.values(ids).sort());
  });
});

describe('cli search', () => {
  it('gives the same articles, in the same order, as the library', async () => {
    const { desk, dir } = await deskWithStories();
    const expected = idsOf(await search(desk, { query: 'ha giang' }));
    await desks.close(desk);
    const cli = (...args: string[]) => run(process.execPath, [...cliArgs(), '--data', dir, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'vi_VN.UTF-8' } });

    // Commands that do not search leave the index alone: no cache is built for them.
    await fs.rm(path.join(dir, SEARCH_FILE));
    await cli('list');
    await expect(fs.access(path.join(dir, SEARCH_FILE))).rejects.toThrow();

    const json = JSON.parse((await cli('search', 'ha giang', '--json')).stdout) as SearchResult;
    await fs.access(path.join(dir, SEARCH_FILE));
    expect(idsOf(json)).toEqual(expected);
    const plain = (await cli('search', 'ha', 'giang')).stdout.trim().split('\n');
    expect(plain.map((l) => l.split(/\s+/)[0])).toEqual(expected);
    expect(plain[0]).toMatch(/\s+published\s+17:53, 13\/01\/2024\s+\[Hà\] \[Giang\]: công tác dân vận ở vùng cao$/);
    expect((await cli('search', 'khong co')).stdout.trim()).toBe('Không có bài nào khớp.');
  });
});
