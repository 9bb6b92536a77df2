/**
 * Comments on an article's words, kept in its Yjs document (the `comments` map) so they travel
 * with the text through sync, offline merges and history.
 *
 * A thread is anchored to a range of the headline, the lead or the body by two Yjs relative
 * positions: the start sticks to the first commented character, the end to the last, so text
 * typed before, after or inside the range — here or on another desk — moves the anchor with its
 * words, and an undo that brings deleted words back brings the anchor back (Yjs follows the
 * restored characters). Words typed just at either edge stay outside the comment. When the
 * commented words are all deleted the range collapses: the thread is then detached, shown with
 * the words quoted when it was made, never dropped.
 *
 * A thread on a photo's caption (a register, not a text) is anchored by its quoted words with a
 * little context and found again in the caption's current value (caption-comments.ts).
 *
 * A thread is a Y.Map: `field`, `start` and `end` (encoded relative positions; for a caption:
 * `photo`, `language`, `prefix` and `suffix`), `quote`,
 * `author` (login name), `at`, `text`, `resolved` ({by, at} or null, the last writer's) and
 * `replies` (a Y.Array of {id, author, at, text}, appended by each desk so concurrent answers
 * all stay). Texts are NFC.
 */
import * as Y from 'yjs';
import { body, headline, sapo } from './article-doc';
import { resolveCaptionThread, writeCaptionAnchor, type CaptionAnchor } from './caption-comments';
import { COMMENTS_KEY, isCommentField as isField, resolutionOf, type CommentField } from './comment-count';
import type { Language } from './models';
import { nfc } from './text/vietnamese';

export { COMMENT_FIELDS, COMMENTS_KEY, openCommentCount, type CommentField } from './comment-count';
export { captionAnchorAt, type CaptionAnchor } from './caption-comments';

/** The fields that are Yjs texts, anchored by relative positions. */
export type TextField = Exclude<CommentField, 'caption'>;

export interface CommentReply {
  readonly id: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

export interface CommentResolution {
  readonly by: string;
  readonly at: string;
}

export interface CommentThread {
  readonly id: string;
  readonly field: CommentField;
  /** The words as they were when the comment was made. */
  readonly quote: string;
  /** The words the anchor covers now ('' when detached). */
  readonly current: string;
  /** Where the words are now, in the field's plain text (the body's as `bodyText` gives it); null when detached. */
  readonly range: { readonly start: number; readonly end: number } | null;
  /** The commented words were deleted: the thread stays, shown with its quote. */
  readonly detached: boolean;
  readonly author: string;
  readonly at: string;
  readonly text: string;
  readonly resolved: CommentResolution | null;
  readonly replies: readonly CommentReply[];
  /** For a caption's thread: the photo, its position in the article now (null: removed) and the caption's language. */
  readonly caption?: { readonly photo: string; readonly index: number | null; readonly language: Language };
}

/** An anchor made by a caller that knows the positions (the body editor, from ProseMirror). */
export interface TextAnchor {
  readonly field: TextField;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
}

export type CommentAnchor = TextAnchor | CaptionAnchor;

export const commentsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(COMMENTS_KEY);

function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function fieldType(doc: Y.Doc, field: TextField): Y.Text | Y.XmlFragment {
  return field === 'headline' ? headline(doc) : field === 'sapo' ? sapo(doc) : body(doc);
}

/**
 * The body's plain text as `bodyText` (article-doc.ts) makes it — blocks joined by a blank line,
 * text of nested blocks run together — with where each Yjs type's text begins and ends in it,
 * so a resolved position (a type and an index in it) becomes an offset.
 */
interface BodyLayout {
  readonly text: string;
  /** For each Y.XmlText: its offset. For each element: offsets before each child and at its end. */
  readonly texts: Map<Y.XmlText, number>;
  readonly children: Map<Y.AbstractType<unknown>, number[]>;
}

function textLength(t: Y.XmlText): string {
  return (t.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

function bodyLayout(fragment: Y.XmlFragment): BodyLayout {
  const texts = new Map<Y.XmlText, number>();
  const children = new Map<Y.AbstractType<unknown>, number[]>();
  let text = '';
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    const starts: number[] = [];
    for (const child of node.toArray()) {
      starts.push(text.length);
      if (child instanceof Y.XmlText) {
        texts.set(child, text.length);
        text += textLength(child);
      } else if (child instanceof Y.XmlElement) walk(child);
    }
    starts.push(text.length);
    children.set(node as Y.AbstractType<unknown>, starts);
  };
  const blocks = fragment.toArray();
  const starts: number[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) text += '\n\n';
    starts.push(text.length);
    if (block instanceof Y.XmlText) {
      texts.set(block, text.length);
      text += textLength(block);
    } else if (block instanceof Y.XmlElement) walk(block);
  });
  starts.push(text.length);
  children.set(fragment as Y.AbstractType<unknown>, starts);
  return { text, texts, children };
}

