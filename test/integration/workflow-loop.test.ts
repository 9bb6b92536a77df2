/**
 * The newsroom's daily loop on two desks and a real server, the reporter offline at each step
 * that matters: a submission asked for offline survives kill -9 and goes through once when the
 * server is back (a resend, even after an editor moved on, makes no second one); the editor's
 * queue shows it; the editor takes it and returns it with a Vietnamese note, which the
 * reporter reads offline; the reporter rewrites paragraph 2 and submits again offline; the
 * editor sees only those words, named by the reporter (offline, the kept answer); the editor
 * approves; an offline edit after approval is stored on the server, and the queue marks the
 * story changed since approved. Last, a desk's own write to the workflow is refused.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, bodyLines, workflow } from '../../src-shared/article-doc';
import type { WorkflowState } from '../../src-shared/workflow-desk';
import type { Desk } from '../../src-main/services/desk';
import { DESK_FILE } from '../../src-main/services/desk-store';
import { exited, Lines, spawnTs, stderrOf } from '../support/child';
import { call } from '../support/desk';
import { addParagraph, addUser, allSynced, articleText, deskFixtures, editAs, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { completeArticle, openWorkflowDesk, statusIs, transitionsOf, workflowChanges, workflowQueue, workflowState } from '../support/workflow';

const SUBMITTER = 'test/integration/fixtures/workflow-submitter.ts';
/** The editor's note, typed on a desk that decomposes accents: kept composed. */
const NOTE = 'Thêm số liệu thiệt hại ở đoạn hai; kiểm tra tên xã Lũng Cú.';
const NEW_WORDS = ' với 12 ngôi nhà bị cuốn trôi';
const LATE_WORDS = ' (cập nhật lúc 18 giờ: nước đã rút)';

const fx = deskFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

async function open(dir: string): Promise<Desk> {
  const desk = await openWorkflowDesk(dir);
  desks.push(desk);
  return desk;
}

async function close(desk: Desk): Promise<void> {
  desks.splice(desks.indexOf(desk), 1);
  await desk.close();
}

