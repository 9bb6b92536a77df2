/**
 * The workflow as the desk's interface sees it (contract ops `workflow:*`): an article's status,
 * the moves this user may make now, the move waiting to reach the server (kept through a crash,
 * sent when the server answers) or refused by it, the last note, and the recorded history.
 * Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { DiffField } from './history';
import { ArticleId, Language, Status } from './models';
import { APPROVED, NOTE_MAX, Transition } from './workflow';

/** Why the server refused a move (its error code): the interface and the command line translate `workflow.refused.<code>`. */
export const WORKFLOW_REFUSALS = ['forbidden', 'statusChanged', 'moveNotAllowed', 'incomplete', 'noteRequired', 'notFound', 'invalidPayload'] as const;
export const WorkflowRefusal = z.enum(WORKFLOW_REFUSALS);
export type WorkflowRefusal = z.infer<typeof WorkflowRefusal>;

/** A move asked for on this desk and not yet accepted by the server. */
export const PendingMove = z.object({
  to: Status,
  note: z.string(),
  queuedAt: z.string(),
  /** The server said no: why (the missing checklist items, the status it found). The move is not retried. */
  refused: z
    .object({
      code: WorkflowRefusal,
      missing: z.array(z.string()).optional(),
      status: Status.optional(),
    })
    .nullable(),
});
export type PendingMove = z.infer<typeof PendingMove>;

export const WorkflowState = z.object({
  status: Status,
  /** What this user may move the article to now (movesFor with the last known role and ownership). */
  moves: z.array(Status),
  pending: PendingMove.nullable(),
  /** The note of the last move that carried one (a return's), as the article's workflow map has it. */
  lastNote: z.object({ note: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** The recorded moves, oldest first, as last fetched from the server ([] when never fetched). */
  history: z.array(Transition),
  /** The server answered (sync is online). */
  online: z.boolean(),
  /**
   * A change was stored after the article's approval or publication (the server's word with the
   * recorded moves, as last fetched): shown as "changed since approved", with the diff.
   */
  changedSinceApproved: z.boolean().default(false),
});
export type WorkflowState = z.infer<typeof WorkflowState>;

export const WorkflowMoveInput = z
  .object({
    id: ArticleId,
    to: Status,
    note: z.string().max(NOTE_MAX).optional(),
  })
  .strict();
export type WorkflowMoveInput = z.input<typeof WorkflowMoveInput>;

/** One article waiting for an editor (server-api QueueRow). */
export const QueueRow = z.object({
  id: z.string(),
  headline: z.string(),
  owner: z.string().nullable(),
  assignees: z.array(z.string()),
  section: z.string(),
  status: Status,
  arrivedAt: z.string().nullable(),
  words: z.number().int().nonnegative(),
  updatedAt: z.string(),
  changedSinceApproved: z.boolean().default(false),
  /** Absent in a queue kept by an older desk: Vietnamese, the newsroom's first language. */
  language: Language.default('vi'),
  /** Comment threads not resolved (absent from an older server or a kept queue: none counted). */
  openComments: z.number().int().nonnegative().default(0),
});
export type QueueRow = z.infer<typeof QueueRow>;

/** The queue as last fetched from the server (`fetchedAt` null: never, on this desk). */
export const WorkflowQueue = z.object({ rows: z.array(QueueRow), fetchedAt: z.string().nullable() });
export type WorkflowQueue = z.infer<typeof WorkflowQueue>;

/** One field's words since the kept state: kept, added (with the accounts that wrote them), removed. */
export const AttributedField = z.object({
  field: DiffField,
  segments: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string(), by: z.array(z.string()).optional() })),
});

/**
 * What changed in an article since its last submission or return (`workflow:changes`), as the
 * server last said (GET /api/articles/<id>/transitions/<tid>/changes). `changes` is null with a
 * reason when there is nothing to compare with (never submitted) or the server never answered;
 * offline, the last answer for that same move is given with `reason: 'offline'`.
 */
export const WorkflowChanges = z.object({
  changes: z
    .object({
      /** The move the changes are counted from. */
      since: Transition,
      fields: z.array(AttributedField),
      fetchedAt: z.string(),
    })
    .nullable(),
  reason: z.enum(['offline', 'noSubmission']).nullable(),
});
export type WorkflowChanges = z.infer<typeof WorkflowChanges>;

/** The articles whose move waits to be sent (or was refused), for the library's rows (`workflow:pending`). */
export const WorkflowPendingMoves = z.object({
  moves: z.array(z.object({ id: ArticleId, to: Status, refused: z.boolean() })),
});
export type WorkflowPendingMoves = z.infer<typeof WorkflowPendingMoves>;

/**
 * The recorded move "changes since" counts from: the latest submission or return (the states the
 * server keeps) — except a submission that answers a return, counted from that return, so the
 * editor sees what the writer changed since the story came back. An article changed since its
 * approval or publication (`changedSinceApproved`) counts from that move instead: what was
 * changed after the editor's yes.
 */
export function changesBase(history: readonly Transition[], changedSinceApproved = false): Transition | null {
  const latest = history.at(-1);
  if (changedSinceApproved && latest && APPROVED.has(latest.to)) return latest;
  const kept = history.filter((t) => t.to === 'submitted' || t.to === 'returned');
  const last = kept.at(-1);
  const before = kept.at(-2);
  return last?.to === 'submitted' && before?.to === 'returned' ? before : (last ?? null);
}
