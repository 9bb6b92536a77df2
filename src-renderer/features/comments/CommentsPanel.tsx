/**
 * The Comments tab: every thread of the article (open, resolved or all), each with the words it
 * is on now (or, detached, the words it was made on), its author and time, its replies, a reply
 * box and Resolve/Reopen. A new comment starts from a field's selection (Ctrl+Alt+M there, or
 * the tab's button for the field the writer was last in): the tab comes forward with a box for
 * it, and posting or cancelling gives the caret back to the field.
 *
 * Keyboard: Up/Down on a thread moves to the previous/next one; its words button selects the
 * words in their field; Ctrl+Enter posts a comment or a reply.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addComment, reopenComment, reply, resolveComment, type CommentAnchor, type CommentThread } from '../../../src-shared/comments';
import { formatDateTime } from '../../shared/format';
import { useSyncStatus } from '../sync/useSyncStatus';
import { USER_ORIGIN } from '../article/origins';
import { commentTarget, onCommentRequest, setActiveComment, showCommentWords } from './comment-bus';
import { useThreads } from './useThreads';
import './comments.css';

type Filter = 'open' | 'resolved' | 'all';
const FILTERS: readonly Filter[] = ['open', 'resolved', 'all'];

/** Ctrl+Enter (Cmd+Enter) in a comment box posts it. */
const isPostKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

export function CommentsPanel({ doc, shown, onOpen }: { readonly doc: Y.Doc; readonly shown: boolean; readonly onOpen: () => void }) {
  const { t } = useTranslation('workspace');
  const author = useSyncStatus()?.user ?? '';
  const threads = useThreads(doc, shown);
  const [filter, setFilter] = useState<Filter>('open');
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [hint, setHint] = useState(false);
  const draftBox = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLOListElement>(null);
  /** Where the writer asked from: the caret goes back there after the new comment. */
  const from = useRef<HTMLElement | null>(null);
  const heading = useId();
  const latestOpen = useRef(onOpen);
  latestOpen.current = onOpen;

  const ask = (anchor: CommentAnchor | null) => {
    from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDraft(anchor);
    setHint(anchor === null);
    latestOpen.current();
  };
  useEffect(() => onCommentRequest(doc, ask), [doc]);
  useEffect(() => {
    if (draft) draftBox.current?.focus();
  }, [draft]);

  const giveBack = () => {
    const el = from.current;
    from.current = null;
    if (el?.isConnected) el.focus();
  };
  const post = () => {
    const text = draftBox.current?.value.trim() ?? '';
    if (!draft || !text) return;
    doc.transact(() => addComment(doc, draft, { author, text }), USER_ORIGIN);
    setDraft(null);
    setFilter((f) => (f === 'resolved' ? 'open' : f));
    giveBack();
  };
  const cancel = () => {
    setDraft(null);
    giveBack();
  };

  const counts = { open: threads.filter((x) => !x.resolved).length, resolved: threads.filter((x) => x.resolved).length, all: threads.length };
  const listed = threads.filter((x) => (filter === 'all' ? true : filter === 'open' ? !x.resolved : !!x.resolved));

  /** Up/Down between threads, on the thread itself (not inside its reply box). */
  const onThreadKey = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    const items = [...(list.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
    const at = items.indexOf(e.currentTarget);
    const next = items[e.key === 'ArrowDown' ? at + 1 : at - 1];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };

  return (
    <section className="comments" aria-labelledby={heading}>
      <h2 className="side-title" id={heading}>
        {t('comments.title')}
      </h2>
      <p className="field__hint">{t('comments.addHint')}</p>
      <button type="button" className="button button--small" onMouseDown={(e) => e.preventDefault()} onClick={() => ask(commentTarget(doc))}>
        {t('comments.add')}
      </button>
      {hint && (
        <p className="comments__notice" role="status">
          {t('comments.noSelection')}
        </p>
      )}
      {draft && (
        <form
          className="comments__new"
          onSubmit={(e) => {
            e.preventDefault();
            post();
          }}
        >
          <label className="field__label" htmlFor={`${heading}-new`}>
            {t('comments.newLabel', { quote: draft.quote })}
          </label>
          <textarea
            id={`${heading}-new`}
            ref={draftBox}
            className="input comments__box"
            rows={3}
            onKeyDown={(e) => {
              if (isPostKey(e)) {
                e.preventDefault();
                post();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                cancel();
              }
            }}
          />
          <div className="comments__actions">
            <button type="submit" className="button button--primary button--small">
              {t('comments.save')}
            </button>
            <button type="button" className="button button--small" onClick={cancel}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="comments__filters" role="radiogroup" aria-label={t('comments.filter')}>
        {FILTERS.map((f) => (
          <label key={f} className="comments__filter">
            <input type="radio" name={`${heading}-filter`} value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {t(`comments.filters.${f}`, { n: counts[f] })}
          </label>
        ))}
      </div>
      {listed.length === 0 ? (
        <p className="muted">{threads.length === 0 ? t('comments.empty') : t('comments.emptyFiltered')}</p>
      ) : (
        <>
          <p className="sr-only">{t('comments.keys')}</p>
          <ol className="comments__list" ref={list}>
            {listed.map((thread) => (
              <Thread key={thread.id} doc={doc} thread={thread} author={author} onKeyDown={onThreadKey} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Thread({ doc, thread, author, onKeyDown }: { readonly doc: Y.Doc; readonly thread: CommentThread; readonly author: string; readonly onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void }) {
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
      className={thread.resolved ? 'comment comment--resolved' : 'comment'}
      data-comment={thread.id}
      tabIndex={0}
      aria-label={t('comments.thread', { author: name(thread.author), words })}
      onKeyDown={onKeyDown}
      onFocus={() => setActiveComment(doc, thread.id)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActiveComment(doc, null);
      }}
    >
      <p className="comment__field">{t(`comments.field.${thread.field}`)}</p>
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
