/**
 * Whether a person suggests in an article, remembered per person per article on this desk
 * (this browser profile's localStorage: a way of working on one story, not a desk setting nor
 * part of the story). The person is the desk's login; before any login, the desk's own user.
 * Two people signing in on one desk in turn each find their own mode. Off unless switched on.
 */
const PREFIX = 'bantin.suggesting.';

/**
 * Where one person's mode in one article is kept. The desk's own user (no login, '') keeps the
 * key the mode had before it was told apart per person, so it is not lost; a login's key adds
 * its name, escaped so no name reaches into another's key.
 */
export function suggestingKey(articleId: string, user: string): string {
  return user ? `${PREFIX}${articleId}@${encodeURIComponent(user)}` : PREFIX + articleId;
}

export function loadSuggesting(articleId: string, user: string, storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  if (!articleId) return false;
  try {
    return storage?.getItem(suggestingKey(articleId, user)) === '1';
  } catch {
    return false;
  }
}

export function saveSuggesting(articleId: string, user: string, on: boolean, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  if (!articleId) return;
  const key = suggestingKey(articleId, user);
  try {
    if (on) storage?.setItem(key, '1');
    else storage?.removeItem(key);
  } catch {
    // A full or refused storage only forgets the mode for next time.
  }
  const told = listeners.get(key);
  // After the caller's own state update: a listener may set state of another component.
  if (told) queueMicrotask(() => told.forEach((listener) => listener(on)));
}

/** Who follows one person's mode in an article on this page: the body's toolbar, the headline and the lead. */
const listeners = new Map<string, Set<(on: boolean) => void>>();

/** Calls `listener` whenever `user`'s mode in `articleId` is switched on this page; returns the unsubscribe. */
export function onSuggestingChange(articleId: string, user: string, listener: (on: boolean) => void): () => void {
  const key = suggestingKey(articleId, user);
  const set = listeners.get(key) ?? new Set();
  listeners.set(key, set.add(listener));
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(key);
  };
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
