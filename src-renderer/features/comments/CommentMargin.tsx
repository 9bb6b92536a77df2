/**
 * The margin: the open threads beside their words, to the right of the article's text, where
 * the text column is wide enough (a container query in comments.css; narrower, the Comments tab
 * is the place). Each card is the tab's thread (reply, resolve, its words), placed at the height
 * of its words and kept from the others (margin-layout.ts); the margin scrolls with the text, as
 * it is part of the same page. The thread in focus — its card focused, or its words clicked —
 * sits exactly beside its words and shows its reply box.
 *
 * Cards are placed by measuring the marked words (the body's decorations, the fields' overlays)
 * once anything that can move them pauses: the document changing, the column resizing, a card
 * growing.
 * Keyboard: Tab reaches the cards in the order of their words, Up/Down moves between them.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { COMMENT_FIELDS, type CommentThread } from '../../../src-shared/comments';
import { useSyncStatus } from '../sync/useSyncStatus';
import { onOpenThread, setMarginShown } from './comment-bus';
import { moveBetweenThreads, Thread } from './CommentThread';
import { placeCards } from './margin-layout';
import { useActiveComment } from './useActiveComment';
import { useThreads } from './useThreads';

const GAP_PX = 8;
const SETTLE_MS = 100;

/** Open threads on words still there, in the order of their words (headline, lead, body, captions). */
function inMargin(threads: readonly CommentThread[]): CommentThread[] {
  const order = (t: CommentThread) => COMMENT_FIELDS.indexOf(t.field);
  // Captions in the order of their photos, each photo's Vietnamese caption before its English one.
  const photo = (t: CommentThread) => (t.caption ? (t.caption.index ?? 0) * 2 + (t.caption.language === 'en' ? 1 : 0) : 0);
  return threads.filter((t) => !t.resolved && t.range).sort((a, b) => order(a) - order(b) || photo(a) - photo(b) || a.range!.start - b.range!.start);
}

/**
 * The first marked element of a thread's words on screen (the tab's and the margin's cards are
 * no words). A caption's words are on screen only while the Photos tab shows them: the card is
 * then beside the caption, and hidden otherwise.
 */
function wordsOf(id: string): Element | null {
  return [...document.querySelectorAll(`.comment-words[data-comment="${CSS.escape(id)}"]`)].find((el) => el.getClientRects().length > 0) ?? null;
}

export function CommentMargin({ doc }: { readonly doc: Y.Doc }) {
  const { t } = useTranslation('workspace');
  const author = useSyncStatus()?.user ?? '';
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [wide, setWide] = useState(false);
  const all = useThreads(doc, wide, true);
  const threads = useMemo(() => inMargin(all), [all]);
  const active = useActiveComment(doc);
  const heading = useId();

  /** Each card to its words' height. Written to the cards' style directly: it follows every keystroke's reflow without a render. */
  const layout = useRef(() => {});
  layout.current = () => {
    const margin = box.current;
    const shown = !!margin && getComputedStyle(margin).display !== 'none';
    setMarginShown(doc, shown);
    setWide(shown);
    if (!margin || !shown) return;
    const top = margin.getBoundingClientRect().top;
    const cards = [...(list.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
    const wants = [];
    for (const card of cards) {
      const words = wordsOf(card.dataset.comment ?? '');
      card.hidden = !words;
      if (words) wants.push({ id: card.dataset.comment!, top: words.getBoundingClientRect().top - top, height: card.offsetHeight });
    }
    const placed = new Map(placeCards(wants, GAP_PX, active).map((p) => [p.id, p.top]));
    let bottom = 0;
    for (const card of cards) {
      const at = placed.get(card.dataset.comment ?? '');
      if (at === undefined) continue;
      card.style.top = `${at}px`;
      bottom = Math.max(bottom, at + card.offsetHeight);
    }
    // Cards reaching below the text keep the page long enough to be scrolled to.
    margin.style.minHeight = `${bottom}px`;
  };

  useLayoutEffect(() => layout.current());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    // Once changes pause, and after the next paint: the page's layout is then clean, so
    // measuring the words costs no layout of its own (typing never waits for the cards).
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          timer = setTimeout(() => {
            timer = null;
            layout.current();
          });
        });
      }, SETTLE_MS);
    };
    const margin = box.current;
    const sizes = new ResizeObserver(soon);
    if (margin?.parentElement) sizes.observe(margin.parentElement);
    const cards = new MutationObserver(() => {
      for (const card of list.current?.children ?? []) sizes.observe(card);
      soon();
    });
    if (list.current) cards.observe(list.current, { childList: true });
    // Another inspector tab shown (the Photos tab, with the captions' words, or not).
    const tabs = new MutationObserver(soon);
    const inspector = margin?.closest('.article-layout');
    if (inspector) tabs.observe(inspector, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    doc.on('update', soon);
    window.addEventListener('resize', soon);
    const offOpen = onOpenThread(doc, soon);
    return () => {
      if (timer) clearTimeout(timer);
      cancelAnimationFrame(frame);
      sizes.disconnect();
      cards.disconnect();
      tabs.disconnect();
      doc.off('update', soon);
      window.removeEventListener('resize', soon);
      offOpen();
      setMarginShown(doc, false);
    };
  }, [doc]);

  return (
    <div className="comment-margin" ref={box}>
      <section aria-labelledby={heading}>
        <h2 className="sr-only" id={heading}>
          {t('comments.margin')}
        </h2>
        <ol className="comment-margin__list" ref={list}>
          {wide &&
            threads.map((thread) => (
              <Thread key={thread.id} doc={doc} thread={thread} author={author} active={thread.id === active} onKeyDown={moveBetweenThreads} className="comment-margin__card" />
            ))}
        </ol>
      </section>
    </div>
  );
}
