/**
 * What the server checks of a desk's changes to an article's comments (src-shared/comments.ts),
 * beyond who may write the article at all (access.ts: its owner, its assignees, editors and
 * admins — the same people who may resolve and reopen a thread):
 * - the names a change writes are the sender's: a new thread's author, a reply's author, a
 *   resolution's `by` are the sender's login name (or empty: a desk that had no login yet);
 * - a thread's own words and anchor (and the thread itself) are changed or deleted only by its
 *   author, an editor or an admin; replies are deleted only by them too.
 * A desk never does otherwise, so a refusal means a forged or foreign update.
 *
 * The check applies the update to a copy of the article and watches the comments map: done only
 * for an update that reaches into that map (update-effect.ts tells, from the update's structure).
 */
import * as Y from 'yjs';
import { COMMENTS_KEY } from '../src-shared/comment-count';
import type { UserRow } from './storage';
import { hasPending, updateEffect } from './update-effect';

/** Whether `update` would change anything under the article's comments. */
export function touchesComments(doc: Y.Doc, update: Uint8Array): boolean {
  // With changes waiting in the document itself (relayed by another instance) the structure
  // cannot tell: the copy does.
  return hasPending(doc) || updateEffect(doc, update, COMMENTS_KEY) === 'workflow';
}

const nameOf = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/** Why `user` may not make this change to the comments, or null when they may. */
export function commentRefusal(doc: Y.Doc, update: Uint8Array, user: Pick<UserRow, 'name' | 'role'>): string | null {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const comments = copy.getMap<unknown>(COMMENTS_KEY);
    const authors = new Map<string, unknown>();
    for (const [id, thread] of comments.entries()) authors.set(id, thread instanceof Y.Map ? thread.get('author') : undefined);
    const own = (name: unknown): boolean => name === '' || name === user.name;
    const moderates = (id: string): boolean => user.role === 'editor' || user.role === 'admin' || authors.get(id) === user.name;
    let why: string | null = null;
    const refuse = (reason: string): void => void (why ??= reason);
    const watch = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
      for (const e of events) {
        const [id, key] = e.path as [string?, string?];
        if (id === undefined) {
          for (const [thread, change] of e.changes.keys) {
            if (change.action !== 'add' && !moderates(thread)) refuse(`changes or deletes the thread ${thread} of ${String(authors.get(thread))}`);
            if (change.action !== 'delete') {
              const added = comments.get(thread);
              if (!(added instanceof Y.Map) || !own(added.get('author'))) refuse(`writes a thread ${thread} in another's name`);
            }
          }
        } else if (key === undefined) {
          for (const changed of (e as Y.YMapEvent<unknown>).keysChanged) {
            if (changed === 'resolved') {
              const resolution = (e.target as Y.Map<unknown>).get('resolved');
              if (resolution !== null && resolution !== undefined && !own(nameOf(resolution, 'by'))) refuse(`resolves ${id} in another's name`);
            } else if (!moderates(id)) refuse(`changes ${changed} of the thread ${id} of ${String(authors.get(id))}`);
          }
        } else if (key === 'replies') {
          if (e.changes.deleted.size > 0 && !moderates(id)) refuse(`deletes replies of ${id}`);
          for (const item of e.changes.added) for (const r of item.content.getContent()) if (!own(nameOf(r, 'author'))) refuse(`replies to ${id} in another's name`);
        } else if (!moderates(id)) refuse(`changes the thread ${id} of ${String(authors.get(id))}`);
      }
    };
    comments.observeDeep(watch);
    Y.applyUpdate(copy, update);
    comments.unobserveDeep(watch);
    return why;
  } finally {
    copy.destroy();
  }
}
