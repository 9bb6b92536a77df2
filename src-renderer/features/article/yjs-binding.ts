/**
 * The plain-text fields of the article page and how they map onto the article's Yjs document.
 * The body is bound by the rich editor itself (y-tiptap on the `body` XmlFragment) and read
 * for the counters by useBodyLines (useBodyText.ts), so a keystroke in it costs no walk over the whole body here.
 */
import type * as Y from 'yjs';
import { headline, meta, metaRegister, sapo, slugOf, writeMeta, type TextEdit } from '../../../src-shared/article-doc';
import { newSession, ownCandidate, type EditSession } from '../../../src-shared/register';
import { noteEdit } from '../../../src-shared/rewrites';
import { assertNever } from '../../../src-shared/errors';
import { nfc } from '../../../src-shared/text/vietnamese';
import { slugify } from '../../../src-shared/text/slug';
import { writeDirect } from '../../../src-shared/text/suggested';
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
  /** A person gave the slug: it no longer follows the headline. */
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
    byline: metaRegister(doc, 'byline').value,
    slug: slugOf(doc).slug,
  };
}

export function readFacts(doc: Y.Doc): ArticleFacts {
  return { createdAt: metaText(doc, 'createdAt'), language: metaText(doc, 'language'), slugEdited: metaRegister(doc, 'slug').value !== '' };
}

/**
 * Applies what the writer typed to the document, as the smallest edit placed where they made
 * it (`edit`, from the field), in one local transaction. Byline and slug are registers
 * (src-shared/register.ts) written in the field's `session`. The slug is not written as the
 * headline changes: while nobody edited it, it is made from the headline as it is read.
 */
export function writeField(doc: Y.Doc, field: FieldName, raw: string, edit?: TextEdit, session?: EditSession): void {
  const value = nfc(raw);
  /** Headline and lead: the edit where it was made, and a rewrite noted for its session (rewrites.ts). */
  const writeText = (text: Y.Text, name: 'headline' | 'sapo') => {
    const prev = text.toString();
    // Typed letters never take on a suggestion's attributes from the letter before them.
    const range = writeDirect(text, value, edit);
    if (session) noteEdit(doc, name, prev, value, range, session);
  };
  doc.transact(() => {
    switch (field) {
      case 'headline':
        writeText(headline(doc), 'headline');
        return;
      case 'sapo':
        writeText(sapo(doc), 'sapo');
        return;
      case 'byline':
      case 'slug':
        writeMeta(doc, field, value, session ?? newSession());
        return;
      default:
        assertNever(field);
    }
  }, USER_ORIGIN);
}

/**
 * The slug field lost focus: what its session wrote is kept in its clean form, in the same
 * session; emptied, it gives the slug back to the headline. A visit that wrote nothing writes
 * nothing.
 */
export function settleSlug(doc: Y.Doc, session: EditSession | null): void {
  const own = session ? ownCandidate(meta(doc), 'slug', session) : null;
  if (!session || !own) return;
  const clean = slugify(own.value);
  if (clean !== own.value) doc.transact(() => writeMeta(doc, 'slug', clean, session), USER_ORIGIN);
}
