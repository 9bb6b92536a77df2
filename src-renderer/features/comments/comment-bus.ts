/**
 * What the article page's parts tell each other about comments, per article document: a field
 * asks for a new comment on its selected words (Ctrl+Alt+M), the Comments tab asks a field to
 * show a thread's words, and the tab names the thread in focus so the body marks it more.
 * The field the writer was last in is remembered, so the tab's button comments on its words.
 * A click on commented words opens their thread: in the margin when it is shown, else in the tab.
 */
import type * as Y from 'yjs';
import type { CommentAnchor } from '../../../src-shared/comments';

/** The selected words of a field as an anchor, or null when nothing is selected there. */
export type SelectionAnchor = () => CommentAnchor | null;

interface Channel {
  readonly requests: Set<(anchor: CommentAnchor | null) => void>;
  readonly shows: Set<(id: string) => void>;
  readonly actives: Set<(id: string | null) => void>;
  readonly opens: Set<(id: string) => void>;
  readonly photos: Set<() => void>;
  active: string | null;
  /** The margin beside the text shows the threads (the window is wide enough). */
  margin: boolean;
  target: SelectionAnchor | null;
}

const channels = new WeakMap<Y.Doc, Channel>();

function channel(doc: Y.Doc): Channel {
  let c = channels.get(doc);
  if (!c) channels.set(doc, (c = { requests: new Set(), shows: new Set(), actives: new Set(), opens: new Set(), photos: new Set(), active: null, margin: false, target: null }));
  return c;
}

function listen<T>(set: Set<T>, fn: T): () => void {
  set.add(fn);
  return () => void set.delete(fn);
}

/** A comment is asked for on these words (null: nothing selected, the tab says how to select). */
export function requestComment(doc: Y.Doc, anchor: CommentAnchor | null): void {
  for (const fn of channel(doc).requests) fn(anchor);
}
export const onCommentRequest = (doc: Y.Doc, fn: (anchor: CommentAnchor | null) => void) => listen(channel(doc).requests, fn);

/** Show thread `id`'s words in their field (selected, scrolled to). */
export function showCommentWords(doc: Y.Doc, id: string): void {
  for (const fn of channel(doc).shows) fn(id);
}
export const onShowCommentWords = (doc: Y.Doc, fn: (id: string) => void) => listen(channel(doc).shows, fn);

export function setActiveComment(doc: Y.Doc, id: string | null): void {
  const c = channel(doc);
  if (c.active === id) return;
  c.active = id;
  for (const fn of c.actives) fn(id);
}
export const activeComment = (doc: Y.Doc): string | null => channel(doc).active;
export const onActiveComment = (doc: Y.Doc, fn: (id: string | null) => void) => listen(channel(doc).actives, fn);

/** The field the writer is in (or was last in) says how to read its selection. */
export function setCommentTarget(doc: Y.Doc, target: SelectionAnchor): void {
  channel(doc).target = target;
}
export const commentTarget = (doc: Y.Doc): CommentAnchor | null => channel(doc).target?.() ?? null;

/** Thread `id` is brought forward where threads are read (its margin card, or the Comments tab), and marked as in focus; the caret stays where it is. */
export function openThread(doc: Y.Doc, id: string): void {
  setActiveComment(doc, id);
  for (const fn of channel(doc).opens) fn(id);
}
export const onOpenThread = (doc: Y.Doc, fn: (id: string) => void) => listen(channel(doc).opens, fn);

export function setMarginShown(doc: Y.Doc, shown: boolean): void {
  channel(doc).margin = shown;
}
export const marginShown = (doc: Y.Doc): boolean => channel(doc).margin;

/** A caption's words are to be shown: the page brings the Photos tab forward. */
export function showPhotos(doc: Y.Doc): void {
  for (const fn of channel(doc).photos) fn();
}
export const onShowPhotos = (doc: Y.Doc, fn: () => void) => listen(channel(doc).photos, fn);
