/**
 * The body editor's schema and behaviour: the blocks and marks a news story uses (paragraph,
 * headings 2 and 3, quote, bullet and numbered lists, bold, italic, links, line breaks, photos),
 * bound to the article's `body` with y-tiptap (text edits placed where they were made:
 * anchored-sync.ts), NFC on every entrance, Word's shortcuts.
 *
 * What StarterKit brings that a story has no use for (code, strike, underline, rules) is left
 * out, so the body holds only what `bodyHtml` and the exporters know. Its own undo history is
 * off: the shared undo manager (undo.ts) takes its place. Its trailing-node plugin is off too:
 * it would add a paragraph to an opened article by itself, and the renderer's replica never
 * writes content on its own.
 *
 * With an awareness (presence, see features/sync/presence.ts), the others' carets and
 * selections are drawn by y-tiptap's cursor plugin, each with its owner's name in their colour;
 * without one the editor is the same minus the carets.
 */
import { Extension, type AnyExtension } from '@tiptap/core';
import { dispatchFromOutside } from './outside-dispatch';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import { yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { body } from '../../../src-shared/article-doc';
import { AnchoredSync } from './anchored-sync';
import { isSafeHref } from './links';
import { NfcText } from './nfc-plugin';
import { SelectionBeforeKeys } from './selection-before-keys';
import { PhotoNode, type PhotoNodeOptions } from './photo-node';
import { BlockIds } from './block-ids';
import { SpellcheckBody } from '../spell/body-plugin';
import { bodyComments } from '../comments/body-comments';
import { StaleBlocks } from '../translation/stale-plugin';
import { NOT_SUGGESTING, suggestExtensions, type SuggestOptions } from './suggest/extension';

export interface BodyExtensionOptions {
  readonly doc: Y.Doc;
  readonly undoManager: Y.UndoManager;
  readonly photos: PhotoNodeOptions;
  /** Ctrl/Cmd+K: ask the writer for a link address. */
  readonly onLinkKey: () => void;
  /** Presence in the article: the others' carets are shown when given. */
  readonly awareness?: Awareness | null;
  /** Suggestion mode (its marks are in the schema whether or not this is given). */
  readonly suggest?: SuggestOptions;
}

/**
 * Another writer's caret: a bar in their colour, their name shown above it by CSS from
 * `data-name` (no text node: the body's text, copied or read out, stays the article's). The
 * colour is set through CSSOM, which the CSP allows (it forbids style attributes).
 */
function caretOf(user: { readonly name?: unknown; readonly color?: unknown }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'presence-caret';
  caret.style.setProperty('--presence-color', typeof user.color === 'string' ? user.color : '#4a5567');
  caret.dataset.name = typeof user.name === 'string' ? user.name : '';
  caret.setAttribute('aria-hidden', 'true');
  return caret;
}

/** Whether anyone but this window is present (a state with a user) in the awareness. */
function othersPresent(awareness: Awareness): boolean {
  for (const [client, state] of awareness.getStates()) if (client !== awareness.clientID && (state as { user?: unknown }).user) return true;
  return false;
}

/**
 * The others' carets and selections (y-tiptap's cursor plugin over the article's awareness),
 * plugged in only while someone else is in the article: the plugin maps the caret into the Y
 * document on every transaction (about 1 ms a key in a long article), work with no reader when
 * the writer is alone.
 */
function presenceCarets(awareness: Awareness): AnyExtension {
  const plugin = () =>
    yCursorPlugin(awareness, {
      cursorBuilder: (user: { name?: unknown; color?: unknown }) => caretOf(user),
      // Decoration attributes reach the DOM through CSSOM (style.cssText), which the CSP allows.
      selectionBuilder: (user: { color?: unknown }) => ({ class: 'presence-selection', style: `background-color: ${typeof user.color === 'string' ? user.color : '#4a5567'}33` }),
    });
  let unlisten: (() => void) | null = null;
  return Extension.create({
    name: 'presenceCarets',
    onCreate() {
      const editor = this.editor;
      let plugged = false;
      const follow = () => {
        const wanted = othersPresent(awareness);
        if (wanted === plugged || editor.isDestroyed) return;
        plugged = wanted;
        if (wanted) {
          editor.registerPlugin(plugin());
          // The plugin publishes this window's caret on the view's next update: make one now.
          dispatchFromOutside(editor.view, (state) => state.tr.setMeta('addToHistory', false));
        } else {
          editor.unregisterPlugin(yCursorPluginKey); // its view, destroyed, takes the caret out of our presence
        }
      };
      awareness.on('change', follow);
      unlisten = () => awareness.off('change', follow);
      follow();
    },
    onDestroy() {
      unlisten?.();
      unlisten = null;
    },
  });
}

export function bodyExtensions(options: BodyExtensionOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        protocols: ['mailto'],
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
    Collaboration.configure({ fragment: body(options.doc), yUndoOptions: { undoManager: options.undoManager } }),
    AnchoredSync,
    PhotoNode.configure(options.photos),
    NfcText,
    SelectionBeforeKeys,
    Extension.create({
      name: 'deskShortcuts',
      addKeyboardShortcuts() {
        return {
          'Mod-k': () => {
            options.onLinkKey();
            return true;
          },
          'Mod-Alt-0': () => this.editor.commands.setParagraph(),
        };
      },
    }),
    ...(options.awareness ? [presenceCarets(options.awareness)] : []),
    BlockIds,
    bodyComments(options.doc),
    ...suggestExtensions(options.suggest ?? NOT_SUGGESTING),
    SpellcheckBody.configure({ doc: options.doc }),
    StaleBlocks.configure({ doc: options.doc }),
  ];
}
