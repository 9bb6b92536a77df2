/**
 * The inspector's width for a layout element: the remembered width, kept within bounds as the
 * window (and so the layout) changes size, saved as it changes (a few short writes to
 * localStorage while a drag lasts cost nothing noticeable).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { clampWidth, loadInspectorWidth, saveInspectorWidth } from './inspector-width';

export interface InspectorWidth {
  readonly layout: RefObject<HTMLDivElement | null>;
  /** The width shown: the wanted one within the layout's bounds. */
  readonly width: number;
  readonly total: number;
  readonly resize: (width: number) => void;
}

export function useInspectorWidth(): InspectorWidth {
  const layout = useRef<HTMLDivElement | null>(null);
  const [wanted, setWanted] = useState(() => loadInspectorWidth());
  const [total, setTotal] = useState(() => (typeof window === 'undefined' ? 1280 : window.innerWidth));
  const chosen = useRef(false);

  useEffect(() => {
    if (chosen.current) saveInspectorWidth(wanted);
  }, [wanted]);

  useEffect(() => {
    const el = layout.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setTotal(el.clientWidth));
    observer.observe(el);
    setTotal(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const width = clampWidth(wanted, total);
  return {
    layout,
    width,
    total,
    // What is wanted stays within bounds, so a drag past the edge does not need undoing.
    resize: (next) => {
      chosen.current = true;
      setWanted(clampWidth(next, total));
    },
  };
}
