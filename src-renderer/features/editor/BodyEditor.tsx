/**
 * The article's rich body: Tiptap bound to the replica's `body` (y-tiptap), with its toolbar and
 * link dialog. The editor only renders what the replica holds and writes what the writer does;
 * it never puts content of its own into the document (no initial content, no trailing node).
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { meta, photos } from '../../../src-shared/article-doc';
import type { Language } from '../../../src-shared/models';
import { registerValue } from '../../../src-shared/register';
import { bodyExtensions } from './extensions';
import { isolatePaste, keepAsPasted, legacyOfPaste, type LegacyPaste } from './legacy-paste';
import { LegacyPasteNotice } from './LegacyPasteNotice';
import { LinkDialog } from './LinkDialog';
import { pastedHtml, pastedText } from './paste';
import { Toolbar } from './Toolbar';
import { useSyncStatus } from '../sync/useSyncStatus';
import { useSuggesting } from './suggest/useSuggesting';
import './prosemirror.css';
import './editor.css';

/** The caption in the article's language as the document holds it now (the writer may change the language). */
function captionOf(doc: Y.Doc, id: string): string {
  const language: Language = meta(doc).get('language') === 'en' ? 'en' : 'vi';
  const photo = photos(doc)
    .toArray()
    .find((p) => p.get('id') === id);
  const captions = photo?.get('captions');
  return captions instanceof Y.Map ? registerValue(captions as Y.Map<unknown>, language) : '';
}

/**
 * After each keystroke ProseMirror scrolls the caret into view by walking every ancestor of the
 * body, measuring each and reading its computed style: costly on a page this deep, and for
 * nothing while the caret is in sight. When no ancestor of the body scrolls by itself (the
 * window scrolls the page) and the caret is inside the window, ProseMirror would move nothing
 * (it scrolls only what the caret is outside of): say so (true) and skip the walk. Otherwise
 * ProseMirror scrolls as usual.
 */
function caretAlreadyInView(view: EditorView): boolean {
  if (!(view.state.selection instanceof TextSelection) || hasScrollingAncestor(view.dom)) return false;
  const win = view.dom.ownerDocument.defaultView;
  if (!win) return false;
  const rect = view.coordsAtPos(view.state.selection.head, 1);
  // The window's bounds as ProseMirror takes them (the visual viewport where there is one).
  const width = win.visualViewport?.width ?? win.innerWidth;
  const height = win.visualViewport?.height ?? win.innerHeight;
  return rect.top >= 0 && rect.bottom <= height && rect.left >= 0 && rect.right <= width;
}

/** Whether an element between the body and the document scrolls its content (looked up once per body element). */
const scrollingAncestor = new WeakMap<Element, boolean>();
function hasScrollingAncestor(dom: Element): boolean {
  let known = scrollingAncestor.get(dom);
  if (known === undefined) {
    known = false;
    for (let el = dom.parentElement; el && el !== dom.ownerDocument.body && el !== dom.ownerDocument.documentElement; el = el.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(el);
      if (/(auto|scroll|hidden|overlay)/.test(overflowX + overflowY)) known = true;
    }
    scrollingAncestor.set(dom, known);
  }
  return known;
}

/**
 * The typing events of the body end at the body (ProseMirror's own handlers, on the body, still
 * run): nothing above it listens to them, and each one bubbling up made React look for handlers
 * through every component from the editor to the root, several events a keystroke. React's
 * capture-phase listeners still see them; nothing in the page uses those either.
 */
const stopAtBody = (_view: EditorView, event: Event): boolean => {
  event.stopPropagation();
  return false;
};
const KEEP_TYPING_EVENTS_IN_BODY = {
  keydown: stopAtBody,
  keypress: stopAtBody,
  keyup: stopAtBody,
  beforeinput: stopAtBody,
  input: stopAtBody,
  textInput: stopAtBody,
};

export interface BodyEditorProps {
  readonly doc: Y.Doc;
  readonly undoManager: Y.UndoManager;
  readonly language: Language;
  readonly labelledBy: string;
  /** Presence in the article: the others' carets are drawn when given. */
  readonly awareness?: Awareness | null;
}

