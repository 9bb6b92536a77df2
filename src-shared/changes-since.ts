/**
 * What changed in an article since a state kept by the server (a submission, a return), word by
 * word in the headline, lead and body, each added run named by the accounts that wrote it.
 *
 * The words come from the same diff as the version history (article-diff.ts). Who wrote them
 * comes from the Yjs items themselves: every character of the article now is an item made by a
 * Yjs client, and the server knows which account wrote under each client number
 * (GET /api/articles/<id>/authors). A character whose item the kept state already had is not
 * new; the others are named by their item's client. A removed word has no author in Yjs (a
 * deletion names what it removes, not who removed it), so it is shown without one.
 */
import * as Y from 'yjs';
import { body, headline, sapo } from './article-doc';
import { diffArticle, diffTexts } from './article-diff';
import type { DiffField } from './history';
import type { DiffOp } from './text/diff';
import { nfc } from './text/vietnamese';

export interface AttributedSegment {
  readonly op: DiffOp;
  readonly text: string;
  /** For an added run: the accounts that wrote it, by name (empty when none is known). */
  readonly by?: readonly string[];
}

export interface ChangesSince {
  readonly fields: ReadonlyArray<{ readonly field: DiffField; readonly segments: readonly AttributedSegment[] }>;
}

/** Per character of the text as article-doc reads it: the client that wrote it if it is new since `since`, else null. */
type Writers = Array<number | null>;

function textWriters(text: Y.Text | Y.XmlText, since: Map<number, number>): Writers {
  const out: Writers = [];
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const known = since.get(item.id.client) ?? 0; // the kept state had this client's items below this clock
    for (let i = 0; i < item.length; i++) out.push(item.id.clock + i >= known ? item.id.client : null);
  }
  return out;
}

/** As article-doc's blockText: the text nodes of a block, depth first. */
function blockWriters(el: Y.XmlElement | Y.XmlText, since: Map<number, number>): Writers {
  if (el instanceof Y.XmlText) return textWriters(el, since);
  const out: Writers = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) out.push(...blockWriters(child, since));
  }
  return out;
}

function fieldWriters(doc: Y.Doc, field: DiffField, since: Map<number, number>): Writers {
  if (field === 'headline') return textWriters(headline(doc), since);
  if (field === 'sapo') return textWriters(sapo(doc), since);
  const blocks = body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText);
  return blocks.flatMap((b, i) => (i === 0 ? blockWriters(b, since) : [null, null, ...blockWriters(b, since)])); // bodyText joins blocks with a blank line
}

/**
 * The changes from `kept` (the state kept with a move) to `now`, with `authors` naming the
 * accounts behind Yjs client numbers.
 */
export function changesSince(kept: Y.Doc, now: Y.Doc, authors: ReadonlyMap<number, string>): ChangesSince {
  const since = Y.decodeStateVector(Y.encodeStateVector(kept));
  const before = diffTexts(kept);
  const after = diffTexts(now);
  const diff = diffArticle(before, after);
  return {
    fields: diff.fields.map(({ field, segments }) => {
      const writers = fieldWriters(now, field, since);
      // The diff reads NFC text; positions match only when the stored text is NFC already (it is at every entrance).
      const aligned = writers.length === after[field].length && nfc(after[field]) === after[field];
      let at = 0;
      return {
        field,
        segments: segments.map((s) => {
          if (s.op === 'removed') return s;
          const start = at;
          at += s.text.length;
          if (s.op === 'same') return s;
          const names = aligned ? [...new Set(writers.slice(start, at).flatMap((c) => (c === null ? [] : [authors.get(c) ?? ''])))].filter(Boolean).sort() : [];
          return { ...s, by: names };
        }),
      };
    }),
  };
}
