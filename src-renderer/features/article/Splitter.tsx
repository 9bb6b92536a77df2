/**
 * The handle between the article's text and the inspector: dragged with a pointer, or focused
 * and moved with the arrow keys (Home/End for the narrowest and widest), as a WAI-ARIA window
 * splitter (role "separator" with its value). The width is remembered (useInspectorWidth).
 */
import { useTranslation } from 'react-i18next';
import type { KeyboardEvent, PointerEvent } from 'react';
import { INSPECTOR_WIDTH, maxInspectorWidth } from './inspector-width';

export interface SplitterProps {
  readonly width: number;
  /** The layout's width, which bounds the inspector's. */
  readonly total: number;
  readonly controls: string;
  readonly onResize: (width: number) => void;
}

export function Splitter({ width, total, controls, onResize }: SplitterProps) {
  const { t } = useTranslation('workspace');
  const max = maxInspectorWidth(total);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = width;
    // The inspector is on the right: dragging left widens it.
    const move = (ev: globalThis.PointerEvent) => onResize(startWidth + (startX - ev.clientX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? INSPECTOR_WIDTH.step * 4 : INSPECTOR_WIDTH.step;
    const next = e.key === 'ArrowLeft' ? width + step : e.key === 'ArrowRight' ? width - step : e.key === 'Home' ? INSPECTOR_WIDTH.min : e.key === 'End' ? max : null;
    if (next === null) return;
    e.preventDefault();
    onResize(next);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('inspector.resize')}
      aria-description={t('inspector.resizeHint')}
      aria-controls={controls}
      aria-valuemin={INSPECTOR_WIDTH.min}
      aria-valuemax={max}
      aria-valuenow={Math.round(width)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
