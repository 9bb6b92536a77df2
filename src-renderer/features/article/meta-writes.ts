/**
 * The article's language and tags as the details panel writes them. Both are a last writer's
 * value in `meta` (not registers): the language is picked from two, and the tags are a set of
 * chips added and removed one at a time, where keeping one side's list is a fair outcome of two
 * desks editing them at once.
 */
import type * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';
import type { Language } from '../../../src-shared/models';
import { fold, nfc } from '../../../src-shared/text/vietnamese';
import { USER_ORIGIN } from './origins';

export function setLanguage(doc: Y.Doc, language: Language): void {
  if (meta(doc).get('language') === language) return;
  doc.transact(() => meta(doc).set('language', language), USER_ORIGIN);
}

export function tagsOf(doc: Y.Doc): readonly string[] {
  const tags = meta(doc).get('tags');
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** A tag as stored: NFC, spaces collapsed, no commas (they separate tags as they are typed). */
export function cleanTag(raw: string): string {
  return nfc(raw).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Two tags are one when they read the same folded ("Giáo dục" and "giao duc"). */
export function sameTag(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

export function addTag(doc: Y.Doc, raw: string): boolean {
  const tag = cleanTag(raw);
  const tags = tagsOf(doc);
  if (!tag || tags.some((t) => sameTag(t, tag))) return false;
  doc.transact(() => meta(doc).set('tags', [...tags, tag]), USER_ORIGIN);
  return true;
}

export function removeTag(doc: Y.Doc, tag: string): void {
  const tags = tagsOf(doc);
  if (!tags.includes(tag)) return;
  doc.transact(() => meta(doc).set('tags', tags.filter((t) => t !== tag)), USER_ORIGIN);
}
