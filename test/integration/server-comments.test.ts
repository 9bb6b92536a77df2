/**
 * The server's word on comments (comment-guard.ts): everyone who may write the article may
 * comment, answer, resolve and reopen, each in their own name; a thread written, answered or
 * resolved in another's name, or another's thread rewritten or deleted by a reporter, is
 * refused and never stored. An editor may rewrite any thread.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { sapo } from '../../src-shared/article-doc';
import { addComment, anchorAt, commentsMap, listThreads, reopenComment, reply, resolveComment } from '../../src-shared/comments';
import { acknowledged, api, closedWith, readThroughServer, startTestServer, SyncClient, userWithToken, type TestServer } from '../support/server';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const servers: TestServer[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await temp.cleanup();
});

const ID = 'bai-binh-luan-001';
const LEAD = 'Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước.';

async function open(s: TestServer, token: string): Promise<HocuspocusProvider> {
  const c = new SyncClient(s.wsUrl, token);
  clients.push(c);
  const p = c.open(ID);
  await acknowledged(p);
  return p;
}

const onLead = (doc: Y.Doc, author: string, text: string) => addComment(doc, anchorAt(doc, 'sapo', 28, 39)!, { author, text });

describe('comments on the server', () => {
  it('takes each person’s own comments, answers and resolutions, and refuses another’s name or another’s thread rewritten', async () => {
    const s = await startTestServer(await temp.make('bantin-comments-'));
    servers.push(s);
    const owner = await userWithToken(s, 'Minh Thư', 'reporter');
    const assignee = await userWithToken(s, 'Lan Anh', 'reporter');
    const editor = await userWithToken(s, 'Đức Anh', 'editor');

    const mine = await open(s, owner);
    sapo(mine.document).insert(0, LEAD);
    await acknowledged(mine);
    expect((await api(s.url, 'PUT', `/api/articles/${ID}/assignees`, { token: s.adminToken, json: { users: ['Lan Anh'] } })).status).toBe(200);

    // The editor comments; the assigned reporter answers and resolves it, then reopens it: all taken.
    const ed = await open(s, editor);
    const thread = onLead(ed.document, 'Đức Anh', 'Kiểm tra lại số điểm cầu');
    await acknowledged(ed);
    const lan = await open(s, assignee);
    reply(lan.document, thread, { author: 'Lan Anh', text: 'Đã kiểm tra' });
    resolveComment(lan.document, thread, 'Lan Anh');
    reopenComment(lan.document, thread);
    resolveComment(lan.document, thread, 'Lan Anh');
    await acknowledged(lan);

    // Refused, each on a connection of its own (a refusal closes it): nothing of them stored.
    const refused = async (token: string, change: (doc: Y.Doc) => void): Promise<string> => {
      const p = await open(s, token);
      const closed = closedWith(p);
      change(p.document);
      return closed;
    };
    expect(await refused(owner, (doc) => onLead(doc, 'Đức Anh', 'Giả danh biên tập'))).toBe('forbidden');
    expect(await refused(owner, (doc) => reply(doc, thread, { author: 'Đức Anh', text: 'Giả danh' }))).toBe('forbidden');
    expect(await refused(owner, (doc) => resolveComment(doc, thread, 'Đức Anh'))).toBe('forbidden');
    expect(await refused(assignee, (doc) => (commentsMap(doc).get(thread) as Y.Map<unknown>).set('text', 'Sửa lời người khác'))).toBe('forbidden');
    expect(await refused(assignee, (doc) => commentsMap(doc).delete(thread))).toBe('forbidden');

    // The owner's own comment, and an editor rewriting a thread that is not theirs: taken.
    const own = onLead(mine.document, 'Minh Thư', 'Ghi chú của tôi');
    await acknowledged(mine);
    const ed2 = await open(s, editor);
    (commentsMap(ed2.document).get(own) as Y.Map<unknown>).set('text', 'Biên tập sửa');
    await acknowledged(ed2);

    const stored = await readThroughServer(s.wsUrl, s.adminToken, ID);
    expect(listThreads(stored).map((t) => [t.author, t.text, t.current, t.resolved?.by ?? null, t.replies.map((r) => `${r.author}: ${r.text}`)])).toEqual([
      ['Đức Anh', 'Kiểm tra lại số điểm cầu', '63 điểm cầu', 'Lan Anh', ['Lan Anh: Đã kiểm tra']],
      ['Minh Thư', 'Biên tập sửa', '63 điểm cầu', null, []],
    ]);
  });
});
