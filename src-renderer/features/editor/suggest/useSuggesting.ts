/**
 * The signed-in person's suggestion mode in an article (mode.ts), live: it follows a switch
 * made anywhere on the page (the body's toolbar, Ctrl+Shift+E in the headline or the lead) and
 * a change of login — the next person on this desk finds their own mode, not the last one's.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useSyncUser } from '../../sync/useSyncStatus';
import { loadSuggesting, onSuggestingChange, saveSuggesting } from './mode';

export interface SuggestingMode {
  readonly on: boolean;
  /** Whose mode it is: the login name, '' for the desk's own user. */
  readonly user: string;
  readonly toggle: () => void;
}

export function useSuggesting(articleId: string): SuggestingMode {
  const user = useSyncUser();
  const subscribe = useCallback((notify: () => void) => onSuggestingChange(articleId, user, notify), [articleId, user]);
  const on = useSyncExternalStore(subscribe, () => loadSuggesting(articleId, user));
  const toggle = useCallback(() => saveSuggesting(articleId, user, !loadSuggesting(articleId, user)), [articleId, user]);
  return { on, user, toggle };
}