/** Where a Y.XmlText's index `i` counts characters: its delta's strings (embeds are not text). */
function textIndexOffset(t: Y.XmlText, index: number): number {
  let seen = 0;
  let out = 0;
  for (const d of t.toDelta() as Array<{ insert: unknown }>) {
    const len = typeof d.insert === 'string' ? d.insert.length : 1;
    const take = Math.min(len, index - seen);
    if (take <= 0) break;
    if (typeof d.insert === 'string') out += take;
    seen += take;
  }
  return out;
}

function resolveInBody(doc: Y.Doc, layout: BodyLayout, rpos: Y.RelativePosition): number | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(rpos, doc);
  if (!abs) return null;
  const type = abs.type as Y.AbstractType<unknown>;
  if (type instanceof Y.XmlText) {
    const start = layout.texts.get(type);
    return start === undefined ? null : start + textIndexOffset(type, abs.index);
  }
  const starts = layout.children.get(type);
  if (!starts) return null;
  return starts[Math.min(abs.index, starts.length - 1)] ?? null;
}

/**
 * Offset `offset` of the body's plain text as a Yjs text and index. Where two texts meet (a line
 * break between them), a start belongs to the text whose characters follow it and an end to the
 * text whose characters precede it.
 */
function bodyPoint(layout: BodyLayout, offset: number, atEnd: boolean): { type: Y.XmlText; index: number } | null {
  let fallback: { type: Y.XmlText; index: number } | null = null;
  for (const [t, start] of layout.texts) {
    const len = textLength(t).length;
    if (offset < start || offset > start + len) continue;
    const point = { type: t, index: deltaIndex(t, offset - start) };
    if (atEnd ? offset > start : offset < start + len) return point;
    fallback ??= point;
  }
  return fallback;
}

/** The inverse of textIndexOffset: the Yjs index of the `chars`-th character of the text. */
function deltaIndex(t: Y.XmlText, chars: number): number {
  let index = 0;
  let left = chars;
  for (const d of t.toDelta() as Array<{ insert: unknown }>) {
    if (typeof d.insert !== 'string') {
      index += 1;
      continue;
    }
    if (left <= d.insert.length) return index + left;
    left -= d.insert.length;
    index += d.insert.length;
  }
  return index;
}

/**
 * An anchor over [start, end) of a field's plain text (the headline's, the lead's, or the body's
 * as `bodyText` gives it); null when the range is empty or leaves the text.
 */
export function anchorAt(doc: Y.Doc, field: TextField, start: number, end: number): TextAnchor | null {
  if (!(end > start) || start < 0) return null;
  if (field !== 'body') {
    const text = fieldType(doc, field) as Y.Text;
    if (end > text.length) return null;
    return {
      field,
      start: Y.createRelativePositionFromTypeIndex(text, start, 0),
      end: Y.createRelativePositionFromTypeIndex(text, end, -1),
      quote: text.toString().slice(start, end),
    };
  }
  const layout = bodyLayout(body(doc));
  if (end > layout.text.length) return null;
  const a = bodyPoint(layout, start, false);
  const b = bodyPoint(layout, end, true);
  if (!a || !b) return null;
  return {
    field,
    start: Y.createRelativePositionFromTypeIndex(a.type, a.index, 0),
    end: Y.createRelativePositionFromTypeIndex(b.type, b.index, -1),
    quote: layout.text.slice(start, end),
  };
}

export interface NewComment {
  readonly author: string;
  readonly text: string;
  readonly at?: string;
  readonly id?: string;
}

/** Starts a thread on `anchor`; returns its id. */
export function addComment(doc: Y.Doc, anchor: CommentAnchor, comment: NewComment): string {
  const text = nfc(comment.text).trim();
  if (!text) throw new RangeError('empty comment');
  const id = comment.id ?? newId();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set('field', anchor.field);
    if (anchor.field === 'caption') writeCaptionAnchor(thread, anchor);
    else {
      thread.set('start', Y.encodeRelativePosition(anchor.start));
      thread.set('end', Y.encodeRelativePosition(anchor.end));
    }
    thread.set('quote', nfc(anchor.quote));
    thread.set('author', comment.author);
    thread.set('at', comment.at ?? new Date().toISOString());
    thread.set('text', text);
    thread.set('resolved', null);
    thread.set('replies', new Y.Array<unknown>());
    commentsMap(doc).set(id, thread);
  });
  return id;
}

function threadMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const thread = commentsMap(doc).get(id);
  if (!(thread instanceof Y.Map)) throw new RangeError(`no comment ${id}`);
  return thread;
}

