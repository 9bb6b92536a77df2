/**
 * The workflow from the desk's side, against a real newsroom server: an incomplete article's
 * submission is refused with what is missing and its text left as it was. (A submission made
 * offline, kept through a kill -9 and sent once, is in workflow-loop.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowState } from '../../src-shared/workflow-desk';
import type { Desk } from '../../src-main/services/desk';
import { call } from '../support/desk';
import { addUser, allSynced, articleText, deskFixtures, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { openWorkflowDesk, transitionsOf, workflowState as state } from '../support/workflow';

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

describe('workflow moves from a desk', () => {
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
