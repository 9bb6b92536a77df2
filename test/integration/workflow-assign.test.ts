/**
 * Assignment from an editor's desk, against a real newsroom server: the people to choose from
 * (kept for reading offline), an assignment through `workflow:assign`, and the assigned
 * reporter's desk then receiving the article through sync; offline, an assignment is refused
 * with its own code rather than kept.
 */
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/contract';
import type { WorkflowAssignees, WorkflowPeople } from '../../src-shared/assignment';
import { call } from '../support/desk';
import { addUser, allSynced, articleText, deskFixtures, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';

const fx = deskFixtures();

describe('assignment from a desk', () => {
  it('an editor assigns a reporter, whose desk then receives the article; offline the people stay and an assignment is refused', async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'reporter');
    await addUser(server, 'nam', 'reporter');
    await addUser(server, 'hoa', 'editor');
    const writer = await fx.desk();
    const editor = await fx.desk();
    const assigned = await fx.desk();
    await loginAs(writer, server, 'lan');
    await loginAs(editor, server, 'hoa');
    await loginAs(assigned, server, 'nam');
    const id = await newArticle(writer, 'Cầu Long Biên sửa xong');
    await syncStatus(writer, allSynced, 'the article on the server');

    const people = await call<WorkflowPeople>(editor, 'workflow:people', {});
    expect(people.people).toEqual(expect.arrayContaining([{ name: 'lan', role: 'reporter' }, { name: 'nam', role: 'reporter' }, { name: 'hoa', role: 'editor' }]));
    expect(people.fetchedAt).not.toBeNull();
    // A reporter may not list them.
    const refused = (await writer.dispatch('workflow:people', {}, { client: 'test' })) as Envelope<unknown>;
    expect(refused.ok ? null : refused.error.code).toBe('syncForbidden');

    // Not the reporter's to read yet: nothing of it on their desk.
    expect(await assigned.dispatch('article:open', { id }, { client: 'test' }).then((e) => (e as Envelope<unknown>).ok)).toBe(false);

    const answer = await call<WorkflowAssignees>(editor, 'workflow:assign', { id, users: ['nam'] });
    expect(answer.assignees).toEqual(['nam']);
    // The writer is named apart: the owner has the article without being assigned.
    expect(answer.owner).toBe('lan');
    expect((await call<WorkflowAssignees>(editor, 'workflow:assignees', { id })).owner).toBe('lan');
    await waitFor(async () => (await assigned.dispatch('article:open', { id }, { client: 'test' }).then((e) => (e as Envelope<unknown>).ok)) && (await articleText(assigned, id)).headline === 'Cầu Long Biên sửa xong', 'the article on the assigned reporter’s desk');

    // The server stops: the people are the last ones fetched; an assignment is refused, not kept.
    await fx.stop(server);
    await syncStatus(editor, (s) => s.state !== 'synced', 'the editor’s desk offline');
    expect((await call<WorkflowPeople>(editor, 'workflow:people', {})).people).toEqual(people.people);
    const offline = (await editor.dispatch('workflow:assign', { id, users: [] }, { client: 'test' })) as Envelope<unknown>;
    expect(offline.ok ? null : offline.error.code).toBe('workflowAssignOffline');
  });
});
