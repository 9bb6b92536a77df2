/**
 * One comment thread as the Comments tab and the margin show it: the words it is on now (a
 * button that selects them in their field) or, detached, the words it was made on; who wrote it
 * and when; its replies; a reply box (Ctrl+Enter sends) and Resolve / Reopen. Focusing it marks
 * its words as the thread in focus.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { reopenComment, reply, resolveComment, type CommentThread } from '../../../src-shared/comments';
import { formatDateTime } from '../../shared/format';
import { USER_ORIGIN } from '../article/origins';
import { setActiveComment, showCommentWords } from './comment-bus';

/** Ctrl+Enter (Cmd+Enter) in a comment box posts it. */
export const isPostKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** Up/Down on a thread itself (not inside its reply box) moves to the previous/next one of its list. */
export function moveBetweenThreads(e: KeyboardEvent<HTMLLIElement>): void {
  if (e.target !== e.currentTarget || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
  const items = [...(e.currentTarget.parentElement?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
  const at = items.indexOf(e.currentTarget);
  const next = items[e.key === 'ArrowDown' ? at + 1 : at - 1];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

/** Where a thread's words are: its field, or for a caption the photo's number and the caption's language. */
export function placeOf(thread: CommentThread, t: TFunction<'workspace'>): string {
  const c = thread.caption;
  if (!c) return t(`comments.field.${thread.field}`);
  return c.index === null ? t(`comments.captionGone.${c.language}`) : t(`comments.captionOf.${c.language}`, { n: c.index + 1 });
}

export function Thread({
  doc,
  thread,
  author,
  active = false,
  onKeyDown,
  className = '',
}: {
  readonly doc: Y.Doc;
  readonly thread: CommentThread;
  readonly author: string;
  readonly active?: boolean;
  readonly onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  readonly className?: string;
}) {
  const { t } = useTranslation('workspace');
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const name = (who: string) => who || t('comments.thisDesk');
  const words = thread.detached ? thread.quote : thread.current;
  const send = () => {
    const text = box.current?.value.trim() ?? '';
    if (!text) return;
    doc.transact(() => reply(doc, thread.id, { author, text }), USER_ORIGIN);
    if (box.current) box.current.value = '';
  };
  const toggle = () => doc.transact(() => (thread.resolved ? reopenComment(doc, thread.id) : resolveComment(doc, thread.id, author)), USER_ORIGIN);
  const said = (who: string, at: string, text: string, key?: string): ReactNode => (
    <div className="comment__said" key={key}>
      <p className="comment__meta">
        <span className="comment__author">{name(who)}</span> · <time dateTime={at}>{formatDateTime(at)}</time>
      </p>
      <p className="comment__text">{text}</p>
    </div>
  );
  return (
    <li
      className={['comment', thread.resolved ? 'comment--resolved' : '', active ? 'comment--active' : '', className].filter(Boolean).join(' ')}
      data-comment={thread.id}
      tabIndex={0}
      aria-label={t('comments.thread', { author: name(thread.author), words })}
      onKeyDown={onKeyDown}
      onFocus={() => setActiveComment(doc, thread.id)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActiveComment(doc, null);
      }}
    >
      <p className="comment__field">{placeOf(thread, t)}</p>
      {thread.detached ? (
        <p className="comment__words comment__words--detached">{t('comments.detached', { quote: thread.quote })}</p>
      ) : (
        <button type="button" className="comment__words" aria-label={t('comments.showWords', { words: thread.current })} onClick={() => showCommentWords(doc, thread.id)}>
          “{thread.current}”
        </button>
      )}
      {!thread.detached && thread.current !== thread.quote && <p className="comment__quote">{t('comments.changed', { quote: thread.quote })}</p>}
      {said(thread.author, thread.at, thread.text)}
      {thread.replies.length > 0 && (
        <ol className="comment__replies">
          {thread.replies.map((r, i) => (
            <li key={r.id || i}>{said(r.author, r.at, r.text)}</li>
          ))}
        </ol>
      )}
      {thread.resolved && <p className="comment__resolved">{t('comments.resolvedBy', { by: name(thread.resolved.by), at: formatDateTime(thread.resolved.at) })}</p>}
      <form
        className="comment__reply"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label className="sr-only" htmlFor={`${id}-reply`}>
          {t('comments.replyLabel')}
        </label>
        <textarea
          id={`${id}-reply`}
          ref={box}
          className="input comments__box"
          rows={1}
          placeholder={t('comments.replyLabel')}
          onKeyDown={(e) => {
            if (isPostKey(e)) {
              e.preventDefault();
              send();
            }
          }}
        />
        <div className="comments__actions">
          <button type="submit" className="button button--small">
            {t('comments.reply')}
          </button>
          <button type="button" className="button button--small" onClick={toggle}>
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      </form>
    </li>
  );
}
