/**
 * Comments in the body: the commented words of every open thread marked with a decoration, the
 * thread in focus in the Comments tab marked more; Ctrl+Alt+M asks for a comment on the
 * selected words; a thread's words are selected and scrolled to when the tab asks; a click on
 * commented words opens their thread.
 *
 * The decorations come from the threads' Yjs relative positions, turned into ProseMirror
 * positions through y-tiptap's mapping — the way its cursor plugin places the others' carets.
 * That is done when the words can have moved under this view: a change from another window or
 * desk, or a change of the comments; the writer's own typing only maps the decorations along
 * (the Yjs document learns of it after the transaction, so it could not answer yet).
 */
import { Extension } from '@tiptap/core';
import { dispatchFromOutside } from '../editor/outside-dispatch';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { body } from '../../../src-shared/article-doc';
import { resolutionOf } from '../../../src-shared/comment-count';
import { commentsMap, resolveAnchor, threadAnchor, type CommentAnchor } from '../../../src-shared/comments';
import { activeComment, onActiveComment, onShowCommentWords, openThread, requestComment, setActiveComment, setCommentTarget } from './comment-bus';

const key = new PluginKey<DecorationSet>('bodyComments');
const REFRESH = 'refresh';

interface Binding {
  readonly mapping: Map<Y.AbstractType<unknown>, PMNode>;
}

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
  return sync?.binding ?? null;
}

/** A ProseMirror position of the body as a Yjs text and index, sticking to the character after (start) or before (end). */
function relative(doc: Y.Doc, state: EditorState, pos: number, assoc: 0 | -1): Y.RelativePosition | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const rel = absolutePositionToRelativePosition(pos, body(doc), binding.mapping) as Y.RelativePosition;
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : null;
}

/** The body's selected words as an anchor; null without a selection. */
export function bodySelectionAnchor(doc: Y.Doc, state: EditorState): CommentAnchor | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const start = relative(doc, state, from, 0);
  const end = relative(doc, state, to, -1);
  if (!start || !end) return null;
  const words = resolveAnchor(doc, 'body', start, end);
  return words ? { field: 'body', start, end, quote: words.text } : null;
}

/** Where a thread's words are in the view's document, or null when they are gone. */
function rangeOf(doc: Y.Doc, state: EditorState, id: string): { from: number; to: number } | null {
  const anchor = threadAnchor(doc, id);
  const binding = bindingOf(state);
  if (!anchor || anchor.field !== 'body' || !binding) return null;
  const fragment = body(doc);
  const from = relativePositionToAbsolutePosition(doc, fragment, anchor.start, binding.mapping as never);
  const to = relativePositionToAbsolutePosition(doc, fragment, anchor.end, binding.mapping as never);
  const size = state.doc.content.size;
  if (from === null || to === null || from >= to || to > size) return null;
  return { from, to };
}

/** The open body threads' words; read from the threads' own fields, without walking the body's text. */
function decorations(doc: Y.Doc, state: EditorState): DecorationSet {
  const comments = commentsMap(doc);
  if (comments.size === 0) return DecorationSet.empty;
  const active = activeComment(doc);
  const marks: Decoration[] = [];
  for (const [id, thread] of comments.entries()) {
    if (!(thread instanceof Y.Map) || thread.get('field') !== 'body' || resolutionOf(thread.get('resolved'))) continue;
    const range = rangeOf(doc, state, id);
    if (!range) continue;
    const cls = id === active ? 'comment-words comment-words--active' : 'comment-words';
    marks.push(Decoration.inline(range.from, range.to, { class: cls, 'data-comment': id }, { comment: id }));
  }
  return DecorationSet.create(state.doc, marks);
}

function refresh(view: EditorView): void {
  dispatchFromOutside(view, (state) => state.tr.setMeta(key, REFRESH).setMeta('addToHistory', false));
}

export function bodyComments(doc: Y.Doc): Extension {
  return Extension.create({
    name: 'bodyComments',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: (_config, state) => decorations(doc, state),
            apply(tr, old, _before, state) {
              const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
              if (tr.getMeta(key) === REFRESH || sync?.isChangeOrigin) return decorations(doc, state);
              return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
            },
          },
          props: {
            decorations: (state) => key.getState(state),
            // A click on commented words opens their thread; the caret goes where it was put.
            handleClick(view, pos) {
              if (!view.state.selection.empty) return false;
              const at = key.getState(view.state)?.find(pos, pos, (spec: { comment?: string }) => typeof spec.comment === 'string') ?? [];
              const id = (at[0]?.spec as { comment?: string } | undefined)?.comment;
              if (id) openThread(doc, id);
              else if (activeComment(doc) !== null) setActiveComment(doc, null);
              return false;
            },
          },
          view(view) {
            const comments = commentsMap(doc);
            const changed = () => queueMicrotask(() => refresh(view));
            comments.observeDeep(changed);
            const offActive = onActiveComment(doc, changed);
            const offShow = onShowCommentWords(doc, (id) => {
              const range = rangeOf(doc, view.state, id);
              if (!range) return;
              view.focus();
              view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
            });
            const target = () => bodySelectionAnchor(doc, view.state);
            const onFocus = () => setCommentTarget(doc, target);
            view.dom.addEventListener('focus', onFocus);
            return {
              destroy() {
                comments.unobserveDeep(changed);
                offActive();
                offShow();
                view.dom.removeEventListener('focus', onFocus);
              },
            };
          },
        }),
      ];
    },
    addKeyboardShortcuts() {
      return {
        'Mod-Alt-m': () => {
          requestComment(doc, bodySelectionAnchor(doc, this.editor.state));
          return true;
        },
      };
    },
  });
}
