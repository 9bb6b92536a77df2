/** The fields of an article that search reads, their weights, and how they are read from the document. */
import type * as Y from 'yjs';
import { SEARCH_HIGHLIGHT_FIELDS } from '../../../src-shared/contract';
import { bodyText, headline, meta, metaRegister, sapo } from '../../../src-shared/article-doc';

export const SEARCH_FIELDS = SEARCH_HIGHLIGHT_FIELDS;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much a match counts in each field: the headline most, then the lead, then tags and byline, then the body. */
export const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { headline: 4, sapo: 2, byline: 1.5, tags: 1.5, body: 1 };

/** The searchable text of one article, one string per field (tags joined with ", "). */
export type ArticleTexts = Readonly<Record<SearchField, string>>;

export const TAG_SEPARATOR = ', ';

export function textsOf(doc: Y.Doc): ArticleTexts {
  const m = meta(doc);
  const tags = m.get('tags');
  return {
    headline: headline(doc).toString(),
    sapo: sapo(doc).toString(),
    byline: metaRegister(doc, 'byline').value,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string').join(TAG_SEPARATOR) : '',
    body: bodyText(doc),
  };
}
