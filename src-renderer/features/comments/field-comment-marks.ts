/**
 * The commented words of the headline, the lead or a photo's caption (plain text fields, which cannot hold marks)
 * marked on an overlay over the field (src-renderer/shared/field-overlay.ts): the words of every
 * open thread tinted, the thread in focus more. The tint is translucent, since the overlay lies
 * above the field's letters. A click on marked words opens their thread (comment-bus); the caret
 * goes where the click put it, as in any text.
 *
 * Redrawn when the field's text changes (typed here or arriving), when the threads change (one
 * came, moved or was resolved) and when another thread comes into focus — not at the body's keys. The threads' ranges count in
 * the document's text: while the field shows other text (an input method composing, or the
 * document's change not yet shown) nothing is marked, and it is looked at again shortly.
 */
import * as Y from 'yjs';
import { headline, sapo } from '../../../src-shared/article-doc';
import { resolutionOf } from '../../../src-shared/comment-count';
import { photos } from '../../../src-shared/article-doc';
import { captionPlace, resolveCaptionThread } from '../../../src-shared/caption-comments';
import { commentsMap, resolveAnchor, threadAnchor, type TextField } from '../../../src-shared/comments';
import type { Language } from '../../../src-shared/models';
import { fieldOverlay, spanAt } from '../../shared/field-overlay';
import { activeComment, onActiveComment, openThread, setActiveComment } from './comment-bus';

export type PlainField = Exclude<TextField, 'body'>;
type Editable = HTMLInputElement | HTMLTextAreaElement;

const REDRAW_MS = 50;
const RETRY_MS = 250;

export interface FieldMark {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** The open threads' ranges in the field's text, in order of their start. */
export function fieldMarks(doc: Y.Doc, field: PlainField): FieldMark[] {
  const out: FieldMark[] = [];
  for (const [id, thread] of commentsMap(doc).entries()) {
    if (!(thread instanceof Y.Map) || thread.get('field') !== field || resolutionOf(thread.get('resolved'))) continue;
    const anchor = threadAnchor(doc, id);
    const where = anchor ? resolveAnchor(doc, field, anchor.start, anchor.end) : null;
    if (where) out.push({ id, start: where.start, end: where.end });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The open threads' ranges in photo `photo`'s caption in `language`, in order of their start. */
export function captionMarks(doc: Y.Doc, photo: string, language: Language): FieldMark[] {
  const out: FieldMark[] = [];
  for (const [id, thread] of commentsMap(doc).entries()) {
    if (!(thread instanceof Y.Map) || thread.get('field') !== 'caption' || thread.get('photo') !== photo || thread.get('language') !== language || resolutionOf(thread.get('resolved'))) continue;
    const where = resolveCaptionThread(doc, thread);
    if (where?.range) out.push({ id, ...where.range });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** What an overlay marks: the field's text in the document, its threads' ranges, and what to watch for changes of either. */
interface MarkSource {
  readonly text: () => string;
  readonly marks: () => FieldMark[];
  readonly watch: (changed: () => void) => () => void;
}

/** Marks `el`'s commented words until the returned function is called. */
export function fieldCommentMarks(doc: Y.Doc, field: PlainField, el: Editable): () => void {
  const text = field === 'headline' ? headline(doc) : sapo(doc);
  return overlayMarks(doc, el, {
    text: () => text.toString(),
    marks: () => fieldMarks(doc, field),
    // Only the field's own text and the threads move its marks: the body's keystrokes do not.
    watch: (changed) => {
      text.observe(changed);
      return () => text.unobserve(changed);
    },
  });
}

/** Marks the commented words of a photo's caption field until the returned function is called. */
export function captionCommentMarks(doc: Y.Doc, photo: string, language: Language, el: Editable): () => void {
  const list = photos(doc);
  return overlayMarks(doc, el, {
    text: () => captionPlace(doc, photo, language).text,
    marks: () => captionMarks(doc, photo, language),
    watch: (changed) => {
      list.observeDeep(changed);
      return () => list.unobserveDeep(changed);
    },
  });
}

function overlayMarks(doc: Y.Doc, el: Editable, source: MarkSource): () => void {
  const box = fieldOverlay(el, 'comment-overlay');
  const overlay = box.element;
  let shown = '';
  let timer: ReturnType<typeof setTimeout> | null = null;

  const draw = () => {
    const value = el.value;
    const current = source.text();
    const marks = value === current ? source.marks() : [];
    if (value !== current) later(RETRY_MS);
    const active = activeComment(doc);
    const key = `${value}\u0000${active ?? ''}\u0000${marks.map((m) => `${m.id}:${m.start}:${m.end}`).join(',')}`;
    if (key === shown) return box.place();
    shown = key;
    overlay.replaceChildren();
    let at = 0;
    for (const m of marks) {
      // A thread inside another's words is drawn from where the other's ends.
      const from = Math.max(m.start, at);
      if (m.end <= from) continue;
      overlay.append(value.slice(at, from));
      const span = document.createElement('span');
      span.className = m.id === active ? 'comment-words comment-words--field comment-words--active' : 'comment-words comment-words--field';
      span.dataset.comment = m.id;
      span.textContent = value.slice(from, m.end);
      overlay.append(span);
      at = m.end;
    }
    // A trailing line break needs a character after it to take its line in the overlay too.
    overlay.append(value.slice(at) + '\u200b');
    box.place();
  };
  function later(ms: number) {
    timer ??= setTimeout(() => {
      timer = null;
      draw();
    }, ms);
  }
  const onUpdate = () => later(REDRAW_MS);
  const onClick = (e: Event) => {
    const { clientX, clientY } = e as MouseEvent;
    // Read once the click has placed the caret (a click inside a selection collapses it after the event).
    setTimeout(() => {
      if (el.selectionStart !== el.selectionEnd) return; // words selected with the mouse, not a click on them
      const spans = [...overlay.querySelectorAll<HTMLElement>('.comment-words')];
      const id = spans[spanAt(spans, clientX, clientY)]?.dataset.comment;
      if (id) openThread(doc, id);
      else if (activeComment(doc) !== null) setActiveComment(doc, null);
    });
  };

  const threads = commentsMap(doc);
  const unwatch = source.watch(onUpdate);
  threads.observeDeep(onUpdate);
  const offActive = onActiveComment(doc, () => draw());
  const resize = new ResizeObserver(box.place);
  resize.observe(el);
  el.addEventListener('input', draw);
  el.addEventListener('scroll', box.place);
  el.addEventListener('click', onClick);
  window.addEventListener('scroll', box.place, true);
  window.addEventListener('resize', box.place);
  draw();
  return () => {
    unwatch();
    threads.unobserveDeep(onUpdate);
    offActive();
    resize.disconnect();
    if (timer) clearTimeout(timer);
    el.removeEventListener('input', draw);
    el.removeEventListener('scroll', box.place);
    el.removeEventListener('click', onClick);
    window.removeEventListener('scroll', box.place, true);
    window.removeEventListener('resize', box.place);
    box.remove();
  };
}
