/** Articles, desks and questions for the workflow tests. */
import { expect } from 'vitest';
import type * as Y from 'yjs';
import { meta, sapo } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import type { Status } from '../../src-shared/models';
import type { Transition } from '../../src-shared/workflow';
import type { WorkflowChanges, WorkflowQueue, WorkflowState } from '../../src-shared/workflow-desk';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, TEST_VERSION } from './desk';
import { api } from './server';
import { addParagraph, FAST_SYNC, waitFor } from './sync-desk';

/** Fills in everything the submission checklist asks for (a headline aside: the article has one). */
export function completeArticle(doc: Y.Doc): void {
  sapo(doc).insert(0, 'Mưa lớn kéo dài khiến nhiều xã bị chia cắt.');
  meta(doc).set('byline', 'Lan');
  addParagraph('Đoạn một của bài.')(doc);
  setEventTimes(doc, { start: '2025-06-20T08:00' });
  setEventPlace(doc, { unit: { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' }, former: null });
}

/** Short pauses between a move's attempts while the server does not answer. */
export const WORKFLOW_PAUSES = { minDelayMs: 100, maxDelayMs: 400 } as const;

/** A desk that syncs and sends its moves with short pauses (the caller closes it). */
export function openWorkflowDesk(dataDir: string): Promise<Desk> {
  return openDesk({ dataDir, mode: 'web', version: TEST_VERSION, sync: FAST_SYNC, workflow: WORKFLOW_PAUSES });
}

export const workflowState = (d: Desk, id: string): Promise<WorkflowState> => call<WorkflowState>(d, 'workflow:state', { id });
export const workflowChanges = (d: Desk, id: string): Promise<WorkflowChanges> => call<WorkflowChanges>(d, 'workflow:changes', { id });
export const workflowQueue = (d: Desk): Promise<WorkflowQueue> => call<WorkflowQueue>(d, 'workflow:queue', {});

/** Waits until the desk has the article at `status` with no move of its own waiting. */
export async function statusIs(d: Desk, id: string, status: Status): Promise<void> {
  await waitFor(async () => {
    const s = await workflowState(d, id).catch(() => null);
    return s !== null && s.pending === null && s.status === status;
  }, `status ${status}`);
}

/** The article's recorded moves as the server gives them to its admin. */
export async function transitionsOf(server: { url: string; adminToken: string }, id: string): Promise<Transition[]> {
  const answer = await api(server.url, 'GET', `/api/articles/${id}/transitions`, { token: server.adminToken });
  expect(answer.status).toBe(200);
  return answer.json.transitions as Transition[];
}
