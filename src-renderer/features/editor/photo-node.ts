/**
 * The body's `photo` node: a block atom naming a photo of the article by its id (the SHA-256
 * of its bytes). It shows as a figure with the photo's thumbnail and its caption in the
 * article's language, read from the document's `photos` and kept current as captions change.
 * The photos panel places one at the writer's cursor with `insertPhotoInBody`.
 * HTML form: `<figure data-photo="<id>">` (as `bodyHtml` writes it).
 */
import { mergeAttributes, Node, type Editor } from '@tiptap/core';
import { thumbUrl } from '../../shared/photo-thumbs';

/** The body editor on screen (one article page at a time), for the photos panel. */
let current: Editor | null = null;

/**
 * Places photo `id` in the body where the writer's cursor was (ProseMirror keeps the selection
 * while the panel has focus), as one undoable change. False when no body editor is open.
 */
export function insertPhotoInBody(id: string): boolean {
  const editor = current;
  if (!editor || editor.isDestroyed) return false;
  return editor.chain().focus().insertContent({ type: 'photo', attrs: { id } }).run();
}

export interface PhotoNodeOptions {
  /** The caption of photo `id` in the article's language ('' when it has none). */
  readonly captionOf: (id: string) => string;
  /** Calls `listener` whenever the article's photos change; returns the unsubscribe. */
  readonly watch: (listener: () => void) => () => void;
  /** What the figure says when the photo has no caption yet. */
  readonly noCaption: () => string;
}

export const PhotoNode = Node.create<PhotoNodeOptions>({
  name: 'photo',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { captionOf: () => '', watch: () => () => undefined, noCaption: () => '' };
  },

  onCreate() {
    current = this.editor;
  },

  onDestroy() {
    if (current === this.editor) current = null;
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-photo'),
        renderHTML: (attrs) => (typeof attrs.id === 'string' ? { 'data-photo': attrs.id } : {}),
      },
      // Reserved for a caption written for this placement only (the photos feature).
      caption: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-photo]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'photo-node' })];
  },

  addNodeView() {
    const { captionOf, watch, noCaption } = this.options;
    return ({ node: initial }) => {
      let node = initial;
      const dom = document.createElement('figure');
      dom.className = 'photo-node';
      dom.contentEditable = 'false';
      const frame = document.createElement('div');
      frame.className = 'photo-node__frame';
      frame.setAttribute('aria-hidden', 'true');
      const caption = document.createElement('figcaption');
      dom.append(frame, caption);
      let shownId = '';
      const showThumb = (id: string) => {
        if (id === shownId) return;
        shownId = id;
        frame.replaceChildren();
        if (!id) return;
        void thumbUrl(id).then((url) => {
          if (!url || shownId !== id) return;
          const img = document.createElement('img');
          img.src = url;
          img.alt = '';
          img.className = 'photo-node__img';
          frame.replaceChildren(img);
        });
      };
      const render = () => {
        const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
        dom.dataset.photo = id;
        showThumb(id);
        const text = id ? captionOf(id) : '';
        caption.textContent = text || noCaption();
        caption.classList.toggle('photo-node__caption--empty', !text);
      };
      render();
      const unwatch = watch(render);
      return {
        dom,
        update: (next) => {
          if (next.type.name !== 'photo') return false;
          node = next;
          render();
          return true;
        },
        destroy: unwatch,
      };
    };
  },
});
