/**
 * The body's formatting toolbar: one tab stop (`role="toolbar"`), arrow keys move between its
 * buttons (Home/End to the ends), each button named for screen readers and marks and block
 * types reporting their state with `aria-pressed`.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { BoldIcon, BulletListIcon, CheckIcon, CrossIcon, Heading2Icon, Heading3Icon, ItalicIcon, LinkIcon, OrderedListIcon, ParagraphIcon, QuoteIcon, RedoIcon, UndoIcon, type IconProps } from '../../shared/icons';
import { activeBlocks, type BlockQuery } from './active-blocks';
import { EDITOR_SHORTCUTS, type EditorCommand } from './shortcuts';
import { AcceptAllIcon, RejectAllIcon, SuggestIcon } from './suggest/icons';
import { settleFieldSuggestions, useHasFieldSuggestions } from './suggest/fields';
import { asOneStep } from './suggest/one-step';
import { hasSuggestions, listSuggestions, settle as settleSuggestions, settleCommand, suggestionIdsAt } from './suggest/resolve';

type ButtonKey = EditorCommand;

interface ToolbarButton {
  readonly key: ButtonKey;
  /** Drawn from the desk's own SVG set: no emoji or symbol font is needed. */
  readonly Icon: ComponentType<IconProps>;
  readonly run: () => void;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  /** Shown beside the icon (the button's name is then that text). */
  readonly text?: boolean;
}

/** Suggestion mode of the body: whether it is on and how to switch it. */
export interface SuggestToggle {
  readonly on: boolean;
  readonly toggle: () => void;
  /** The article: Accept all / Reject all take the headline's and the lead's suggestions too. */
  readonly doc?: Y.Doc;
}

/** The block types whose buttons show a pressed state, asked all at once (see active-blocks.ts). */
const BLOCKS: readonly BlockQuery[] = [
  { type: 'heading', attrs: { level: 2 } },
  { type: 'heading', attrs: { level: 3 } },
  { type: 'paragraph' },
  { type: 'blockquote' },
  { type: 'bulletList' },
  { type: 'orderedList' },
];

export function Toolbar({ editor, undoManager, onLink, suggest }: { readonly editor: Editor; readonly undoManager: Y.UndoManager; readonly onLink: () => void; readonly suggest?: SuggestToggle }) {
  const { t } = useTranslation('editor');
  const [focusIndex, setFocusIndex] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const [heading2, heading3, paragraph, quote, bulletList, orderedList] = activeBlocks(e.state, BLOCKS);
      return {
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        heading2,
        heading3,
        paragraph: paragraph && !bulletList && !orderedList && !quote,
        quote,
        bulletList,
        orderedList,
        link: e.isActive('link'),
        canUndo: undoManager.undoStack.length > 0,
        canRedo: undoManager.redoStack.length > 0,
        suggestionHere: suggestionIdsAt(e.state.doc, e.state.selection.from, e.state.selection.to).size > 0,
        suggestions: hasSuggestions(e.state.doc),
      };
    },
  });
  const inFields = useHasFieldSuggestions(suggest?.doc ?? null);
  const chain = () => editor.chain().focus();
  const buttons: readonly ToolbarButton[] = [
    { key: 'bold', Icon: BoldIcon, pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: 'italic', Icon: ItalicIcon, pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'heading2', Icon: Heading2Icon, pressed: state.heading2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'heading3', Icon: Heading3Icon, pressed: state.heading3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'paragraph', Icon: ParagraphIcon, pressed: state.paragraph, run: () => chain().setParagraph().run() },
    { key: 'quote', Icon: QuoteIcon, pressed: state.quote, run: () => chain().toggleBlockquote().run() },
    { key: 'bulletList', Icon: BulletListIcon, pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', Icon: OrderedListIcon, pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: 'link', Icon: LinkIcon, pressed: state.link, run: onLink },
    { key: 'undo', Icon: UndoIcon, disabled: !state.canUndo, run: () => chain().undo().run() },
    { key: 'redo', Icon: RedoIcon, disabled: !state.canRedo, run: () => chain().redo().run() },
    ...(suggest ? suggestButtons(editor, undoManager, suggest, { ...state, suggestions: state.suggestions || inFields }) : []),
  ];

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next = e.key === 'ArrowRight' ? (focusIndex === last ? 0 : focusIndex + 1) : e.key === 'ArrowLeft' ? (focusIndex === 0 ? last : focusIndex - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={move}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          ref={(el) => void (refs.current[i] = el)}
          type="button"
          className={`toolbar__button toolbar__button--${b.key}`}
          aria-label={b.text ? undefined : t(`toolbar.${b.key}`)}
          title={`${t(`toolbar.${b.key}`)} (${EDITOR_SHORTCUTS[b.key]})`}
          aria-pressed={b.pressed}
          aria-disabled={b.disabled || undefined}
          tabIndex={i === focusIndex ? 0 : -1}
          onFocus={() => setFocusIndex(i)}
          // Keep the editor's selection: a mouse press on the toolbar must not take focus from it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => !b.disabled && b.run()}
        >
          {/* The icon is hidden from screen readers: the button's name is its aria-label alone. */}
          <b.Icon className="toolbar__icon" />
          {b.text && <span className="toolbar__text">{t(`toolbar.${b.key}`)}</span>}
        </button>
      ))}
    </div>
  );
}

/** Suggesting on or off, and accepting or rejecting the suggestion at the caret or all of them. */
function suggestButtons(editor: Editor, undoManager: Y.UndoManager, suggest: SuggestToggle, state: { readonly suggestionHere: boolean; readonly suggestions: boolean }): ToolbarButton[] {
  const settle = (scope: 'here' | 'all', accept: boolean) => () => {
    editor.commands.focus();
    const doc = suggest.doc;
    if (scope === 'here' || !doc) return void settleCommand(editor.state, (tr) => editor.view.dispatch(tr), scope, accept);
    // All of them: the headline's and the lead's with the body's, one undo step apart from the typing before and after.
    const tr = settleSuggestions(editor.state, listSuggestions(editor.state.doc), accept);
    asOneStep(undoManager, () => {
      settleFieldSuggestions(doc, accept);
      if (tr) editor.view.dispatch(tr.scrollIntoView());
    });
  };
  return [
    { key: 'suggest', Icon: SuggestIcon, pressed: suggest.on, text: true, run: suggest.toggle },
    { key: 'accept', Icon: CheckIcon, disabled: !state.suggestionHere, run: settle('here', true) },
    { key: 'reject', Icon: CrossIcon, disabled: !state.suggestionHere, run: settle('here', false) },
    { key: 'acceptAll', Icon: AcceptAllIcon, disabled: !state.suggestions, run: settle('all', true) },
    { key: 'rejectAll', Icon: RejectAllIcon, disabled: !state.suggestions, run: settle('all', false) },
  ];
}
