/**
 * Who made a change to the renderer's replica, told by the Yjs transaction origin.
 *
 * - USER_ORIGIN: the writer on this page — typing in the headline, lead, slug and byline
 *   fields, and any change the page makes on the writer's behalf (a version restore applies
 *   with it, so the restore can be undone like typing).
 * - the rich editor's own transactions carry y-tiptap's `ySyncPluginKey`; they are the
 *   writer's too.
 * - REMOTE_ORIGIN: updates that came from main (other windows, other devices); never sent
 *   back, never undone here.
 *
 * Everything except REMOTE_ORIGIN is sent to main; exactly USER_ORIGINS are undoable.
 */
import { ySyncPluginKey } from '@tiptap/y-tiptap';

export const USER_ORIGIN = 'local';
export const REMOTE_ORIGIN = 'remote';

/** The origins the undo manager tracks: only the writer's own changes on this page. */
export const USER_ORIGINS: ReadonlySet<unknown> = new Set<unknown>([USER_ORIGIN, ySyncPluginKey]);
