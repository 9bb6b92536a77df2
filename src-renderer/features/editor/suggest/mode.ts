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
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
