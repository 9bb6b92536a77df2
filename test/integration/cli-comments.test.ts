// `comments <id>`: the article's threads with the words they are on now, as a script reads them.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sapo, setText } from '../../src-shared/article-doc';
import { newPhotoEntry } from '../../src-shared/article-photos';
import { photos } from '../../src-shared/article-doc';
import { addComment, anchorAt, captionAnchorAt, reply, resolveComment, type CommentThread } from '../../src-shared/comments';
import type { PhotoFacts } from '../../src-shared/photos';
import type { ArticleSummary } from '../../src-shared/models';
import { runCli } from '../../src-main/cli/main';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';

const desks = testDesks();
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-cli-comments-'));
});
afterEach(async () => {
  await desks.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The command line's entry, run here as `npm run cli` runs it, its output kept. */
async function cli(args: string[], lang = 'vi_VN.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { LANG: lang }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const LEAD = 'Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước.';

describe('cli comments', () => {
  it('lists each thread with its words now, its replies and whether it is resolved', async () => {
    const desk = await desks.open(dir);
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
    const doc = replicaOf(state);
    let first = '';
    await call(desk, 'article:update', {
      id,
      update: updateFrom(doc, (d) => {
        setText(sapo(d), LEAD);
        const at = LEAD.indexOf('63 điểm cầu');
        first = addComment(d, anchorAt(d, 'sapo', at, at + 11)!, { author: 'bientap', text: 'Kiểm tra lại số điểm cầu', at: '2022-01-13T10:53:00.000Z' });
        reply(d, first, { author: 'phongvien', text: 'Đã kiểm tra', at: '2022-01-13T11:00:00.000Z' });
        const second = addComment(d, anchorAt(d, 'sapo', 0, 8)!, { author: 'bientap', text: 'Viết hoa?', at: '2022-01-13T10:54:00.000Z' });
        resolveComment(d, second, 'bientap', '2022-01-13T11:02:00.000Z');
        // The words of the first are edited after it was made: the listing shows them as they are.
        sapo(d).insert(LEAD.indexOf('điểm'), 'nghìn ');
        // A photo's English caption, commented too.
        const photo = 'c'.repeat(64);
        photos(d).push([newPhotoEntry({ id: photo, kind: 'jpeg', width: 10, height: 10, size: 10, name: 'a.jpg', takenAt: null, camera: null, gps: null, embeddedCaption: null, embeddedCreator: null } as PhotoFacts, { captions: { vi: '', en: 'Delegates in Hà Giang' } }, 'vi')]);
        addComment(d, captionAnchorAt(d, photo, 'en', 13, 21)!, { author: 'bientap', text: 'Which commune?', at: '2022-01-13T10:55:00.000Z' });
      }),
    });
    await desks.close(desk);
    // The library's row counts the open threads (written to the index as the desk closed).
    const again = await desks.open(dir);
    expect((await call<ArticleSummary[]>(again, 'library:list', { trashed: false })).find((a) => a.id === id)?.openComments).toBe(2);
    await desks.close(again);

    const json = await cli(['--data', dir, 'comments', id, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const threads = JSON.parse(json.stdout) as CommentThread[];
    expect(threads.map((t) => [t.id === first, t.current, t.quote, t.resolved?.by ?? null, t.replies.length])).toEqual([
      [true, '63 nghìn điểm cầu', '63 điểm cầu', null, 1],
      [false, 'Hội nghị', 'Hội nghị', 'bientap', 0],
      [false, 'Hà Giang', 'Hà Giang', null, 0],
    ]);
    expect(threads[2]).toMatchObject({ field: 'caption', caption: { photo: 'c'.repeat(64), index: 0, language: 'en' }, text: 'Which commune?' });

    const text = await cli(['--data', dir, 'comments', id]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('“63 nghìn điểm cầu”');
    expect(text.stdout).toContain('bientap, 17:53, 13/01/2022: Kiểm tra lại số điểm cầu');
    expect(text.stdout).toContain('phongvien, 18:00, 13/01/2022: Đã kiểm tra');
    expect(text.stdout).toContain('sa-pô · đã xong (bientap, 18:02, 13/01/2022)');
    expect(text.stdout).toMatch(/ · chú thích ảnh 1 \(en\) · đang mở\n {2}“Hà Giang”\n {2}bientap, 17:55, 13\/01\/2022: Which commune\?/);
    const en = await cli(['--data', dir, 'comments', id], 'en_US.UTF-8');
    expect(en.stdout).toContain('lead · open');
    expect(en.stdout).toContain('caption of photo 1 (en) · open');
  });
});
