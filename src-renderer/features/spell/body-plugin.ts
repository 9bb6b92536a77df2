/**
 * Spellcheck marks in the body: a ProseMirror decoration plugin underlining misspelt words, in
 * the article's language. Only the blocks a transaction touched are looked at again: their text
 * is answered from the service's cache at once, or sent to the worker and drawn when it answers.
 * Other blocks keep their marks, mapped through the change. The marks are decorations only:
 * nothing of them reaches the document.
 *
 * While the writer types, the block being typed in is sent once they pause (TYPING_PAUSE_MS),
 * not at every key: a word half typed is no misspelling yet, and sending, answering and
 * redrawing at each key took time that belongs to painting the key.
 *
 * Ctrl+. (Cmd+.) or a right click on a marked word opens its menu (menu.ts).
 */
import { Extension } from '@tiptap/core';
import { dispatchFromOutside } from '../editor/outside-dispatch';
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

/** Redraw every block (known words or the language changed), or only the blocks at these positions (their answers arrived). */
type Meta = { readonly redraw: true } | { readonly blocks: readonly number[] };

export const spellKey = new PluginKey<SpellState>('spellcheck');

/** How long the typing must pause before the block typed in is checked. */
export const TYPING_PAUSE_MS = 300;

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
        if (found === undefined) {
          ask.push(item);
          waiting.push(pos);
        } else if (found.length) out.push(...marksOf(node, pos, found));
      }
      return out;
    };

    /** Replaces the marks of one block by its answer, or keeps them (mapped) while it waits for one. */
    const redrawBlock = (decos: DecorationSet, doc: PmNode, block: { node: PmNode; pos: number }): DecorationSet => {
      const item = { text: blockText(block.node), language: lang };
      if (spellService.cached(item) === undefined) {
        asked.push(item);
        waiting.push(block.pos);
        return decos;
      }
      const end = block.pos + block.node.nodeSize;
      return decos.remove(decos.find(block.pos, end)).add(doc, draw([block], asked));
    };

    const drawAll = (state: EditorState | { doc: PmNode }, ask: SpellItemSink): DecorationSet => DecorationSet.create(state.doc, draw(textblocks(state.doc), ask));

    let asked: SpellItemSink = [];
    /** Blocks whose text was sent and not answered yet, by position in the current document; their old marks stay meanwhile. */
    let waiting: number[] = [];
    const plugin: Plugin<SpellState> = new Plugin<SpellState>({
      key: spellKey,
      state: {
        init: (_config, state) => ({ decos: drawAll(state, asked) }),
        apply(tr, value, _old, next) {
          const redraw = tr.getMeta(spellKey) as Meta | undefined;
          if (redraw && 'redraw' in redraw) {
            waiting = [];
            return { decos: drawAll(next, asked) };
          }
          let decos = value.decos;
          if (tr.docChanged) {
            decos = decos.map(tr.mapping, tr.doc);
            waiting = waiting.map((p) => tr.mapping.map(p));
            for (const [from, to] of changedRanges(tr)) {
              for (const block of textblocks(tr.doc, from - 1, to + 1)) decos = redrawBlock(decos, tr.doc, block);
            }
          }
          if (redraw && 'blocks' in redraw) {
            for (const pos of redraw.blocks) {
              const node = tr.doc.nodeAt(pos);
              if (node?.isTextblock) decos = redrawBlock(decos, tr.doc, { node, pos });
            }
          }
          return decos === value.decos ? value : { decos };
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
        let pause: ReturnType<typeof setTimeout> | undefined;
        const flush = () => {
          clearTimeout(pause);
          pause = undefined;
          if (asked.length) {
            const items = asked;
            asked = [];
            spellService.request(items);
          }
        };
        /** After typing: ask when the keys pause (each key starts the wait again). */
        const flushAfterPause = () => {
          if (!asked.length) return;
          clearTimeout(pause);
          pause = setTimeout(() => {
            if (!view.isDestroyed) flush();
          }, TYPING_PAUSE_MS);
        };
        const dispatch = (meta: Meta) => {
          dispatchFromOutside(view, (state) => state.tr.setMeta(spellKey, meta).setMeta('addToHistory', false));
        };
        const redraw = () => dispatch({ redraw: true });
        /**
         * Answers arrived: only the waiting blocks whose marks would change are drawn again, in
         * one transaction; a block typed in that stays as it was marked costs no transaction.
         */
        const answered = () => {
          const doc = view.state.doc;
          const decos = plugin.getState(view.state)?.decos ?? DecorationSet.empty;
          const still: number[] = [];
          const changed: number[] = [];
          for (const pos of new Set(waiting)) {
            const node = doc.nodeAt(pos);
            if (!node?.isTextblock) continue;
            const found = spellService.cached({ text: blockText(node), language: lang });
            if (found === undefined) {
              still.push(pos);
              continue;
            }
            const shown = decos.find(pos, pos + node.nodeSize).map((d) => `${d.from - pos - 1}:${d.to - pos - 1}:${(d.spec as { word: string }).word}`);
            const next = found.map((m) => `${m.from}:${m.to}:${m.word}`);
            if (shown.join(',') !== next.join(',')) changed.push(pos);
          }
          waiting = still;
          if (changed.length) dispatch({ blocks: changed });
        };
        const unsubscribe = spellService.subscribe((what) => (what === 'all' ? redraw() : answered()));
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
          update: (_view, previous) => {
            quiet();
            if (view.state.doc !== previous.doc) flushAfterPause();
            else flush();
          },
          destroy: () => {
            clearTimeout(pause);
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
