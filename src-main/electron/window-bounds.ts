/**
 * Where the window opens: the saved size and position (settings.windowState), kept on a display
 * that still exists and fully inside its work area; a first start or a lost display opens a
 * centred window on the primary display.
 */
import type { WindowState } from '../../src-shared/models';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A display as Electron describes it; only its work area (without task bars) matters here. */
export interface DisplayArea {
  readonly workArea: Rect;
}

export interface RestoredBounds {
  /** Absent: let the window centre itself. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 860;
const MIN_WIDTH = 320;
const MIN_HEIGHT = 240;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** The saved size, shrunk to fit `area` when there is one; no position, so the window centres. */
function centred(width: number, height: number, maximized: boolean, area: Rect | undefined): RestoredBounds {
  return {
    width: area ? clamp(width, MIN_WIDTH, area.width) : width,
    height: area ? clamp(height, MIN_HEIGHT, area.height) : height,
    maximized,
  };
}

/**
 * `displays[0]` is the primary display. The saved window goes to the display it overlaps most;
 * its size shrinks to fit that display's work area and it is moved fully inside it. A first
 * start, a state without position, or a display that is gone opens centred on the primary one.
 */
export function restoreBounds(saved: WindowState | null, displays: readonly DisplayArea[]): RestoredBounds {
  const primary = displays[0]?.workArea;
  if (!saved) return centred(DEFAULT_WIDTH, DEFAULT_HEIGHT, false, primary);
  if (saved.x === undefined || saved.y === undefined) return centred(saved.width, saved.height, saved.maximized, primary);
  const rect: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const d of displays) {
    const o = overlap(rect, d.workArea);
    if (o > bestOverlap) {
      best = d.workArea;
      bestOverlap = o;
    }
  }
  if (!best) return centred(saved.width, saved.height, saved.maximized, primary);
  const width = clamp(saved.width, MIN_WIDTH, best.width);
  const height = clamp(saved.height, MIN_HEIGHT, best.height);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - width),
    y: clamp(saved.y, best.y, best.y + best.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}

/** What is saved: the window's normal (not maximized, not full-screen) bounds, in whole pixels. */
export function windowStateFrom(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(MIN_WIDTH, Math.round(normalBounds.width)),
    height: Math.max(MIN_HEIGHT, Math.round(normalBounds.height)),
    maximized,
  };
}

export function sameWindowState(a: WindowState | null, b: WindowState): boolean {
  return a !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.maximized === b.maximized;
}
