/**
 * Whether the writer suggests in an article, remembered per article on this desk (this browser
 * profile's localStorage: a way of working on one story, not a desk setting nor part of the
 * story). Off unless switched on.
 */
const PREFIX = 'bantin.suggesting.';

export function loadSuggesting(articleId: string, storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  if (!articleId) return false;
  try {
    return storage?.getItem(PREFIX + articleId) === '1';
  } catch {
    return false;
  }
}

export function saveSuggesting(articleId: string, on: boolean, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  if (!articleId) return;
  try {
    if (on) storage?.setItem(PREFIX + articleId, '1');
    else storage?.removeItem(PREFIX + articleId);
  } catch {
    // A full or refused storage only forgets the mode for next time.
  }
  const told = listeners.get(articleId);
  // After the caller's own state update: a listener may set state of another component.
  if (told) queueMicrotask(() => told.forEach((listener) => listener(on)));
}

/** Who follows the mode of an article on this page: the body's toolbar, the headline and the lead. */
const listeners = new Map<string, Set<(on: boolean) => void>>();

/** Calls `listener` whenever the mode of `articleId` is switched on this page; returns the unsubscribe. */
export function onSuggestingChange(articleId: string, listener: (on: boolean) => void): () => void {
  const set = listeners.get(articleId) ?? new Set();
  listeners.set(articleId, set.add(listener));
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(articleId);
  };
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
