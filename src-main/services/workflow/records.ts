/**
 * What the desk keeps of the workflow in desk.json: the moves asked for here and not yet
 * accepted by the server (one per article, written before `workflow:move` answers, so a crash
 * loses none), each article's recorded moves as last fetched, and the editors' queue as last
 * fetched (for reading offline), as are the changes since each article's last submission or
 * return and whether it changed since its approval.
 */
import { z } from 'zod';
import { Status } from '../../../src-shared/models';
import { Transition } from '../../../src-shared/workflow';
import { WorkflowPeople } from '../../../src-shared/assignment';
import { PendingMove, QueueRow, WorkflowChanges } from '../../../src-shared/workflow-desk';

export const WorkflowJob = PendingMove.extend({
  /** The status the user saw when asking: the server refuses (409 statusChanged) when it moved meanwhile. */
  expected: Status,
  /** The last recorded move this desk knew of when the move was asked for (absent: it knew none). */
  after: z.number().int().optional(),
  attempts: z.number().int().nonnegative(),
  /** When to try again after the server did not answer (null: as soon as it does). */
  nextAttemptAt: z.string().nullable(),
});
export type WorkflowJob = z.infer<typeof WorkflowJob>;

export const WorkflowData = z.object({
  jobs: z.record(z.string(), WorkflowJob),
  history: z.record(z.string(), z.array(Transition)),
  queue: z.object({ rows: z.array(QueueRow), fetchedAt: z.string().nullable() }),
  /** The people an editor assigns, as last fetched (absent in older files). */
  people: WorkflowPeople.default({ people: [], fetchedAt: null }),
  /** Per article: the changes since its last submission or return as last fetched (absent in older files). */
  changes: z.record(z.string(), WorkflowChanges.shape.changes.unwrap()).default({}),
  /** Per article: whether a change was stored after its approval, as the server last said with its moves (absent in older files). */
  changedSinceApproved: z.record(z.string(), z.boolean()).default({}),
});
export type WorkflowData = z.infer<typeof WorkflowData>;

export const emptyWorkflowData = (): WorkflowData => ({ jobs: {}, history: {}, queue: { rows: [], fetchedAt: null }, people: { people: [], fetchedAt: null }, changes: {}, changedSinceApproved: {} });
