/**
 * An overlay over a plain field (an <input> or <textarea>, which cannot hold marks): a box in
 * the page's body that repeats the field's text in transparent letters with the same font,
 * padding and wrapping, so that spans inside it fall on the field's words. It follows the
 * field's place, size and scrolling when `place` is called, and takes no pointer events: the
 * field keeps every click, and `spanAt` says which of the overlay's spans a click fell on.
 */
import './field-overlay.css';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** The computed styles the overlay copies so its letters fall where the field's do. */
const COPIED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'boxSizing', 'textAlign', 'direction', 'tabSize',
] as const;

export interface FieldOverlay {
  readonly element: HTMLDivElement;
  /** Puts the overlay over the field again (after a move, a resize or a scroll). */
  place(): void;
  remove(): void;
}

export function fieldOverlay(el: Editable, className: string): FieldOverlay {
  const overlay = document.createElement('div');
  overlay.className = `field-overlay ${className}`;
  overlay.setAttribute('aria-hidden', 'true');
  document.body.append(overlay);
  return {
    element: overlay,
    place() {
      if (!el.isConnected) return;
      const rect = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      for (const p of COPIED) overlay.style[p] = css[p];
      overlay.style.whiteSpace = el instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
      overlay.style.left = `${rect.left + window.scrollX}px`;
      overlay.style.top = `${rect.top + window.scrollY}px`;
      overlay.style.width = `${rect.width}px`;
      overlay.style.height = `${rect.height}px`;
      overlay.style.display = rect.width === 0 ? 'none' : '';
      overlay.scrollTop = el.scrollTop;
      overlay.scrollLeft = el.scrollLeft;
    },
    remove: () => overlay.remove(),
  };
}

/** Which of `spans` (by index) covers the point (client coordinates); -1 when none. */
export function spanAt(spans: readonly Element[], x: number, y: number): number {
  return spans.findIndex((s) => [...s.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom));
}
