/**
 * The style check's command: every Vietnamese syllable of an article — headline, lead, body and
 * the photos' Vietnamese captions — with its tone mark where the chosen style puts it
 * (tones.ts). Each changed word is replaced in place, in NFC, with the formatting of the run it
 * stands in (bold, links, suggestions and comments stay), so the rest of the text, and anyone
 * typing elsewhere in it, is untouched. The caller wraps it in one transaction (one undo step).
 */
import * as Y from 'yjs';
import { body, headline, photos, sapo } from '../article-doc';
import { restyle, type ToneStyle } from './tones';

const WORD = /[\p{L}\p{M}]+/gu;

type Op = { readonly insert: unknown; readonly attributes?: Record<string, unknown> };

/** Restyles one text; returns how many words changed. */
function restyleYText(text: Y.Text, style: ToneStyle): number {
  let changed = 0;
  let pos = 0;
  for (const op of text.toDelta() as Op[]) {
    if (typeof op.insert !== 'string') {
      pos += 1; // an embed takes one position
      continue;
    }
    const edits: Array<{ at: number; from: string; to: string }> = [];
    for (const m of op.insert.matchAll(WORD)) {
      const to = restyle(m[0], style);
      if (to !== m[0]) edits.push({ at: pos + m.index, from: m[0], to });
    }
    // From the last, so the earlier offsets still hold.
    for (const e of edits.reverse()) {
      text.delete(e.at, e.from.length);
      text.insert(e.at, e.to, { ...(op.attributes ?? {}) });
    }
    changed += edits.length;
    pos += op.insert.length + edits.reduce((n, e) => n + e.to.length - e.from.length, 0);
  }
  return changed;
}

function restyleTree(node: Y.XmlFragment | Y.XmlElement, style: ToneStyle): number {
  let changed = 0;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) changed += restyleYText(child, style);
    else if (child instanceof Y.XmlElement) changed += restyleTree(child, style);
  }
  return changed;
}

/** Puts every syllable of the article's Vietnamese text in `style`; returns how many words changed. */
export function restyleArticle(doc: Y.Doc, style: ToneStyle): number {
  let changed = restyleYText(headline(doc), style) + restyleYText(sapo(doc), style) + restyleTree(body(doc), style);
  for (const p of photos(doc)) {
    const captions = p instanceof Y.Map ? (p.get('captions') as unknown) : null;
    if (!(captions instanceof Y.Map)) continue;
    const vi = captions.get('vi') as unknown;
    if (typeof vi !== 'string') continue;
    const next = vi.normalize('NFC').replace(WORD, (w) => restyle(w, style));
    if (next === vi) continue;
    changed += [...vi.matchAll(WORD)].filter((m) => restyle(m[0], style) !== m[0]).length;
    captions.set('vi', next);
  }
  return changed;
}
