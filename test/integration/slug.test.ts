/**
 * The slug in every path an article takes into the desk: made from the headline on create (as
 * it is typed), import and the sample, until a person edits it; and what an export writes.
 * (Restore: test/unit/shared/article-restore.test.ts.)
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sample from '../../assets/sample/article.vi.json';
import { headline, readArticle, setText, writeMeta } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import { newSession } from '../../src-shared/register';
import { slugify } from '../../src-shared/text/slug';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { tempDirs } from '../support/temp';
import { readZip } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

async function open(desk: Desk, id: string) {
  return replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id })).state);
}

async function slugOnDisk(desk: Desk, id: string): Promise<string> {
  return desk.articles.read(id, (doc) => readArticle(doc).slug);
}

describe('the slug', () => {
  it('follows the headline on create, import and the sample until a person edits it; exports carry it', async () => {
    const desk = await desks.open(path.join(await temp.make(), 'desk'));

    const created = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const replica = await open(desk, created.id);
    await call(desk, 'article:update', { id: created.id, update: updateFrom(replica, (d) => setText(headline(d), 'Đường lên Đồng Văn thông xe')) });
    expect(await slugOnDisk(desk, created.id)).toBe('duong-len-dong-van-thong-xe');

    const imported = await call<ArticleSummary>(desk, 'article:import', { name: 'tin.txt', bytes: new TextEncoder().encode('Mưa lớn ở Hà Giang\n\nSa-pô.\n\nThân bài.'), language: 'vi' });
    expect(await slugOnDisk(desk, imported.id)).toBe('mua-lon-o-ha-giang');

    const loaded = await call<ArticleSummary>(desk, 'library:loadSample', {});
    expect(await slugOnDisk(desk, loaded.id)).toBe(slugify(sample.headline));
    expect(slugify(sample.headline)).not.toBe('');

    // Edited, it stays when the headline changes.
    await call(desk, 'article:update', { id: created.id, update: updateFrom(replica, (d) => writeMeta(d, 'slug', 'dong-van-thong-xe', newSession('Minh Thư'))) });
    await call(desk, 'article:update', { id: created.id, update: updateFrom(replica, (d) => setText(headline(d), 'Quốc lộ 4C thông xe')) });
    expect(await slugOnDisk(desk, created.id)).toBe('dong-van-thong-xe');

    const { file } = await call<{ file: string }>(desk, 'export:package', { id: imported.id, job: 'slug-export' });
    const ninjs = JSON.parse((await readZip(file)).get('ninjs/vi.json')!.toString('utf8')) as { slugline?: string };
    expect(ninjs.slugline).toBe('mua-lon-o-ha-giang');
  });
});
