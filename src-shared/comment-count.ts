/**
 * How many comment threads of an article are open, for the library's and the queue's rows:
 * read without resolving any anchor (comments.ts holds the threads and their anchors).
 */
import * as Y from 'yjs';

export const COMMENTS_KEY = 'comments';
export const COMMENT_FIELDS = ['headline', 'sapo', 'body', 'caption'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export const isCommentField = (v: unknown): v is CommentField => (COMMENT_FIELDS as readonly unknown[]).includes(v);

/** A thread's resolution as stored: {by, at}, or null while it is open. */
export function resolutionOf(value: unknown): { readonly by: string; readonly at: string } | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  return typeof v.by === 'string' && typeof v.at === 'string' ? { by: v.by, at: v.at } : null;
}

export function openCommentCount(doc: Y.Doc): number {
  let n = 0;
  for (const thread of doc.getMap<unknown>(COMMENTS_KEY).values()) if (thread instanceof Y.Map && isCommentField(thread.get('field')) && !resolutionOf(thread.get('resolved'))) n++;
  return n;
}
