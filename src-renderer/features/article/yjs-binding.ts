/**
 * The plain-text fields of the article page and how they map onto the article's Yjs document.
 * The body is bound by the rich editor itself (y-tiptap on the `body` XmlFragment) and read
 * for the counters by useBodyLines (useBodyText.ts), so a keystroke in it costs no walk over the whole body here.
 */
import type * as Y from 'yjs';
import { headline, meta, sapo, setText, type TextEdit } from '../../../src-shared/article-doc';
import type { EditSession } from '../../../src-shared/register';
import { noteEdit } from '../../../src-shared/rewrites';
import { assertNever } from '../../../src-shared/errors';
import { nfc } from '../../../src-shared/text/vietnamese';
import { slugify } from '../../../src-shared/text/slug';
import { REMOTE_ORIGIN, USER_ORIGIN } from './origins';

/** Origin of changes typed on this page (see origins.ts); they are sent to main. */
export const LOCAL_ORIGIN = USER_ORIGIN;
export { REMOTE_ORIGIN };

/** The plain-text fields a page writes; the body is the rich editor's (y-tiptap on `body`). */
export const FIELD_NAMES = ['headline', 'sapo', 'byline', 'slug'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type ArticleFields = Readonly<Record<FieldName, string>>;

export interface ArticleFacts {
  readonly createdAt: string;
  readonly language: string;
  /** The writer changed the slug: it no longer follows the headline. */
  readonly slugEdited: boolean;
}

function metaText(doc: Y.Doc, key: string): string {
  const value = meta(doc).get(key);
  return typeof value === 'string' ? value : '';
}

export function readFields(doc: Y.Doc): ArticleFields {
  return {
    headline: headline(doc).toString(),
    sapo: sapo(doc).toString(),
    byline: metaText(doc, 'byline'),
    slug: metaText(doc, 'slug'),
  };
}

export function readFacts(doc: Y.Doc): ArticleFacts {
  return { createdAt: metaText(doc, 'createdAt'), language: metaText(doc, 'language'), slugEdited: meta(doc).get('slugEdited') === true };
}

function setMeta(doc: Y.Doc, key: string, value: unknown): void {
  if (meta(doc).get(key) !== value) meta(doc).set(key, value);
}

/**
 * Applies what the writer typed to the document, as the smallest edit placed where they made
 * it (`edit`, from the field), in one local
 * transaction. While the slug has not been edited it follows the headline in that same
 * transaction (so one undo takes back both); typing in the slug field marks it edited, and an
 * emptied slug goes back to following the headline.
 */
export function writeField(doc: Y.Doc, field: FieldName, raw: string, edit?: TextEdit, session?: EditSession): void {
  const value = nfc(raw);
  /** Headline and lead: the edit where it was made, and a rewrite noted for its session (rewrites.ts). */
  const writeText = (text: Y.Text, name: 'headline' | 'sapo') => {
    const prev = text.toString();
    const range = setText(text, value, edit);
    if (session) noteEdit(doc, name, prev, value, range, session);
  };
  doc.transact(() => {
    switch (field) {
      case 'headline':
        writeText(headline(doc), 'headline');
        if (meta(doc).get('slugEdited') !== true) setMeta(doc, 'slug', slugify(value));
        return;
      case 'sapo':
        writeText(sapo(doc), 'sapo');
        return;
      case 'byline':
        setMeta(doc, 'byline', value);
        return;
      case 'slug':
        setMeta(doc, 'slug', value);
        setMeta(doc, 'slugEdited', true);
        return;
      default:
        assertNever(field);
    }
  }, USER_ORIGIN);
}

/** The slug field lost focus: keep the slug in its clean form, or follow the headline if emptied. */
export function settleSlug(doc: Y.Doc): void {
  doc.transact(() => {
    const clean = slugify(metaText(doc, 'slug'));
    if (clean) {
      setMeta(doc, 'slug', clean);
      return;
    }
    setMeta(doc, 'slugEdited', false);
    setMeta(doc, 'slug', slugify(headline(doc).toString()));
  }, USER_ORIGIN);
}
