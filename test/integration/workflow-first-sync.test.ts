/**
 * An editor's desk whose first sync brings approved articles asks the server nothing about each
 * of them (an editor's first sync brings thousands: asking whether each changed since its
 * approval kept the desk writing desk.json and the queue page loading for minutes); a change
 * to one of them afterwards has the desk ask about that one, as before. Counted in the server's
 * own request log. And an article's state asked again and again (the library's returned rows
 * each ask) does not rewrite desk.json while what the desk keeps of its moves is unchanged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/services/desk';
import { DESK_FILE } from '../../src-main/services/desk-store';
import type { Desk } from '../../src-main/services/desk';
import type { LogRecord } from '../../src-server/ops/request-log';
import { serverFixtures } from '../support/server';
import { TEST_VERSION } from '../support/desk';
import { addParagraph, addUser, allSynced, editAs, FAST_SYNC, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { api } from '../support/server';
import { completeArticle, openWorkflowDesk, WORKFLOW_PAUSES, workflowState } from '../support/workflow';

const fx = serverFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

const HEADLINES = ['Lũ quét ở Hà Giang', 'Sạt lở đất ở Yên Bái', 'Mưa lớn ở Lào Cai'];

describe("an editor's first sync of approved articles", () => {
  it('asks nothing per article it brings; asks about one once it changes', async () => {
    const log: LogRecord[] = [];
    const server = await fx.start({ requestLog: (r) => log.push(r) });
    await addUser(server, 'lan', 'editor');

    // The articles, written on one desk and approved on the server.
    const writer = await openWorkflowDesk(await fx.temp('bantin-desk-'));
    desks.push(writer);
    await loginAs(writer, server, 'lan');
    const ids: string[] = [];
    for (const headline of HEADLINES) {
      const id = await newArticle(writer, headline);
      await editAs(writer, 'w', id, completeArticle);
      ids.push(id);
    }
    await syncStatus(writer, allSynced, 'the articles on the server');
    await writer.close();
    for (const id of ids) {
      for (const to of ['submitted', 'editing', 'approved']) {
        const moved = await api(server.url, 'POST', `/api/articles/${id}/transitions`, { token: server.adminToken, json: { to } });
        expect(moved.status, JSON.stringify(moved.json)).toBe(200);
      }
    }

    // A second desk, empty, logs in: its first sync brings the three approved articles.
    const from = log.length;
    const desk = await openWorkflowDesk(await fx.temp('bantin-desk-'));
    desks.push(desk);
    await loginAs(desk, server, 'lan');
    // (An article arriving is held before its library row is made.)
    const status = (id: string) => desk.articles.entries().find((e) => e.id === id)?.status;
    await waitFor(() => ids.every((id) => status(id) === 'approved'), 'the approved articles on the desk');
    await syncStatus(desk, allSynced, 'the first sync done');

    // One changes after its approval: the desk asks about it once the server has the change.
    // (Questions about the articles as they arrived would have been asked before this one.)
    await editAs(desk, 'w', ids[0]!, addParagraph('Chiều nay thêm hai hộ được di dời.'));
    const asked = () => log.slice(from).filter((r) => r.method === 'GET' && /^\/api\/articles\/[^/]+\/transitions$/.test(String(r.path)));
    await waitFor(() => asked().length > 0, 'the desk asking about the changed article');
    expect(asked().map((r) => r.path)).toEqual([`/api/articles/${ids[0]}/transitions`]);
  }, 60_000);

  it("does not rewrite desk.json when an article's state is asked again with nothing new", async () => {
    const server = await fx.start();
    await addUser(server, 'lan', 'editor');
    // No directory polls meanwhile: nothing but the questions below may write desk.json.
    const dir = await fx.temp('bantin-desk-');
    const desk = await openDesk({ dataDir: dir, mode: 'web', version: TEST_VERSION, sync: { ...FAST_SYNC, pollMs: 600_000 }, workflow: WORKFLOW_PAUSES });
    desks.push(desk);
    await loginAs(desk, server, 'lan');
    const id = await newArticle(desk, HEADLINES[0]!);
    await editAs(desk, 'w', id, completeArticle);
    await syncStatus(desk, allSynced, 'the article on the server');
    for (const [to, note] of [['submitted'], ['editing'], ['returned', 'Cần thêm nguồn tin ở đoạn hai.']] as const) {
      const moved = await api(server.url, 'POST', `/api/articles/${id}/transitions`, { token: server.adminToken, json: { to, ...(note ? { note } : {}) } });
      expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    }
    await waitFor(() => desk.articles.summary(id).status === 'returned', 'the return on the desk');
    await syncStatus(desk, allSynced, 'the return synced');
    expect((await workflowState(desk, id)).history.map((t) => t.to)).toEqual(['submitted', 'editing', 'returned']);
    await desk.articles.flush();

    // Each write replaces desk.json with a new file (durable-file.ts): its inode tells.
    const file = path.join(dir, DESK_FILE);
    const before = (await fs.stat(file)).ino;
    for (let i = 0; i < 5; i++) expect((await workflowState(desk, id)).lastNote?.note).toBe('Cần thêm nguồn tin ở đoạn hai.');
    expect((await fs.stat(file)).ino).toBe(before);
  }, 60_000);
});
