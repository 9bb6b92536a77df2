/**
 * Assignment as the desk's interface sees it (contract ops `workflow:people`, `workflow:assign`):
 * the newsroom's enabled accounts an editor chooses from (the server's GET /api/people, kept
 * for reading offline) and an article's assignees. Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { ArticleId } from './models';
import { ROLES } from './server-api';

export const Person = z.object({ name: z.string(), role: z.enum(ROLES) });
export type Person = z.infer<typeof Person>;

/** The people as last fetched from the server (`fetchedAt` null: never, on this desk). */
export const WorkflowPeople = z.object({ people: z.array(Person), fetchedAt: z.string().nullable() });
export type WorkflowPeople = z.infer<typeof WorkflowPeople>;

export const WorkflowAssignInput = z
  .object({
    id: ArticleId,
    /** Every assignee of the article after the change (the server replaces the list). */
    users: z.array(z.string().min(1).max(64)).max(100),
  })
  .strict();
export type WorkflowAssignInput = z.input<typeof WorkflowAssignInput>;

export const WorkflowAssignees = z.object({
  assignees: z.array(z.string()),
  /** The article's owner (its writer), who always has it; null when not known (an older server). */
  owner: z.string().nullable().default(null),
});
export type WorkflowAssignees = z.infer<typeof WorkflowAssignees>;
