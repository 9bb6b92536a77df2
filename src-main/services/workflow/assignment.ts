/**
 * Assignment from a desk: the people an editor chooses from (GET /api/people; the last answer
 * kept in desk.json for reading offline) and an article's assignees (PUT
 * /api/articles/<id>/assignees). An assignment is made on the server at once or not at all:
 * offline it is refused with `workflowAssignOffline` rather than kept, as who may write an
 * article is the server's to decide when it happens.
 */
import type { Low } from 'lowdb';
import { Person, WorkflowAssignees, type WorkflowPeople } from '../../../src-shared/assignment';
import { DeskError } from '../../../src-shared/errors';
import type { ServerError } from '../../../src-shared/server-api';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { DeskData } from '../desk-store';
import type { CoalescingWriter } from '../durable-file';
import type { SyncService } from '../sync/service';
import { refusalOf } from '../sync/server-client';

const CALL_TIMEOUT_MS = 15_000;

export interface AssignmentDeps {
  readonly db: Low<DeskData>;
  readonly writer: CoalescingWriter;
  readonly sync: SyncService;
}

async function call(server: string, token: string, method: 'GET' | 'PUT', path: string, json?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(server + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    throw new DeskError('syncUnreachable', {}, { cause: err });
  }
  const body: unknown = /^application\/json\b/i.test(res.headers.get('content-type') ?? '') ? await res.json().catch(() => null) : null;
  if (res.status !== 200 || body === null || typeof body !== 'object') throw refusalOf(res.status, body as Partial<ServerError> | null, server);
  return body;
}

/** The people as fetched from the server when it answers, else the last answer. */
export async function people(deps: AssignmentDeps, alwaysAsk: boolean): Promise<WorkflowPeople> {
  const kept = deps.db.data.workflow.people;
  const account = deps.sync.credentials();
  if (account && (alwaysAsk || deps.sync.isOnline())) {
    try {
      const answer = (await call(account.server, account.token, 'GET', '/api/people')) as { people?: unknown };
      const list = Person.array().safeParse(answer.people);
      if (!list.success) throw new DeskError('syncNotServer', { server: account.server });
      deps.db.data.workflow.people = { people: list.data, fetchedAt: new Date().toISOString() };
      await deps.writer.request();
    } catch (err) {
      // Offline, the last answer; a refusal (a reporter asking) is the caller's to hear.
      if (!(err instanceof DeskError) || err.code !== 'syncUnreachable' || kept.fetchedAt === null) throw err;
    }
  }
  const now = deps.db.data.workflow.people;
  return { people: now.people.map((p) => ({ ...p })), fetchedAt: now.fetchedAt };
}

/** Replaces the article's assignees on the server; refused offline. */
export async function assign(deps: AssignmentDeps, id: string, users: readonly string[], alwaysAsk: boolean): Promise<WorkflowAssignees> {
  const account = deps.sync.credentials();
  if (!account || (!alwaysAsk && !deps.sync.isOnline())) throw new DeskError('workflowAssignOffline');
  const names = [...new Set(users.map((u) => nfc(u).trim()).filter(Boolean))];
  try {
    const answer = await call(account.server, account.token, 'PUT', `/api/articles/${encodeURIComponent(id)}/assignees`, { users: names });
    return WorkflowAssignees.parse({ assignees: (answer as { assignees?: unknown }).assignees, owner: (answer as { owner?: unknown }).owner ?? null });
  } catch (err) {
    if (err instanceof DeskError && err.code === 'syncUnreachable') throw new DeskError('workflowAssignOffline', {}, { cause: err });
    // The server's 403 here is about assigning (editors and admins), not about having the article.
    if (err instanceof DeskError && err.code === 'syncForbidden') throw new DeskError('workflowAssignForbidden', {}, { cause: err });
    throw err;
  }
}

/** The article's assignees as the server has them now (anyone who may read the article). */
export async function assignees(deps: AssignmentDeps, id: string): Promise<WorkflowAssignees> {
  const account = deps.sync.credentials();
  if (!account) throw new DeskError('workflowAssignOffline');
  try {
    const answer = await call(account.server, account.token, 'GET', `/api/articles/${encodeURIComponent(id)}/assignees`);
    return WorkflowAssignees.parse({ assignees: (answer as { assignees?: unknown }).assignees, owner: (answer as { owner?: unknown }).owner ?? null });
  } catch (err) {
    if (err instanceof DeskError && err.code === 'syncUnreachable') throw new DeskError('workflowAssignOffline', {}, { cause: err });
    throw err;
  }
}
