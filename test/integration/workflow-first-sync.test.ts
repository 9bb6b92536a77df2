/**
 * An editor's desk whose first sync brings approved articles asks the server nothing about each
 * of them (an editor's first sync brings thousands: asking whether each changed since its
 * approval kept the desk writing desk.json and the queue page loading for minutes); a change
 * to one of them afterwards has the desk ask about that one, as before. Counted in the server's
 * own request log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../src-main/services/desk';
import type { LogRecord } from '../../src-server/ops/request-log';
import { serverFixtures } from '../support/server';
import { addParagraph, addUser, allSynced, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { api } from '../support/server';
import { completeArticle, openWorkflowDesk } from '../support/workflow';

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
    await waitFor(() => ids.every((id) => desk.articles.has(id) && desk.articles.summary(id).status === 'approved'), 'the approved articles on the desk');
    await syncStatus(desk, allSynced, 'the first sync done');

    // One changes after its approval: the desk asks about it once the server has the change.
    // (Questions about the articles as they arrived would have been asked before this one.)
    await editAs(desk, 'w', ids[0]!, addParagraph('Chiều nay thêm hai hộ được di dời.'));
    const asked = () => log.slice(from).filter((r) => r.method === 'GET' && /^\/api\/articles\/[^/]+\/transitions$/.test(String(r.path)));
    await waitFor(() => asked().length > 0, 'the desk asking about the changed article');
    expect(asked().map((r) => r.path)).toEqual([`/api/articles/${ids[0]}/transitions`]);
  }, 60_000);
});