/** Memoised: the page re-renders for its other fields and the save status, the body need not. */
export const BodyEditor = memo(function BodyEditor({ doc, undoManager, language, labelledBy, awareness = null }: BodyEditorProps) {
  const { t } = useTranslation('editor');
  const [linkOpen, setLinkOpen] = useState(false);
  const [legacyPaste, setLegacyPaste] = useState<LegacyPaste | null>(null);
  // Suggestion mode, per person per article on this desk (switched here or in the headline and
  // the lead); suggestions carry the desk's login ('' without one).
  const articleId = String(meta(doc).get('id') ?? '');
  const mode = useSuggesting(articleId);
  const suggesting = mode.on;
  const author = useSyncStatus()?.user ?? '';
  const live = useRef({ suggesting, author });
  live.current = { suggesting, author };
  const toggleRef = useRef(mode.toggle);
  toggleRef.current = mode.toggle;
  const editor = useEditor(
    {
      // Tiptap's 'delete' events work out the changed ranges of every transaction (after it, in
      // a timer); nothing here listens to them.
      enableCoreExtensions: { delete: false },
      // Its <style> element would break the CSP: the same rules are in prosemirror.css.
      injectCSS: false,
      extensions: bodyExtensions({
        doc,
        undoManager,
        awareness,
        onLinkKey: () => setLinkOpen(true),
        photos: {
          captionOf: (id) => captionOf(doc, id),
          // Captions change with the photos and with the article's language.
          watch: (listener) => {
            const list = photos(doc);
            const m = meta(doc);
            list.observeDeep(listener);
            m.observe(listener);
            return () => {
              list.unobserveDeep(listener);
              m.unobserve(listener);
            };
          },
          noCaption: () => t('photo.noCaption'),
        },
        suggest: {
          suggesting: () => live.current.suggesting,
          author: () => live.current.author,
          authorName: (name) => name || t('conflict.thisDesk'),
          onToggle: () => toggleRef.current(),
        },
      }),
      editorProps: {
        attributes: {
          class: 'rich-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          lang: language,
          spellcheck: 'true',
        },
        transformPastedText: pastedText,
        transformPastedHTML: pastedHtml,
        // A paste in a legacy encoding is converted (paste.ts); the writer is told and may keep it as it came.
        handlePaste: (_view, event) => {
          const legacy = legacyOfPaste(event);
          if (legacy) isolatePaste(undoManager, (step) => setLegacyPaste({ ...legacy, step }));
          else setLegacyPaste(null);
          return false;
        },
        handleScrollToSelection: caretAlreadyInView,
        handleDOMEvents: KEEP_TYPING_EVENTS_IN_BODY,
      },
    },
    [doc, undoManager, awareness],
  );

  // The body's language (spelling, hyphenation, screen readers) follows the article's when it changes.
  useEffect(() => {
    const props = editor.options.editorProps;
    const attributes = typeof props.attributes === 'function' ? {} : props.attributes;
    if (attributes?.lang === language) return;
    editor.setOptions({ editorProps: { ...props, attributes: { ...attributes, lang: language } } });
  }, [editor, language]);

  // The offer to keep a paste as it came lapses with the writer's next change.
  useEffect(() => {
    if (!legacyPaste) return undefined;
    const lapse = (e: { stackItem: unknown }) => e.stackItem !== legacyPaste.step && setLegacyPaste(null);
    undoManager.on('stack-item-added', lapse);
    undoManager.on('stack-item-popped', lapse);
    return () => {
      undoManager.off('stack-item-added', lapse);
      undoManager.off('stack-item-popped', lapse);
    };
  }, [legacyPaste, undoManager]);

  const currentHref = (): string => {
    const href: unknown = editor.getAttributes('link').href;
    return typeof href === 'string' ? href : '';
  };
  const closeLink = () => {
    setLinkOpen(false);
    editor.commands.focus();
  };

  return (
    <div className={suggesting ? 'rich-editor rich-editor--suggesting' : 'rich-editor'}>
      <Toolbar editor={editor} undoManager={undoManager} onLink={() => setLinkOpen(true)} suggest={{ on: suggesting, toggle: mode.toggle, doc }} />
      {legacyPaste && (
        <LegacyPasteNotice
          encoding={legacyPaste.encoding}
          onKeep={() => {
            const paste = legacyPaste;
            setLegacyPaste(null);
            keepAsPasted(editor, undoManager, paste);
          }}
          onDismiss={() => setLegacyPaste(null)}
        />
      )}
      <EditorContent editor={editor} className="rich-editor__content" />
      {linkOpen && (
        <LinkDialog
          initial={currentHref()}
          onApply={(href) => {
            setLinkOpen(false);
            const chain = editor.chain().focus().extendMarkRange('link');
            if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
            else chain.setLink({ href }).run();
          }}
          onRemove={() => {
            setLinkOpen(false);
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
          }}
          onClose={closeLink}
        />
      )}
    </div>
  );
});
