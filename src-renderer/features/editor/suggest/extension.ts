/**
 * Suggestion mode in the body editor: the marks, the rewriting of the writer's transactions
 * into proposals while suggesting (transform.ts) and the keys that toggle the mode and settle
 * suggestions (resolve.ts).
 *
 * Left as they are: changes that came from the shared document (other desks, undo and redo —
 * an undone proposal is simply undone), transactions settling suggestions, and those that
 * change nothing.
 */
import { Extension, type AnyExtension } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { SuggestDeleteMark, SuggestFormatMark, SuggestInsertMark } from './marks';
import { SETTLING, settleCommand } from './resolve';
import { suggestTransaction } from './transform';

export interface SuggestOptions {
  /** Whether the writer is suggesting now (read at each transaction). */
  readonly suggesting: () => boolean;
  /** Who suggests: the login name, '' without one. */
  readonly author: () => string;
  /** How an author is named in a suggestion's tooltip. */
  readonly authorName: (author: string) => string;
  /** Ctrl+Shift+E: the writer asks to switch suggesting on or off. */
  readonly onToggle: () => void;
}

/** For an editor that never suggests (it still shows suggestions and settles them). */
export const NOT_SUGGESTING: SuggestOptions = { suggesting: () => false, author: () => '', authorName: (author) => author, onToggle: () => undefined };

/** A new suggestion id, unique across desks. */
export function newSuggestionId(): string {
  return crypto.randomUUID();
}

function leftAlone(tr: Transaction): boolean {
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !tr.docChanged || sync?.isChangeOrigin === true || tr.getMeta(SETTLING) === true;
}

export function suggestExtensions(options: SuggestOptions): AnyExtension[] {
  const names = { authorName: options.authorName };
  return [
    SuggestInsertMark.configure(names),
    SuggestDeleteMark.configure(names),
    SuggestFormatMark.configure(names),
    Extension.create({
      name: 'suggestMode',
      dispatchTransaction({ transaction, next }) {
        if (!options.suggesting() || leftAlone(transaction)) return next(transaction);
        const proposed = suggestTransaction(this.editor.state, transaction, { author: options.author(), now: Date.now(), newId: newSuggestionId });
        next(proposed ?? transaction);
      },
      addKeyboardShortcuts() {
        const settle = (scope: 'here' | 'all', accept: boolean) => () => settleCommand(this.editor.state, (tr) => this.editor.view.dispatch(tr), scope, accept);
        return {
          'Mod-Shift-e': () => {
            options.onToggle();
            return true;
          },
          'Mod-Alt-a': settle('here', true),
          'Mod-Alt-r': settle('here', false),
          'Mod-Alt-Shift-a': settle('all', true),
          'Mod-Alt-Shift-r': settle('all', false),
        };
      },
    }),
  ];
}
