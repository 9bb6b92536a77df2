/**
 * Spellcheck marks in the body: a ProseMirror decoration plugin underlining misspelt words, in
 * the article's language. Only the blocks a transaction touched are looked at again: their text
 * is answered from the service's cache at once, or sent to the worker and drawn when it answers.
 * Other blocks keep their marks, mapped through the change. The marks are decorations only:
 * nothing of them reaches the document.
 *
 * Ctrl+. (Cmd+.) or a right click on a marked word opens its menu (menu.ts).
 */
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';
import type { Misspelling } from '../../../src-shared/spell/checker';
import type { Language } from '../../../src-shared/models';
import { openSpellMenu } from './menu';
import { addToDictionary } from './dictionary';
import { spellService } from './service';

/** Text of a textblock with one character per position: a line break or other leaf is '\n', so offsets map to positions. */
function blockText(node: PmNode): string {
  return node.textBetween(0, node.content.size, undefined, '\n');
}

interface SpellState {
  readonly decos: DecorationSet;
}

type Meta = { readonly redraw: true };

export const spellKey = new PluginKey<SpellState>('spellcheck');

function marksOf(node: PmNode, pos: number, found: readonly Misspelling[]): Decoration[] {
  const start = pos + 1;
  return found.map((m) => Decoration.inline(start + m.from, start + m.to, { class: 'spell-miss' }, { word: m.word, suggestions: m.suggestions }));
}

/** Every textblock of `doc` (or of [from, to]): with its position. */
function textblocks(doc: PmNode, from = 0, to = doc.content.size): Array<{ node: PmNode; pos: number }> {
  const out: Array<{ node: PmNode; pos: number }> = [];
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node, pos) => {
    if (node.isTextblock) {
      out.push({ node, pos });
      return false;
    }
    return true;
  });
  return out;
}

/** The ranges of the new document a transaction changed. */
function changedRanges(tr: Transaction): Array<[number, number]> {
  const maps = tr.mapping.maps;
  const out: Array<[number, number]> = [];
  maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let from = newStart;
      let to = newEnd;
      for (let j = i + 1; j < maps.length; j++) {
        from = maps[j]!.map(from, -1);
        to = maps[j]!.map(to, 1);
      }
      out.push([from, to]);
    });
  });
  return out;
}

export interface SpellcheckOptions {
  readonly doc: Y.Doc | null;
}

export const SpellcheckBody = Extension.create<SpellcheckOptions>({
  name: 'spellcheckBody',
  addOptions() {
    return { doc: null };
  },
  addProseMirrorPlugins() {
    const ydoc = this.options.doc;
    const language = (): Language => (ydoc && meta(ydoc).get('language') === 'en' ? 'en' : 'vi');
    let lang = language();

    /** Marks for the blocks whose text is answered; the others are asked for. */
    const draw = (blocks: Array<{ node: PmNode; pos: number }>, ask: SpellItemSink): Decoration[] => {
      const out: Decoration[] = [];
      for (const { node, pos } of blocks) {
        const item = { text: blockText(node), language: lang };
        const found = spellService.cached(item);
        if (found === undefined) ask.push(item);
        else if (found.length) out.push(...marksOf(node, pos, found));
      }
      return out;
    };

    const drawAll = (state: EditorState | { doc: PmNode }, ask: SpellItemSink): DecorationSet => DecorationSet.create(state.doc, draw(textblocks(state.doc), ask));

    let asked: SpellItemSink = [];
    const plugin: Plugin<SpellState> = new Plugin<SpellState>({
      key: spellKey,
      state: {
        init: (_config, state) => ({ decos: drawAll(state, asked) }),
        apply(tr, value, _old, next) {
          const redraw = tr.getMeta(spellKey) as Meta | undefined;
          if (redraw) return { decos: drawAll(next, asked) };
          if (!tr.docChanged) return value;
          let decos = value.decos.map(tr.mapping, tr.doc);
          for (const [from, to] of changedRanges(tr)) {
            for (const block of textblocks(tr.doc, from - 1, to + 1)) {
              const end = block.pos + block.node.nodeSize;
              decos = decos.remove(decos.find(block.pos, end));
              decos = decos.add(tr.doc, draw([block], asked));
            }
          }
          return { decos };
        },
      },
      props: {
        decorations: (state) => plugin.getState(state)?.decos ?? DecorationSet.empty,
        handleDOMEvents: {
          contextmenu: (view, event) => {
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!at) return false;
            if (!openAt(view, at.pos)) return false;
            event.preventDefault();
            return true;
          },
        },
      },
      view(view) {
        const flush = () => {
          if (asked.length) {
            const items = asked;
            asked = [];
            spellService.request(items);
          }
        };
        const redraw = () => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(spellKey, { redraw: true } satisfies Meta).setMeta('addToHistory', false));
        };
        const unsubscribe = spellService.subscribe(redraw);
        // The article's language changes: every block is checked again in the new one.
        const onMeta = () => {
          const next = language();
          if (next === lang) return;
          lang = next;
          redraw();
        };
        const metaMap = ydoc ? meta(ydoc) : null;
        metaMap?.observe(onMeta);
        // Ours are the marks: the browser's checker would draw its own over them.
        const quiet = () => {
          if (view.dom.getAttribute('spellcheck') !== 'false') view.dom.setAttribute('spellcheck', 'false');
        };
        quiet();
        flush();
        return {
          update: () => {
            quiet();
            flush();
          },
          destroy: () => {
            unsubscribe();
            metaMap?.unobserve(onMeta);
          },
        };
      },
    });
    return [plugin];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-.': () => openAt(this.editor.view, this.editor.state.selection.head),
    };
  },
});

type SpellItemSink = Array<{ text: string; language: Language }>;

/** Opens the menu of the misspelt word at `pos`, if there is one. */
function openAt(view: EditorView, pos: number): boolean {
  const decos = spellKey.getState(view.state)?.decos;
  const hit = decos?.find(pos, pos).find((d) => d.from <= pos && pos <= d.to);
  if (!hit) return false;
  const { word, suggestions } = hit.spec as { word: string; suggestions: readonly string[] };
  const coords = view.coordsAtPos(hit.from);
  const { from, to } = hit;
  openSpellMenu({
    word,
    suggestions,
    at: { left: coords.left, bottom: coords.bottom },
    onPick: (s) => {
      // Only when the word is still there as it was marked.
      if (view.state.doc.textBetween(from, to) !== view.state.doc.textBetween(hit.from, hit.to)) return;
      view.dispatch(view.state.tr.insertText(s, from, to));
    },
    onIgnore: () => spellService.ignore(word),
    onAdd: () => addToDictionary(word),
    onClose: () => view.focus(),
  });
  return true;
}
