/**
 * The inspector's width: what the person dragged it to, remembered in this browser profile
 * (localStorage: a layout preference of this screen, not a desk setting), kept within bounds
 * that leave the text a usable column at any window width.
 */
const KEY = 'bantin.inspectorWidth';

export const INSPECTOR_WIDTH = { min: 288, max: 720, default: 384, step: 24 } as const;

/** The widest the inspector may be beside a text column of at least 30rem in a layout `total` px wide. */
export function maxInspectorWidth(total: number): number {
  return Math.max(INSPECTOR_WIDTH.min, Math.min(INSPECTOR_WIDTH.max, Math.floor(total - 480)));
}

export function clampWidth(width: number, total: number): number {
  return Math.round(Math.min(maxInspectorWidth(total), Math.max(INSPECTOR_WIDTH.min, width)));
}

export function loadInspectorWidth(storage: Pick<Storage, 'getItem'> | null = safeStorage()): number {
  const raw = Number(storage?.getItem(KEY));
  return Number.isFinite(raw) && raw > 0 ? raw : INSPECTOR_WIDTH.default;
}

export function saveInspectorWidth(width: number, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(KEY, String(Math.round(width)));
  } catch {
    // A full or refused storage only forgets the width: the layout still works.
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
