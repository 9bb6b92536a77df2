/**
 * A desk's view of an article changed after its approval, and of its waiting moves, against a
 * real newsroom server: `workflow:state` says changedSinceApproved once a change is stored after
 * the approval (the windows are told, without asking), `workflow:changes` then counts from the
 * approval (only the late words, by their writer); an assignment made on the server tells the
 * desk's windows; and `workflow:pending` lists an article whose move waits to be sent until it
 * is dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../src-main/services/desk';
import type { WorkflowPendingMoves } from '../../src-shared/workflow-desk';
import { call } from '../support/desk';
import { api } from '../support/server';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { completeArticle, openWorkflowDesk, statusIs, workflowChanges, workflowState } from '../support/workflow';

const fx = deskFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

describe('changed since approved, and waiting moves, on a desk', () => {
  it('marks a late change and shows only its words; lists a waiting move until it is dropped', async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'editor');
    const desk = await openWorkflowDesk(await fx.temp('bantin-desk-'));
    desks.push(desk);
    await loginAs(desk, server, 'lan');
    const id = await newArticle(desk, 'Lũ quét ở Hà Giang');
    await editAs(desk, 'w', id, completeArticle);
    await syncStatus(desk, allSynced, 'the article on the server');
    for (const to of ['submitted', 'editing', 'approved']) {
      const moved = await api(server.url, 'POST', `/api/articles/${id}/transitions`, { token: server.adminToken, json: { to } });
      expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    }
    await statusIs(desk, id, 'approved');
    expect((await workflowState(desk, id)).changedSinceApproved).toBe(false);
    // Not changed since: what changed is still counted from the submission.
    expect((await workflowChanges(desk, id)).changes?.since.to).toBe('submitted');

    // The desk asks the server by itself once its late change is there, and tells its windows
    // (listened to once the library row has the approval, whose own news came before).
    await waitFor(() => desk.articles.summary(id).status === 'approved', 'the library row approved');
    const told: string[] = [];
    desk.hub.connect('window', (event, payload) => void (event === 'workflow:changed' && told.push((payload as { id: string }).id)));
    await editAs(desk, 'w', id, addParagraph('Chiều nay thêm hai hộ được di dời.'));
    await syncStatus(desk, allSynced, 'the late change on the server');
    await waitFor(() => told.includes(id), 'the windows told the article changed since approved');
    expect((await workflowState(desk, id)).changedSinceApproved).toBe(true);
    const { changes } = await workflowChanges(desk, id);
    expect(changes?.since.to).toBe('approved');
    const added = changes!.fields.flatMap((f) => f.segments.filter((s) => s.op !== 'same').map((s) => ({ field: f.field, ...s })));
    expect(added).toEqual([{ field: 'body', op: 'added', text: expect.stringContaining('Chiều nay thêm hai hộ được di dời.'), by: ['lan'] }]);

    // Assigned on the server by someone else: the server's notice (no new version) tells the windows.
    told.length = 0;
    expect((await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { token: server.adminToken, json: { users: ['lan'] } })).status).toBe(200);
    await waitFor(() => told.includes(id), 'the windows told of the assignment');
    expect((await call<{ assignees: string[] }>(desk, 'workflow:assignees', { id })).assignees).toEqual(['lan']);

    // The server goes away: a move asked for now waits, and the library's question lists it.
    await fx.stop(server);
    await syncStatus(desk, (s) => s.state === 'offline', 'the desk offline');
    expect(await call<WorkflowPendingMoves>(desk, 'workflow:pending', {})).toEqual({ moves: [] });
    await call(desk, 'workflow:move', { id, to: 'editing' });
    expect(await call<WorkflowPendingMoves>(desk, 'workflow:pending', {})).toEqual({ moves: [{ id, to: 'editing', refused: false }] });
    await call(desk, 'workflow:cancel', { id });
    expect(await call<WorkflowPendingMoves>(desk, 'workflow:pending', {})).toEqual({ moves: [] });
  }, 60_000);
});
