/**
 * Asking the article page's history panel to show one version (opened, that version chosen,
 * its differences with now on screen): the merge notice links to the "before merging" version.
 */
type Listener = (version: string) => void;

const listeners = new Map<string, Set<Listener>>();

export function showVersion(articleId: string, version: string): void {
  for (const listener of listeners.get(articleId) ?? []) listener(version);
}

/** Calls `listener` whenever a version of this article is asked for; returns the unsubscribe. */
export function onShowVersion(articleId: string, listener: Listener): () => void {
  const set = listeners.get(articleId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(articleId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(articleId);
  };
}
