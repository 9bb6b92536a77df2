/**
 * The plain-text fields of the article page and how they map onto the article's Yjs document.
 * This is the whole binding between the editor and the document: the rich editor replaces
 * `body` here (with y-prosemirror on the same XmlFragment) and nothing else has to change.
 */
import type * as Y from 'yjs';
import { bodyLines, headline, meta, sapo, setBodyLines, setText } from '../../../src-shared/article-doc';
import { assertNever } from '../../../src-shared/errors';
import { nfc } from '../../../src-shared/text/vietnamese';

/** Origin of changes typed on this page; they are sent to main. */
export const LOCAL_ORIGIN = 'local';
/** Origin of changes that came from main; they are never sent back. */
export const REMOTE_ORIGIN = 'remote';

export const FIELD_NAMES = ['headline', 'sapo', 'body', 'byline'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type ArticleFields = Readonly<Record<FieldName, string>>;

export interface ArticleFacts {
  readonly createdAt: string;
  readonly language: string;
}

export function readFields(doc: Y.Doc): ArticleFields {
  const byline = meta(doc).get('byline');
  return {
    headline: headline(doc).toString(),
    sapo: sapo(doc).toString(),
    body: bodyLines(doc).join('\n'),
    byline: typeof byline === 'string' ? byline : '',
  };
}

export function readFacts(doc: Y.Doc): ArticleFacts {
  const m = meta(doc);
  const createdAt = m.get('createdAt');
  const language = m.get('language');
  return { createdAt: typeof createdAt === 'string' ? createdAt : '', language: typeof language === 'string' ? language : '' };
}

/** Applies what the writer typed to the document, as the smallest edit, in one local transaction. */
export function writeField(doc: Y.Doc, field: FieldName, raw: string): void {
  const value = nfc(raw);
  doc.transact(() => {
    switch (field) {
      case 'headline':
        setText(headline(doc), value);
        return;
      case 'sapo':
        setText(sapo(doc), value);
        return;
      case 'body':
        setBodyLines(doc, value.split('\n'));
        return;
      case 'byline':
        if (meta(doc).get('byline') !== value) meta(doc).set('byline', value);
        return;
      default:
        assertNever(field);
    }
  }, LOCAL_ORIGIN);
}
