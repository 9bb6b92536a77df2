/**
 * The body editor's real schema (src-renderer/features/editor/extensions.ts) in Node, and
 * ProseMirror states read from and written to an article's Y.Doc the way y-tiptap binds them:
 * for tests of suggestion mode without a browser.
 */
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { body } from '../../src-shared/article-doc';
import type { SuggestContext } from '../../src-renderer/features/editor/suggest/transform';

/** The schema, built once; the renderer's modules want a `window` (the photo node reaches the platform's API). */
export async function bodySchema(): Promise<Schema> {
  (globalThis as { window?: unknown }).window ??= { desk: {} };
  const { bodyExtensions } = await import('../../src-renderer/features/editor/extensions');
  const doc = new Y.Doc();
  return getSchema(bodyExtensions({ doc, undoManager: new Y.UndoManager(body(doc)), photos: { captionOf: () => '', watch: () => () => undefined, noCaption: () => '' }, onLinkKey: () => undefined }));
}

export function stateOf(doc: Y.Doc, schema: Schema): EditorState {
  return EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(body(doc), schema) });
}

/** Writes a state's document into the Y.Doc as the binding does after each change. */
export function writeState(doc: Y.Doc, state: EditorState): void {
  updateYFragment(doc, body(doc), state.doc, { mapping: new Map(), isOMark: new Map() });
}

let counter = 0;
/** A suggesting writer's context with ids unique in the test run. */
export function writer(author: string, now = Date.UTC(2022, 0, 13, 10, 53)): SuggestContext {
  return { author, now, newId: () => `${author || 'desk'}-${++counter}` };
}

/** Position just before occurrence `nth` of `text` in a block of plain text (-1 if absent). */
export function posOf(state: EditorState, text: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (!node.isTextblock) return true;
    const content = node.textContent;
    let at = content.indexOf(text);
    while (at >= 0) {
      if (seen++ === nth) {
        found = pos + 1 + at;
        break;
      }
      at = content.indexOf(text, at + 1);
    }
    return false;
  });
  return found;
}

export type Edit = (state: EditorState) => Transaction;
