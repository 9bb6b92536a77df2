/**
 * The baseline of the keystroke benchmark, bundled for the browser: plain ProseMirror (no Yjs,
 * no Tiptap, no React) holding the same paragraphs as the article, in a bare page.
 */
import { baseKeymap } from '@tiptap/pm/commands';
import { keymap } from '@tiptap/pm/keymap';
import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    text: { group: 'inline' },
  },
});

declare global {
  interface Window {
    startBaseline(paragraphs: readonly string[]): void;
  }
}

window.startBaseline = (paragraphs) => {
  const doc = schema.node(
    'doc',
    null,
    paragraphs.map((p) => schema.node('paragraph', null, p ? [schema.text(p)] : [])),
  );
  const mount = document.createElement('div');
  document.body.append(mount);
  const view = new EditorView(mount, { state: EditorState.create({ doc, plugins: [keymap(baseKeymap)] }) });
  view.dom.classList.add('baseline-body');
};
