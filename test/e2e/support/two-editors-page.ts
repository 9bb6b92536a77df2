/**
 * A bare page for Chromium with two of the desk's body editors (the real extensions of
 * src-renderer/features/editor/extensions.ts), each bound to its own Y.Doc as two desks' copies
 * of one article are, and nothing between them until `exchange()` merges them the way sync
 * does. Lets a test type on both "offline" with real keys and look at the merge.
 */
import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { body, setBodyLines } from '../../../src-shared/article-doc';
import { lostInMerge, putBack, type LostText } from '../../../src-shared/lost-text';
import { bodyExtensions } from '../../../src-renderer/features/editor/extensions';
import { createUndoManager } from '../../../src-renderer/features/editor/undo';

interface Desk {
  readonly doc: Y.Doc;
  readonly editor: Editor;
}

let desks: Desk[] = [];
/** What desk 0 found lost by the last exchange (src-shared/lost-text.ts). */
let lost: LostText[] = [];

declare global {
  interface Window {
    /** Two editors over the same paragraphs; `anchored` false leaves out the anchored-sync extension. */
    startEditors(paragraphs: readonly string[], anchored: boolean): void;
    /** Selects [from, to) of the text of paragraph `block` in editor `desk` and focuses it. */
    selectText(desk: number, block: number, from: number, to: number): void;
    /** Sends each desk's changes to the other, as a sync round does. */
    exchange(): void;
    /** The body of desk `desk`'s Y.Doc (what would be saved and exported), one line per block. */
    bodyOf(desk: number): string[];
    /** The words desk 0 found lost by the last exchange (its text, the other's, the merge). */
    lostOnMerge(): string[];
    /** Puts every lost run back on desk 0, then sends it to desk 1. */
    putLostBack(): void;
  }
}

/** A block's text, that of the paragraphs inside a quote or a list included. */
function textOf(node: unknown): string {
  if (node instanceof Y.XmlText) return node.toString();
  return node instanceof Y.XmlElement ? node.toArray().map(textOf).join('') : '';
}

function lines(doc: Y.Doc): string[] {
  return body(doc).toArray().map(textOf);
}

window.startEditors = (paragraphs, anchored) => {
  for (const d of desks) d.editor.destroy();
  document.body.replaceChildren();
  const first = new Y.Doc();
  setBodyLines(first, paragraphs);
  const state = Y.encodeStateAsUpdate(first);
  desks = [0, 1].map((i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const element = document.createElement('div');
    element.className = `desk-${i}`;
    document.body.append(element);
    const extensions = bodyExtensions({
      doc,
      undoManager: createUndoManager(doc),
      photos: { captionOf: () => '', watch: () => () => undefined, noCaption: () => '' },
      onLinkKey: () => undefined,
    }).filter((e) => anchored || e.name !== 'anchoredSync');
    return { doc, editor: new Editor({ element, extensions, injectCSS: false }) };
  });
};

window.selectText = (desk, block, from, to) => {
  const { editor } = desks[desk]!;
  let start = 0;
  editor.state.doc.forEach((node, offset, index) => {
    if (index === block) start = offset + 1;
  });
  editor.view.focus(); // at once: Tiptap's focus command waits for a frame
  editor.commands.setTextSelection({ from: start + from, to: start + to });
};

window.exchange = () => {
  const [a, b] = desks as [Desk, Desk];
  const [before, other] = [Y.encodeStateAsUpdate(a.doc), Y.encodeStateAsUpdate(b.doc)];
  const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
  const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
  Y.applyUpdate(b.doc, toB);
  Y.applyUpdate(a.doc, toA);
  const [local, remote] = [new Y.Doc(), new Y.Doc()];
  Y.applyUpdate(local, before);
  Y.applyUpdate(remote, other);
  lost = lostInMerge(local, remote, a.doc);
};

window.lostOnMerge = () => lost.map((l) => l.text);

window.putLostBack = () => {
  const [a, b] = desks as [Desk, Desk];
  for (const l of lost) putBack(a.doc, l, 'writer');
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
};

window.bodyOf = (desk) => lines(desks[desk]!.doc);
