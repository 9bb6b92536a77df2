/**
 * "Changes since" from a desk, against a real newsroom server: a story submitted, returned with a
 * note, its second paragraph rewritten and submitted again shows the editor's desk only those
 * words, named by the reporter who wrote them; offline, the last answer kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { WorkflowChanges, WorkflowState } from '../../src-shared/workflow-desk';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, TEST_VERSION } from '../support/desk';
import { addParagraph, addUser, allSynced, deskFixtures, editAs, FAST_SYNC, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { completeArticle } from '../support/workflow';

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

const state = (d: Desk, id: string) => call<WorkflowState>(d, 'workflow:state', { id });
const changes = (d: Desk, id: string) => call<WorkflowChanges>(d, 'workflow:changes', { id });

async function statusIs(d: Desk, id: string, status: string): Promise<void> {
  await waitFor(async () => {
    const s = await state(d, id).catch(() => null);
    return s !== null && s.pending === null && s.status === status;
  }, `status ${status}`);
}

describe('workflow:changes', () => {
  it('shows the editor only the words rewritten since the return, named by their writer; offline, the last answer', async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'reporter');
    await addUser(server, 'hoa', 'editor');
    const reporter = await open(await fx.temp('bantin-desk-'));
    const editor = await open(await fx.temp('bantin-desk-'));
    await loginAs(reporter, server, 'lan');
    await loginAs(editor, server, 'hoa');

    const id = await newArticle(reporter, 'Lũ quét ở Hà Giang');
    await editAs(reporter, 'writer', id, (doc) => {
      completeArticle(doc);
      addParagraph('Đoạn hai nói về thiệt hại.')(doc);
    });
    expect(await changes(reporter, id)).toEqual({ changes: null, reason: 'noSubmission' });
    await syncStatus(reporter, allSynced, 'the article on the server');
    await call(reporter, 'workflow:move', { id, to: 'submitted' });
    await statusIs(reporter, id, 'submitted');

    // The editor takes it and returns it with a note.
    await statusIs(editor, id, 'submitted');
    await call(editor, 'workflow:move', { id, to: 'editing' });
    await statusIs(editor, id, 'editing');
    await call(editor, 'workflow:move', { id, to: 'returned', note: 'Thêm số liệu ở đoạn hai.' });
    await statusIs(editor, id, 'returned');

    // The reporter rewrites paragraph 2 and submits again.
    await statusIs(reporter, id, 'returned');
    await editAs(reporter, 'writer', id, (doc) => {
      const second = doc.getXmlFragment('body').get(1) as Y.XmlElement;
      const text = second.get(0) as Y.XmlText;
      text.insert(text.length - 1, ' với 12 ngôi nhà bị cuốn trôi');
    });
    await syncStatus(reporter, allSynced, 'the rewrite on the server');
    await call(reporter, 'workflow:move', { id, to: 'submitted' });
    await statusIs(reporter, id, 'submitted');

    // The editor's desk: counted from the return, only paragraph 2's new words, by the reporter.
    await statusIs(editor, id, 'submitted');
    const answer = await changes(editor, id);
    expect(answer.reason).toBeNull();
    expect(answer.changes?.since).toMatchObject({ to: 'returned', by: 'hoa' });
    const changed = Object.fromEntries(answer.changes!.fields.map((f) => [f.field, f.segments.filter((s) => s.op !== 'same')]));
    expect(changed).toEqual({
      headline: [],
      sapo: [],
      body: [{ op: 'added', text: expect.stringMatching(/^ ?với 12 ngôi nhà bị cuốn trôi ?$/), by: ['lan'] }],
    });

    // The server gone: the kept answer, said to be the last one.
    await fx.stop(server);
    await waitFor(async () => !(await state(editor, id)).online, 'the editor desk offline');
    expect(await changes(editor, id)).toEqual({ changes: answer.changes, reason: 'offline' });
  }, 60_000);
});