/** Appends `text` to the body's paragraph `index` (0-based), before its last character. */
function extendParagraph(index: number, text: string): (doc: Y.Doc) => void {
  return (doc) => {
    const t = (body(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(t.length - 1, text);
  };
}

const offline = (d: Desk, id: string) => waitFor(async () => !(await workflowState(d, id)).online, 'the desk offline');

describe('the workflow loop, two desks and a server', () => {
  it('submit offline through kill -9, queue, return with a note read offline, resubmit offline, only the new words, approve, a late edit kept and marked', async () => {
    const serverDir = await fx.temp('bantin-server-');
    let server = await fx.server(serverDir);
    const port = Number(new URL(server.url).port);
    const restart = async (): Promise<void> => {
      server = await fx.server(serverDir, port);
    };
    await addUser(server, 'lan', 'reporter');
    await addUser(server, 'hoa', 'editor');
    const reporterDir = await fx.temp('bantin-desk-');
    let reporter = await open(reporterDir);
    const editor = await open(await fx.temp('bantin-desk-'));
    await loginAs(reporter, server, 'lan');
    await loginAs(editor, server, 'hoa');

    const id = await newArticle(reporter, 'Lũ quét ở Hà Giang');
    await editAs(reporter, 'writer', id, (doc) => {
      completeArticle(doc);
      addParagraph('Đoạn hai nói về thiệt hại.')(doc);
    });
    expect(await workflowChanges(reporter, id)).toEqual({ changes: null, reason: 'noSubmission' });
    await syncStatus(reporter, allSynced, 'the article on the server');
    expect((await workflowState(reporter, id)).moves).toEqual(['submitted']);
    await close(reporter);
    await fx.stop(server);

    // 1. Offline, the submission is queued and written down; the desk is killed before it can send it.
    const child = spawnTs(SUBMITTER, [reporterDir, id]);
    const lines = new Lines(child);
    const stderr = stderrOf(child);
    const queued = await lines.next((l) => l.startsWith('QUEUED ') || l.startsWith('ERROR ')).catch((err: Error) => `${err.message}\n${stderr()}`);
    expect(queued.startsWith('QUEUED '), queued).toBe(true);
    expect(JSON.parse(queued.slice('QUEUED '.length)) as WorkflowState).toMatchObject({ status: 'draft', pending: { to: 'submitted', refused: null }, online: false });
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');
    const kept = JSON.parse(await fs.readFile(path.join(reporterDir, DESK_FILE), 'utf8')) as { workflow: { jobs: Record<string, unknown> } };
    expect(kept.workflow.jobs[id]).toMatchObject({ to: 'submitted', expected: 'draft', refused: null });

    // The desk restarts, still offline, a window listening; the server comes back; the move goes
    // through once, its status arrives through sync and the window is told (a moment after the
    // state shows it, once the recorded moves are fetched).
    reporter = await open(reporterDir);
    const told: string[] = [];
    reporter.hub.connect('window', (event, payload) => {
      if (event === 'workflow:changed') told.push((payload as { id: string }).id);
    });
    await restart();
    await waitFor(async () => {
      const s = await workflowState(reporter, id);
      return s.pending === null && s.status === 'submitted' && told.includes(id);
    }, 'the submission sent, its status back through sync, and the window told');
    const submitted = await workflowState(reporter, id);
    expect(submitted.history.map((t) => [t.from, t.to, t.by])).toEqual([['draft', 'submitted', 'lan']]);
    expect(submitted.moves).toEqual([]); // a reporter waits for an editor now
    expect((await transitionsOf(server, id)).map((t) => [t.from, t.to, t.by])).toEqual([['draft', 'submitted', 'lan']]);

    // The same move again, as if the desk had died after the server made it but before it heard
    // so: the server finds the status asked for, done, and records nothing more.
    const resend = async (): Promise<void> => {
      await close(reporter);
      const file = path.join(reporterDir, DESK_FILE);
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { workflow: { jobs: Record<string, unknown> } };
      data.workflow.jobs[id] = { to: 'submitted', note: '', queuedAt: new Date().toISOString(), refused: null, expected: 'draft', after: 0, attempts: 1, nextAttemptAt: null };
      await fs.writeFile(file, JSON.stringify(data));
      reporter = await open(reporterDir);
      await waitFor(async () => {
        const s = await workflowState(reporter, id);
        return s.pending === null || s.pending.refused !== null;
      }, 'the resent move settled');
      expect((await workflowState(reporter, id)).pending).toBeNull();
    };
    await resend();
    expect((await transitionsOf(server, id)).length).toBe(1);
    expect((await workflowState(reporter, id)).status).toBe('submitted');

    // 2. The editor's queue shows it; the editor takes it. A resend now finds the article moved on
    // by someone else, but the server's record holds this user's submission: done, not refused.
    await waitFor(async () => (await workflowQueue(editor)).rows.some((r) => r.id === id), 'the story in the editor’s queue');
    expect((await workflowQueue(editor)).rows).toEqual([expect.objectContaining({ id, headline: 'Lũ quét ở Hà Giang', owner: 'lan', status: 'submitted', arrivedAt: submitted.history[0]!.at, changedSinceApproved: false })]);
    await statusIs(editor, id, 'submitted');
    expect((await workflowState(editor, id)).moves).toContain('editing');
    await call(editor, 'workflow:move', { id, to: 'editing' });
    await statusIs(editor, id, 'editing');
    await resend();
    expect((await transitionsOf(server, id)).map((t) => t.to)).toEqual(['submitted', 'editing']);

    // 3. Returned with a note typed decomposed: kept composed, with its tone marks.
    await call(editor, 'workflow:move', { id, to: 'returned', note: ` ${NOTE.normalize('NFD')} ` });
    await statusIs(editor, id, 'returned');
    await statusIs(reporter, id, 'returned');

    // 4. The reporter, offline again, reads the note; rewrites paragraph 2 and submits again.
    await fx.stop(server);
    await offline(reporter, id);
    const returned = await workflowState(reporter, id);
    expect(returned).toMatchObject({ status: 'returned', lastNote: { note: NOTE, by: 'hoa' }, moves: ['submitted'], online: false });
    expect(returned.lastNote!.note).toBe(NOTE.normalize('NFC'));
    expect(returned.history.at(-1)).toMatchObject({ from: 'editing', to: 'returned', by: 'hoa', note: NOTE });
    await editAs(reporter, 'writer', id, extendParagraph(1, NEW_WORDS));
    expect(await call<WorkflowState>(reporter, 'workflow:move', { id, to: 'submitted' })).toMatchObject({ status: 'returned', pending: { to: 'submitted', refused: null } });
    await restart();
    await statusIs(reporter, id, 'submitted');
    // Sent after the rewrite reached the server, so the submission was checked on it.
    expect((await transitionsOf(server, id)).map((t) => t.to)).toEqual(['submitted', 'editing', 'returned', 'submitted']);

    // 5. The editor's desk: counted from the return, only paragraph 2's new words, by the reporter.
    await statusIs(editor, id, 'submitted');
    const answer = await workflowChanges(editor, id);
    expect(answer.reason).toBeNull();
    expect(answer.changes?.since).toMatchObject({ to: 'returned', by: 'hoa' });
    const changed = Object.fromEntries(answer.changes!.fields.map((f) => [f.field, f.segments.filter((s) => s.op !== 'same')]));
    expect(changed).toEqual({
      headline: [],
      sapo: [],
      body: [{ op: 'added', text: expect.stringMatching(new RegExp(`^ ?${NEW_WORDS.trim()} ?$`)), by: ['lan'] }],
    });
    // The server gone: the kept answer, said to be the last one.
    await fx.stop(server);
    await offline(editor, id);
    expect(await workflowChanges(editor, id)).toEqual({ changes: answer.changes, reason: 'offline' });
    await restart();

    // 6. The editor approves; the reporter's desk hears it.
    await waitFor(async () => (await workflowState(editor, id)).online, 'the editor desk online');
    await call(editor, 'workflow:move', { id, to: 'editing' });
    await statusIs(editor, id, 'editing');
    await call(editor, 'workflow:move', { id, to: 'approved' });
    await statusIs(editor, id, 'approved');
    await statusIs(reporter, id, 'approved');
    await waitFor(async () => (await workflowQueue(editor)).rows.every((r) => r.id !== id), 'the approved story out of the queue');

    // 7. Offline after approval, the reporter adds a line: when the server is back it is stored
    // (never dropped), reaches the editor, and the queue marks the story changed since approved.
    await fx.stop(server);
    await offline(reporter, id);
    await editAs(reporter, 'writer', id, extendParagraph(0, LATE_WORDS));
    await restart();
    await syncStatus(reporter, allSynced, 'the late edit on the server');
    const stored = new Y.Doc();
    for (const part of await server.server.storage.documentParts(id)) Y.applyUpdate(stored, part);
    expect(bodyLines(stored)[0]).toBe(`Đoạn một của bài${LATE_WORDS}.`);
    expect(workflow(stored).get('status')).toBe('approved');
    await waitFor(async () => (await articleText(editor, id)).body.includes(LATE_WORDS.trim()), 'the late edit on the editor desk');
    await waitFor(async () => (await workflowQueue(editor)).rows.some((r) => r.id === id), 'the story back in the queue');
    expect((await workflowQueue(editor)).rows).toEqual([expect.objectContaining({ id, status: 'approved', changedSinceApproved: true })]);
    expect((await workflowState(reporter, id)).status).toBe('approved');

    // 8. A desk writing the workflow itself: the server closes the article with workflowReadOnly,
    // stores none of it, and the desk says so.
    await editAs(reporter, 'writer', id, (doc) => workflow(doc).set('status', 'published'));
    const refused = await syncStatus(reporter, (s) => s.refused.some((r) => r.id === id), 'the refusal');
    expect(refused.refused).toEqual([{ id, code: 'syncWorkflowReadOnly' }]);
    const after = new Y.Doc();
    for (const part of await server.server.storage.documentParts(id)) Y.applyUpdate(after, part);
    expect(workflow(after).get('status')).toBe('approved');
    expect((await transitionsOf(server, id)).map((t) => t.to)).toEqual(['submitted', 'editing', 'returned', 'submitted', 'editing', 'approved']);
  }, 120_000);
});
