/**
 * The workflow from the desk's side, against a real newsroom server: a submission asked for
 * offline is kept through a kill -9, goes through once when the server answers, and its status
 * comes back through sync; a resend of a move the server already made makes no second one; an
 * incomplete article's submission is refused with what is missing and its text left as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transition } from '../../src-shared/workflow';
import type { WorkflowState } from '../../src-shared/workflow-desk';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { DESK_FILE } from '../../src-main/services/desk-store';
import { exited, Lines, spawnTs, stderrOf } from '../support/child';
import { call, TEST_VERSION } from '../support/desk';
import { api, login } from '../support/server';
import { addUser, allSynced, articleText, deskFixtures, editAs, FAST_SYNC, loginAs, newArticle, syncStatus, USER_PASSWORD, waitFor } from '../support/sync-desk';
import { completeArticle } from '../support/workflow';

const SUBMITTER = 'test/integration/fixtures/workflow-submitter.ts';
const fx = deskFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

async function open(dir: string): Promise<Desk> {
  const desk = await openDesk({ dataDir: dir, mode: 'web', version: TEST_VERSION, sync: FAST_SYNC, workflow: { minDelayMs: 100, maxDelayMs: 400 } });
  desks.push(desk);
  return desk;
}

async function close(desk: Desk): Promise<void> {
  desks.splice(desks.indexOf(desk), 1);
  await desk.close();
}


const state = (d: Desk, id: string) => call<WorkflowState>(d, 'workflow:state', { id });

async function transitionsOf(server: { url: string; adminToken: string }, id: string): Promise<Transition[]> {
  const answer = await api(server.url, 'GET', `/api/articles/${id}/transitions`, { token: server.adminToken });
  expect(answer.status).toBe(200);
  return answer.json.transitions as Transition[];
}

describe('workflow moves from a desk', () => {
  it('a submission made offline survives kill -9, goes through once when the server is back, and its status arrives through sync', async () => {
    const serverDir = await fx.temp('bantin-server-');
    let server = await fx.server(serverDir);
    const port = Number(new URL(server.url).port);
    await addUser(server, 'lan', 'reporter');
    const dir = await fx.temp('bantin-desk-');
    let desk = await open(dir);
    await loginAs(desk, server, 'lan');
    const id = await newArticle(desk, 'Lũ quét ở Hà Giang');
    await editAs(desk, 'writer', id, completeArticle);
    await syncStatus(desk, allSynced, 'the article on the server');
    expect((await state(desk, id)).moves).toEqual(['submitted']);
    await close(desk);
    await fx.stop(server);

    // Offline: the move is queued, written down, and the desk is killed before it can be sent.
    const child = spawnTs(SUBMITTER, [dir, id]);
    const lines = new Lines(child);
    const stderr = stderrOf(child);
    const queued = await lines.next((l) => l.startsWith('QUEUED ') || l.startsWith('ERROR ')).catch((err: Error) => `${err.message}\n${stderr()}`);
    expect(queued.startsWith('QUEUED '), queued).toBe(true);
    const asked = JSON.parse(queued.slice('QUEUED '.length)) as WorkflowState;
    expect(asked).toMatchObject({ status: 'draft', pending: { to: 'submitted', refused: null }, online: false });
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');

    // What the killed desk left on disk holds the move, with the status the user saw.
    const kept = JSON.parse(await fs.readFile(path.join(dir, DESK_FILE), 'utf8')) as { workflow: { jobs: Record<string, unknown> } };
    expect(kept.workflow.jobs[id]).toMatchObject({ to: 'submitted', expected: 'draft', refused: null });

    // The desk reopens, still without its server, with a window listening; the server comes
    // back and the desk sends what it kept. (A window connected only after the desk opened
    // against a running server could miss the news: opening may already have sent the move.)
    desk = await open(dir);
    const told: string[] = [];
    desk.hub.connect('window', (event, payload) => {
      if (event === 'workflow:changed') told.push((payload as { id: string }).id);
    });
    server = await fx.server(serverDir, port);
    // The window is told (the move went through; the status arrived through sync) — the news
    // may come a moment after the state shows it, once the recorded moves are fetched.
    await waitFor(async () => {
      const s = await state(desk, id);
      return s.pending === null && s.status === 'submitted' && told.includes(id);
    }, 'the submission sent, its status back through sync, and the window told');
    const done = await state(desk, id);
    expect(done.history.map((t) => [t.from, t.to, t.by])).toEqual([['draft', 'submitted', 'lan']]);
    expect(done.moves).toEqual([]); // a reporter waits for an editor now
    expect((await transitionsOf(server, id)).map((t) => [t.from, t.to, t.by])).toEqual([['draft', 'submitted', 'lan']]);

    // The same move again, as if the desk had died after the server made it but before it heard so:
    // the server finds the status asked for, which counts as done, and records nothing more.
    const resend = async (): Promise<void> => {
      await close(desk);
      const file = path.join(dir, DESK_FILE);
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { workflow: { jobs: Record<string, unknown> } };
      data.workflow.jobs[id] = { to: 'submitted', note: '', queuedAt: new Date().toISOString(), refused: null, expected: 'draft', after: 0, attempts: 1, nextAttemptAt: null };
      await fs.writeFile(file, JSON.stringify(data));
      desk = await open(dir);
      await waitFor(async () => (await state(desk, id)).pending?.refused != null || (await state(desk, id)).pending === null, 'the resent move settled');
    };
    await resend();
    expect((await state(desk, id)).pending).toBeNull();
    expect((await transitionsOf(server, id)).length).toBe(1);
    expect((await state(desk, id)).status).toBe('submitted');

    // Again, but an editor took the article meanwhile: the server's record shows this desk's
    // move was made, so it is done — not a refusal, and not a second submission.
    await addUser(server, 'hoa', 'editor');
    const editor = await login(server.url, 'hoa', USER_PASSWORD);
    expect((await api(server.url, 'POST', `/api/articles/${id}/transitions`, { token: editor, json: { to: 'editing', expected: 'submitted' } })).status).toBe(200);
    await resend();
    expect((await state(desk, id)).pending).toBeNull();
    expect((await transitionsOf(server, id)).map((t) => t.to)).toEqual(['submitted', 'editing']);
  }, 60_000);

  it('an incomplete article is refused with what it lacks, and its text is left as it was', async () => {
    const server = await fx.server();
    await addUser(server, 'minh', 'reporter');
    const desk = await open(await fx.temp('bantin-desk-'));
    await loginAs(desk, server, 'minh');
    const id = await newArticle(desk, 'Chỉ có tít');
    await syncStatus(desk, allSynced, 'the article on the server');
    const before = await articleText(desk, id);

    await call(desk, 'workflow:move', { id, to: 'submitted' });
    await waitFor(async () => (await state(desk, id)).pending?.refused != null, 'the refusal');
    const refused = await state(desk, id);
    expect(refused.status).toBe('draft');
    expect(refused.pending?.refused?.code).toBe('incomplete');
    expect(refused.pending?.refused?.missing).toEqual(expect.arrayContaining(['sapo', 'byline', 'body', 'eventDate', 'eventPlace']));
    expect(refused.pending?.refused?.missing).not.toContain('headline');
    expect(await articleText(desk, id)).toEqual(before);
    expect(await transitionsOf(server, id)).toEqual([]);

    // Dropped, the move can be asked for again; a move the state machine does not have is refused on the desk.
    const dropped = await call<WorkflowState>(desk, 'workflow:cancel', { id });
    expect(dropped).toMatchObject({ pending: null, moves: ['submitted'] });
    const skip = await desk.dispatch('workflow:move', { id, to: 'approved' }, { client: 't' });
    expect(skip).toMatchObject({ ok: false, error: { code: 'workflowNotAllowed' } });
    expect((await state(desk, id)).pending).toBeNull();
  }, 60_000);
});
