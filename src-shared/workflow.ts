/**
 * The editorial workflow (SPEC capability 9): which moves between statuses a role may make.
 * Read by the server, which alone writes an article's `workflow` map, and by the desk, which
 * shows only the moves the user may make and queues them while offline. Pure: no Node, no DOM.
 *
 * draft → submitted (the owner or an assignee); submitted → editing (an editor takes it);
 * editing → approved, returned (with a note) or spiked; returned → submitted (the owner or an
 * assignee); approved → published, or back to editing; spiked → draft. An admin may make any
 * move between two different statuses.
 */
import { z } from 'zod';
import { Status, STATUSES } from './models';
import type { Role } from './server-api';

/** The person asking, as the article sees them. */
export interface Actor {
  readonly role: Role;
  /** The article's owner or one of its assignees: the writer's side of the workflow. */
  readonly writer: boolean;
}

type Who = 'writer' | 'editor';

/** Each allowed move and who may make it (an editor's moves are an admin's too). */
const MOVES: Readonly<Record<Status, Partial<Record<Status, Who>>>> = {
  draft: { submitted: 'writer' },
  submitted: { editing: 'editor' },
  editing: { approved: 'editor', returned: 'editor', spiked: 'editor' },
  returned: { submitted: 'writer' },
  approved: { published: 'editor', editing: 'editor' },
  published: {},
  spiked: { draft: 'editor' },
};

/** Moves that need a note saying why (the writer reads it on their desk). */
export const NOTE_REQUIRED: ReadonlySet<Status> = new Set<Status>(['returned']);

/** The longest note a move may carry (characters, after NFC). */
export const NOTE_MAX = 4000;

export type MoveRefusal = 'sameStatus' | 'notAllowed' | 'forbidden' | 'noteRequired';

/** Whether `actor` may move an article from `from` to `to` (with `note`); null when allowed. */
export function refusalOf(actor: Actor, from: Status, to: Status, note = ''): MoveRefusal | null {
  if (from === to) return 'sameStatus';
  if (actor.role !== 'admin') {
    const who = MOVES[from][to];
    if (!who) return 'notAllowed';
    const may = who === 'editor' ? actor.role === 'editor' : actor.writer;
    if (!may) return 'forbidden';
  }
  if (NOTE_REQUIRED.has(to) && note.trim() === '') return 'noteRequired';
  return null;
}

/** The statuses `actor` may move an article in `from` to, in the order the desk offers them. */
export function movesFor(actor: Actor, from: Status): Status[] {
  return STATUSES.filter((to) => refusalOf(actor, from, to, 'x') === null);
}

/** Statuses that wait for an editor (the queue). */
export const WAITING_FOR_EDITOR: ReadonlySet<Status> = new Set<Status>(['submitted', 'editing', 'returned']);

/** Statuses after which a stored change marks the article "changed since approved" (it waits for an editor again). */
export const APPROVED: ReadonlySet<Status> = new Set<Status>(['approved', 'published']);

/** A move as asked for: the target, the note, and the status the asker saw (409 when it moved meanwhile). */
export const TransitionRequest = z
  .object({
    to: Status,
    note: z.string().max(NOTE_MAX).optional(),
    expected: Status.optional(),
  })
  .strict();
export type TransitionRequest = z.infer<typeof TransitionRequest>;

/** A move as recorded: who made it, when, from what to what, with its note. */
export const Transition = z.object({
  id: z.number().int(),
  article: z.string(),
  from: Status,
  to: Status,
  note: z.string(),
  /** The account's name. */
  by: z.string(),
  at: z.string(),
});
export type Transition = z.infer<typeof Transition>;
