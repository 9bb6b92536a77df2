/**
 * The Comments tab: every thread of the article (open, resolved or all), each with the words it
 * is on now (or, detached, the words it was made on), its author and time, its replies, a reply
 * box and Resolve/Reopen. A new comment starts from a field's selection (Ctrl+Alt+M there, or
 * the tab's button for the field the writer was last in): the tab comes forward with a box for
 * it, and posting or cancelling gives the caret back to the field.
 *
 * Keyboard: Up/Down on a thread moves to the previous/next one; its words button selects the
 * words in their field; Ctrl+Enter posts a comment or a reply. A click on commented words in
 * the text brings their thread forward here (marked as in focus), unless the margin shows it.
 * The margin (CommentMargin.tsx) is drawn from here into the article's text column.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addComment, type CommentAnchor } from '../../../src-shared/comments';
import { useSyncStatus } from '../sync/useSyncStatus';
import { USER_ORIGIN } from '../article/origins';
import { commentTarget, marginShown, onCommentRequest, onOpenThread, showPhotos } from './comment-bus';
import { CommentMargin } from './CommentMargin';
import { isPostKey, moveBetweenThreads, Thread } from './CommentThread';
import { useActiveComment } from './useActiveComment';
import { useThreads } from './useThreads';
import './comments.css';

type Filter = 'open' | 'resolved' | 'all';
const FILTERS: readonly Filter[] = ['open', 'resolved', 'all'];

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
  const panel = useRef<HTMLElement>(null);
  /** The article's text column, which the margin is drawn into (beside the words, not in the inspector). */
  const [textColumn, setTextColumn] = useState<Element | null>(null);
  useLayoutEffect(() => setTextColumn(panel.current?.closest('.article-layout')?.querySelector('.article-main') ?? null), []);
  const latestOpen = useRef(onOpen);
  latestOpen.current = onOpen;

  const ask = (anchor: CommentAnchor | null) => {
    from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDraft(anchor);
    setHint(anchor === null);
    latestOpen.current();
  };
  useEffect(() => onCommentRequest(doc, ask), [doc]);
  const active = useActiveComment(doc);
  /** A thread opened from its words, shown here when the margin does not show it. */
  const [opened, setOpened] = useState<{ readonly id: string } | null>(null);
  useEffect(
    () =>
      onOpenThread(doc, (id) => {
        if (marginShown(doc)) return;
        setFilter((f) => (f === 'resolved' ? 'open' : f));
        setOpened({ id });
        latestOpen.current();
      }),
    [doc],
  );
  useEffect(() => {
    if (opened) list.current?.querySelector(`:scope > li[data-comment="${CSS.escape(opened.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [opened, threads]);
  useEffect(() => {
    if (draft) draftBox.current?.focus();
  }, [draft]);

  const giveBack = () => {
    const el = from.current;
    from.current = null;
    if (!el?.isConnected) return;
    // A caption is in the Photos tab, hidden behind this one: it comes forward first.
    if (el.closest('.photos-panel')) {
      showPhotos(doc);
      requestAnimationFrame(() => el.focus());
    } else el.focus();
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


  return (
    <section className="comments" aria-labelledby={heading} ref={panel}>
      {textColumn && createPortal(<CommentMargin doc={doc} />, textColumn)}
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
              <Thread key={thread.id} doc={doc} thread={thread} author={author} active={thread.id === active} onKeyDown={moveBetweenThreads} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
