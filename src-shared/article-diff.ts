/** What changed in an article's text fields between two of its documents, word by word. */
import type * as Y from 'yjs';
import { bodyText, headline, sapo } from './article-doc';
import { DIFF_FIELDS, type DiffField, type HistoryDiff } from './history';
import { diffWords } from './text/diff';

/** The text of each field a version diff compares (the body's paragraphs separated by a blank line). */
export function diffTexts(doc: Y.Doc): Readonly<Record<DiffField, string>> {
  return { headline: headline(doc).toString(), sapo: sapo(doc).toString(), body: bodyText(doc) };
}

/** Field by field, `then` as the old text and `now` as the new. */
export function diffArticle(then: Readonly<Record<DiffField, string>>, now: Readonly<Record<DiffField, string>>): HistoryDiff {
  return { fields: DIFF_FIELDS.map((field) => ({ field, segments: diffWords(then[field], now[field]) })) };
}
