/**
 * Words one side typed into a paragraph the other side removed while they were apart.
 *
 * Yjs has no move: joining two paragraphs removes the second paragraph's element and writes its
 * text again into the first (y-tiptap's comparison does so), and deleting a paragraph removes
 * its element. Words another desk typed into that element meanwhile go with it — in no text of
 * the merge, though nobody deleted them. Found by their Yjs identity: characters one side wrote
 * (and still has) that the other side had not seen, and that the merged document holds as
 * deleted. Only a removed container takes away text its remover never saw, so nothing deleted
 * on purpose is found. The desk lists them after the merge, each with a way to put it back.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { body } from './article-doc';

/** How much text around a lost run is kept to find its place again. */
const CONTEXT = 40;
/** The shortest piece of that context that still places a run (shorter ones match by chance). */
const MIN_CONTEXT = 8;
/** An embedded object in a text, one position long (its place in indices). */
const EMBED = '\uFFFC';

export const LostText = z.object({
  /** What was typed, as one run. */
  text: z.string(),
  /** Its paragraph's text just before and just after it, on the side that typed it. */
  preceding: z.string(),
  following: z.string(),
});
export type LostText = Readonly<z.infer<typeof LostText>>;

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** Every Y.XmlText inside a fragment or element, in document order. */
function textsIn(type: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) out.push(...textsIn(child));
  }
  return out;
}

/** Runs of `side`'s text that `other` never saw and `merged` holds as deleted. */
function lostFrom(side: Y.Doc, other: Y.Doc, deleted: DeleteSet): LostText[] {
  const known = Y.decodeStateVector(Y.encodeStateVector(other));
  const out: LostText[] = [];
  for (const text of textsIn(body(side))) {
    let visible = '';
    const lost: boolean[] = [];
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const content = item.content;
      const chars = content instanceof Y.ContentString ? content.str : EMBED.repeat(item.length);
      for (let k = 0; k < item.length; k++) {
        const clock = item.id.clock + k;
        const unseen = clock >= (known.get(item.id.client) ?? 0);
        lost.push(unseen && content instanceof Y.ContentString && Y.isDeleted(deleted, Y.createID(item.id.client, clock)));
      }
      visible += chars;
    }
    for (let i = 0; i < lost.length; ) {
      if (!lost[i]) {
        i++;
        continue;
      }
      let end = i;
      while (end < lost.length && lost[end]) end++;
      const run = visible.slice(i, end);
      if (run.trim()) out.push({ text: run, preceding: visible.slice(Math.max(0, i - CONTEXT), i), following: visible.slice(end, end + CONTEXT) });
      i = end;
    }
  }
  return out;
}

/**
 * What each side typed that the merge lost: `local` this desk's text before the merge, `remote`
 * the other side's, `merged` the result.
 */
export function lostInMerge(local: Y.Doc, remote: Y.Doc, merged: Y.Doc): LostText[] {
  const deleted = Y.createDeleteSetFromStructStore(merged.store);
  return [...lostFrom(local, remote, deleted), ...lostFrom(remote, local, deleted)];
}

/** A text's characters as indices count them (an embed is one). */
function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : EMBED))
    .join('');
}

/**
 * Whether the body holds the run again (put back here or on another desk): beside the end of
 * its preceding text or the start of its following text, as `putBack` writes it, or as a
 * paragraph of its own — a short word found anywhere else is not it.
 */
export function isBack(doc: Y.Doc, lost: LostText): boolean {
  const wanted: string[] = [];
  if (lost.preceding) wanted.push(lost.preceding.slice(-MIN_CONTEXT) + lost.text);
  if (lost.following) wanted.push(lost.text + lost.following.slice(0, MIN_CONTEXT));
  if (!wanted.length) wanted.push(lost.text.trim());
  return textsIn(body(doc)).some((t) => {
    const value = plain(t);
    return value === lost.text.trim() || wanted.some((w) => value.includes(w));
  });
}

/** Where `lost` goes: after the longest end of its preceding text found in a paragraph, else before the longest start of its following text. */
function placeOf(doc: Y.Doc, lost: LostText): { readonly text: Y.XmlText; readonly index: number } | null {
  const texts = textsIn(body(doc)).map((text) => ({ text, value: plain(text) }));
  for (let n = lost.preceding.length; n >= Math.min(MIN_CONTEXT, lost.preceding.length) && n > 0; n--) {
    const piece = lost.preceding.slice(-n);
    for (const { text, value } of texts) {
      const at = value.indexOf(piece);
      if (at >= 0) return { text, index: at + piece.length };
    }
  }
  for (let n = lost.following.length; n >= Math.min(MIN_CONTEXT, lost.following.length) && n > 0; n--) {
    const piece = lost.following.slice(0, n);
    for (const { text, value } of texts) {
      const at = value.indexOf(piece);
      if (at >= 0) return { text, index: at };
    }
  }
  return null;
}

/**
 * Writes a lost run back where its context is now (the paragraph its own was joined into), or,
 * when none of its context is left (the paragraph deleted), as a paragraph at the end of the body.
 */
export function putBack(doc: Y.Doc, lost: LostText, origin: unknown): void {
  doc.transact(() => {
    const place = placeOf(doc, lost);
    if (place) {
      place.text.insert(place.index, lost.text);
      return;
    }
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, lost.text.trim());
    paragraph.insert(0, [text]);
    body(doc).insert(body(doc).length, [paragraph]);
  }, origin);
}
