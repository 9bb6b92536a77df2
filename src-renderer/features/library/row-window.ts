/**
 * Which rows of a long table are in the page: those in sight and some either side, the others
 * stood in for by two spacer rows of about their height. A table of ten thousand rows took the
 * browser tens of seconds to lay out (style and layout, not script, measured in Chromium) and as
 * long again at each change of the list; tables up to WINDOW_FROM rows are shown whole, as
 * before. The page itself scrolls (the table is not a scroll box): the window follows the
 * document's scroll and the viewport's size. Tabbing down the rows scrolls each focused row
 * into sight, which moves the window ahead of the focus.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Tables with more rows than this are windowed. */
export const WINDOW_FROM = 300;
/** Rows kept in the page above and below those in sight. */
const OVERSCAN = 30;
/** A row's height before any is measured (a headline and a two-line lead). */
const ROW_GUESS_PX = 90;

export interface RowWindow {
  /** Rows [start, end) are in the page. */
  readonly start: number;
  readonly end: number;
  /** Heights of the spacers standing in for the rows before `start` and from `end`. */
  readonly before: number;
  readonly after: number;
}

/**
 * The rows to put in the page: those in sight and OVERSCAN either side, for a table of `count`
 * rows of about `rowPx` each whose body starts `scrolled` px above the viewport's top (negative:
 * below it).
 */
export function rowRange(count: number, scrolled: number, viewportPx: number, rowPx: number): { start: number; end: number } {
  const top = Math.max(0, scrolled);
  const start = Math.min(count, Math.max(0, Math.floor(top / rowPx) - OVERSCAN));
  const end = Math.min(count, Math.max(start, Math.ceil((top + viewportPx) / rowPx) + OVERSCAN));
  return { start, end };
}

const whole = (count: number): RowWindow => ({ start: 0, end: count, before: 0, after: 0 });

/** The rows of a table of `count` rows to put in the page; `body` is its tbody (holding the rows and the spacers). */
export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow {
  const windowed = count > WINDOW_FROM;
  const rowPx = useRef(ROW_GUESS_PX);
  const [range, setRange] = useState(() => ({ start: 0, end: Math.min(count, 2 * OVERSCAN) }));

  const place = useCallback(() => {
    const tbody = body.current;
    if (!tbody) return;
    // The rows in the page now tell the height of one (the spacers are marked and left out).
    const rows = tbody.querySelectorAll<HTMLTableRowElement>(':scope > tr:not([data-spacer])');
    if (rows.length > 0) {
      const first = rows[0]!.getBoundingClientRect();
      const last = rows[rows.length - 1]!.getBoundingClientRect();
      const measured = (last.bottom - first.top) / rows.length;
      if (measured > 0) rowPx.current = measured;
    }
    const { start, end } = rowRange(count, -tbody.getBoundingClientRect().top, window.innerHeight, rowPx.current);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [body, count]);

  useEffect(() => {
    if (!windowed) return undefined;
    let frame = 0;
    const soon = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        place();
      });
    };
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    // Focus moving to a row (Tab) scrolls it into sight, which the scroll listener follows.
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
    };
  }, [windowed, place]);

  // Once the rows are in the page (and whenever the list changes), measure them and place the window.
  useLayoutEffect(() => {
    if (windowed) place();
  }, [windowed, place]);

  if (!windowed) return whole(count);
  const start = Math.min(range.start, count);
  const end = Math.min(Math.max(range.end, start), count);
  return { start, end, before: start * rowPx.current, after: (count - end) * rowPx.current };
}
