/**
 * The server's workflow API as the desk calls it (src-shared/server-api.ts): a move, the
 * recorded moves, the queue. A move's refusal comes back as an answer (the job keeps it), not
 * a throw; a server that does not answer throws `syncUnreachable` (the job is tried again).
 */
import { DeskError } from '../../../src-shared/errors';
import type { ChangesSinceResponse, ServerError } from '../../../src-shared/server-api';
import type { Status } from '../../../src-shared/models';
import type { Transition, TransitionRequest } from '../../../src-shared/workflow';
import { WORKFLOW_REFUSALS, type PendingMove, type WorkflowRefusal } from '../../../src-shared/workflow-desk';
import { refusalOf } from '../sync/server-client';

const CALL_TIMEOUT_MS = 15_000;

// The answers as server-api.ts gives them (TransitionResponse, TransitionsResponse, QueueResponse).
interface TransitionResponse {
  readonly status: Status;
  readonly transition: Transition;
}
interface TransitionsResponse {
  readonly transitions: readonly Transition[];
  /** Absent from an older server. */
  readonly changedSinceApproved?: boolean;
}
interface QueueResponse {
  readonly articles: readonly unknown[];
}

export interface Account {
  readonly server: string;
  readonly token: string;
}

export type MoveOutcome =
  | { readonly kind: 'done'; readonly answer: TransitionResponse | null }
  | { readonly kind: 'refused'; readonly refused: NonNullable<PendingMove['refused']> }
  /** The server did not answer, or failed (5xx), or the login needs renewing: try again later. */
  | { readonly kind: 'retry'; readonly code: string };

async function call(account: Account, path: string, init: RequestInit & { stop?: AbortSignal } = {}): Promise<{ status: number; body: unknown }> {
  const timeout = AbortSignal.timeout(CALL_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(account.server + path, {
      ...init,
      headers: { authorization: `Bearer ${account.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      signal: init.stop ? AbortSignal.any([timeout, init.stop]) : timeout,
      redirect: 'error',
    });
  } catch (err) {
    throw new DeskError('syncUnreachable', {}, { cause: err });
  }
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = /^application\/json\b/i.test(type) ? await res.json().catch(() => null) : (await res.body?.cancel().catch(() => undefined), null);
  return { status: res.status, body };
}

/**
 * Sends one move. A resend of a move the server already made (the desk stopped between sending
 * and hearing the answer) finds the status it asked for: 409 statusChanged with `status === to`
 * counts as done, so a move is made once however often it is sent.
 */
export async function sendMove(account: Account, id: string, request: TransitionRequest, stop?: AbortSignal): Promise<MoveOutcome> {
  let answer: { status: number; body: unknown };
  try {
    answer = await call(account, `/api/articles/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: JSON.stringify(request), ...(stop ? { stop } : {}) });
  } catch (err) {
    return { kind: 'retry', code: err instanceof DeskError ? err.code : 'syncUnreachable' };
  }
  const body = (answer.body ?? {}) as Partial<ServerError> & { status?: Status; missing?: string[]; transition?: unknown };
  if (answer.status === 200) return { kind: 'done', answer: answer.body as TransitionResponse };
  const code = body.error as string | undefined;
  if (code === 'statusChanged' && body.status === request.to) return { kind: 'done', answer: null };
  if (answer.status < 500 && code && (WORKFLOW_REFUSALS as readonly string[]).includes(code)) {
    return {
      kind: 'refused',
      refused: { code: code as WorkflowRefusal, ...(Array.isArray(body.missing) ? { missing: body.missing } : {}), ...(body.status ? { status: body.status } : {}) },
    };
  }
  return { kind: 'retry', code: refusalOf(answer.status, body, account.server).code };
}

async function getJson<T>(account: Account, path: string): Promise<T> {
  const { status, body } = await call(account, path);
  if (status !== 200 || body === null || typeof body !== 'object') throw refusalOf(status, body as Partial<ServerError> | null, account.server);
  return body as T;
}

export async function transitions(account: Account, id: string): Promise<TransitionsResponse> {
  const body = await getJson<TransitionsResponse>(account, `/api/articles/${encodeURIComponent(id)}/transitions`);
  if (!Array.isArray(body.transitions)) throw new DeskError('syncNotServer', { server: account.server });
  return body;
}

export async function queue(account: Account): Promise<QueueResponse> {
  const body = await getJson<QueueResponse>(account, '/api/queue');
  if (!Array.isArray(body.articles)) throw new DeskError('syncNotServer', { server: account.server });
  return body;
}

/** What changed since the article's move `transition` (a submission or a return). */
export async function changesSince(account: Account, id: string, transition: number): Promise<ChangesSinceResponse> {
  const body = await getJson<ChangesSinceResponse>(account, `/api/articles/${encodeURIComponent(id)}/transitions/${transition}/changes`);
  if (!Array.isArray(body.fields)) throw new DeskError('syncNotServer', { server: account.server });
  return body;
}
