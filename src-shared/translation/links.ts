/**
 * The links between an article and its translations, in their Yjs documents' `meta`.
 *
 * The translation says what it translates: `translationOf: {id, language}`, written once by the
 * desk that makes it (no one else ever writes it, so a plain value loses nothing).
 *
 * The source lists its translations. Two desks may each make a translation at once (offline),
 * and a plain `translations` object set by both would keep one and drop the other without a
 * word. So each link is its own key of `meta` — `translation@<language>@<translation id>` →
 * the time it was made — and keys of a map merge: both links stay. Per language the earliest
 * link (then the smaller id) is the pair shown; the others are still listed (`all`).
 */
import type * as Y from 'yjs';
import type { Language } from '../models';

// The meta map by its key (article-doc.ts's KEYS.meta): article-doc's summary reads these links.
const meta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');

export interface TranslationOf {
  readonly id: string;
  readonly language: Language;
}

export interface TranslationLink {
  readonly id: string;
  readonly language: Language;
  readonly at: string;
}

const LINK_PREFIX = 'translation@';
const isLanguage = (v: unknown): v is Language => v === 'vi' || v === 'en';

/** The other language of the desk's two. */
export const otherLanguage = (language: Language): Language => (language === 'vi' ? 'en' : 'vi');

/** What this article translates, or null when it is no translation. */
export function translationOf(doc: Y.Doc): TranslationOf | null {
  const v = meta(doc).get('translationOf') as { id?: unknown; language?: unknown } | undefined;
  if (!v || typeof v !== 'object' || typeof v.id !== 'string' || !isLanguage(v.language)) return null;
  return { id: v.id, language: v.language };
}

export function setTranslationOf(doc: Y.Doc, of: TranslationOf): void {
  doc.transact(() => meta(doc).set('translationOf', { id: of.id, language: of.language }));
}

/** Every translation link the source holds, earliest first. */
export function translationLinks(doc: Y.Doc): TranslationLink[] {
  const out: TranslationLink[] = [];
  for (const [key, value] of meta(doc).entries()) {
    if (!key.startsWith(LINK_PREFIX)) continue;
    const [language, ...rest] = key.slice(LINK_PREFIX.length).split('@');
    const id = rest.join('@');
    if (!isLanguage(language) || !id) continue;
    out.push({ id, language, at: typeof value === 'string' ? value : '' });
  }
  return out.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1));
}

/** The translation shown per language: the earliest link of each. */
export function translationsOf(doc: Y.Doc): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const link of translationLinks(doc)) out[link.language] ??= link.id;
  return out;
}

export function addTranslationLink(doc: Y.Doc, language: Language, id: string, at: string): void {
  doc.transact(() => meta(doc).set(`${LINK_PREFIX}${language}@${id}`, at));
}

/** What the library's row says of an article's pair (ArticleSummary's `translationOf` and `translations`). */
export function translationSummary(doc: Y.Doc): { translationOf?: TranslationOf; translations?: Partial<Record<Language, string>> } {
  const of = translationOf(doc);
  const links = translationsOf(doc);
  return { ...(of ? { translationOf: of } : {}), ...(Object.keys(links).length ? { translations: links } : {}) };
}