/** Answers thread `id`; returns the reply's id. */
export function reply(doc: Y.Doc, id: string, comment: NewComment): string {
  const text = nfc(comment.text).trim();
  if (!text) throw new RangeError('empty reply');
  const thread = threadMap(doc, id);
  const replyId = comment.id ?? newId();
  doc.transact(() => {
    let replies = thread.get('replies');
    if (!(replies instanceof Y.Array)) {
      replies = new Y.Array<unknown>();
      thread.set('replies', replies);
    }
    (replies as Y.Array<unknown>).push([{ id: replyId, author: comment.author, at: comment.at ?? new Date().toISOString(), text }]);
  });
  return replyId;
}

export function resolveComment(doc: Y.Doc, id: string, by: string, at = new Date().toISOString()): void {
  const thread = threadMap(doc, id);
  doc.transact(() => thread.set('resolved', { by, at }));
}

export function reopenComment(doc: Y.Doc, id: string): void {
  const thread = threadMap(doc, id);
  if (thread.get('resolved') === null) return;
  doc.transact(() => thread.set('resolved', null));
}

function decode(value: unknown): Y.RelativePosition | null {
  if (!(value instanceof Uint8Array)) return null;
  try {
    return Y.decodeRelativePosition(value);
  } catch {
    return null;
  }
}

function repliesOf(value: unknown): CommentReply[] {
  if (!(value instanceof Y.Array)) return [];
  return (value.toArray() as unknown[]).flatMap((r) => {
    if (!r || typeof r !== 'object') return [];
    const o = r as Record<string, unknown>;
    return typeof o.text === 'string' ? [{ id: str(o.id), author: str(o.author), at: str(o.at), text: o.text }] : [];
  });
}

/** Where each thread's words are now: [start, end) in its field's plain text, or null. */
export function resolveAnchor(doc: Y.Doc, field: TextField, start: Y.RelativePosition, end: Y.RelativePosition, layout?: BodyLayout): { start: number; end: number; text: string } | null {
  let a: number | null;
  let b: number | null;
  let text: string;
  if (field === 'body') {
    const l = layout ?? bodyLayout(body(doc));
    a = resolveInBody(doc, l, start);
    b = resolveInBody(doc, l, end);
    text = l.text;
  } else {
    const t = fieldType(doc, field) as Y.Text;
    const ra = Y.createAbsolutePositionFromRelativePosition(start, doc);
    const rb = Y.createAbsolutePositionFromRelativePosition(end, doc);
    a = ra && ra.type === t ? ra.index : null;
    b = rb && rb.type === t ? rb.index : null;
    text = t.toString();
  }
  if (a === null || b === null || b <= a) return null;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** Every thread, in the order of their creation, with where its words are now. */
export function listThreads(doc: Y.Doc): CommentThread[] {
  const map = commentsMap(doc);
  if (map.size === 0) return [];
  let layout: BodyLayout | undefined;
  const out: CommentThread[] = [];
  for (const [id, thread] of map.entries()) {
    if (!(thread instanceof Y.Map)) continue;
    const field = thread.get('field');
    if (!isField(field)) continue;
    let where: { start: number; end: number; text: string } | null = null;
    let caption: CommentThread['caption'];
    if (field === 'caption') {
      const found = resolveCaptionThread(doc, thread);
      if (found) caption = { photo: found.photo, index: found.index, language: found.language };
      if (found?.range) where = { ...found.range, text: found.text };
    } else {
      const start = decode(thread.get('start'));
      const end = decode(thread.get('end'));
      if (field === 'body') layout ??= bodyLayout(body(doc));
      where = start && end ? resolveAnchor(doc, field, start, end, layout) : null;
    }
    out.push({
      id,
      field,
      quote: str(thread.get('quote')),
      current: where?.text ?? '',
      range: where ? { start: where.start, end: where.end } : null,
      detached: !where,
      author: str(thread.get('author')),
      at: str(thread.get('at')),
      text: str(thread.get('text')),
      resolved: resolutionOf(thread.get('resolved')),
      replies: repliesOf(thread.get('replies')),
      ...(caption ? { caption } : {}),
    });
  }
  return out.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The encoded relative positions of a thread, for a view that resolves them itself (the body editor). */
export function threadAnchor(doc: Y.Doc, id: string): { field: TextField; start: Y.RelativePosition; end: Y.RelativePosition } | null {
  const thread = commentsMap(doc).get(id);
  if (!(thread instanceof Y.Map)) return null;
  const field = thread.get('field');
  const start = decode(thread.get('start'));
  const end = decode(thread.get('end'));
  return isField(field) && field !== 'caption' && start && end ? { field, start, end } : null;
}
