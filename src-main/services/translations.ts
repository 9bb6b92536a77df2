/**
 * Translation pairs on the desk (src-shared/translation): making an article's translation,
 * reading a pair's state, confirming a block, and the stale counts the library shows.
 *
 * A translation is an article like any other — created on this desk (its claim is this desk's),
 * synced, exported and trashed like the others; only its meta and its records tie it to the
 * source. The source, written here too (its blocks' ids, the link), is changed through
 * `Articles.change`, so windows holding it receive the change like any other.
 */
import * as Y from 'yjs';
import { meta, readArticle } from '../../src-shared/article-doc';
import { DeskError } from '../../src-shared/errors';
import type { ArticleSummary, Language } from '../../src-shared/models';
import { otherLanguage, translationOf, translationsOf } from '../../src-shared/translation/links';
import { confirmBlock, createTranslation, translationState, type TranslationState } from '../../src-shared/translation/pairs';
import type { Articles } from './articles';

export interface PairIds {
  readonly source: string;
  readonly translation: string;
}

/** Makes the translation of `id` into `to` and returns its id; an existing one is returned as it is. */
export async function translate(articles: Articles, id: string, to: Language): Promise<string> {
  const { state, language, existing, section, trashedAt } = await articles.read(id, (doc) => ({
    state: Y.encodeStateAsUpdate(doc),
    language: readArticle(doc).language,
    existing: translationsOf(doc)[to],
    section: readArticle(doc).section,
    trashedAt: readArticle(doc).trashedAt,
  }));
  if (trashedAt) throw new DeskError('notFound', { id });
  if (language === to) throw new DeskError('translationSameLanguage', { id, language: to });
  if (existing && articles.has(existing)) return existing;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  const before = Y.encodeStateVector(copy);
  const summary = await articles.create({ language: to, section }, (doc) => {
    createTranslation(copy, doc, { id: meta(doc).get('id') as string, language: to, createdAt: meta(doc).get('createdAt') as string });
  });
  // The source's side (its blocks' ids, the link), made on the copy, goes to the real source.
  const change = Y.encodeStateAsUpdate(copy, before);
  await articles.change(id, (doc) => Y.applyUpdate(doc, change));
  return summary.id;
}

/** The pair `id` belongs to: itself and its source when it is a translation, else itself and its first translation. */
export async function pairOf(articles: Articles, id: string): Promise<PairIds> {
  const { of, links, language } = await articles.read(id, (doc) => ({ of: translationOf(doc), links: translationsOf(doc), language: readArticle(doc).language }));
  if (of) return { source: of.id, translation: id };
  const translation = links[otherLanguage(language)];
  if (!translation) throw new DeskError('translationNone', { id });
  return { source: id, translation };
}

/** Runs `fn` on both documents of a pair, loaded together. */
async function withPair<T>(articles: Articles, pair: PairIds, fn: (source: Y.Doc, translation: Y.Doc) => T): Promise<T> {
  if (!articles.has(pair.source)) throw new DeskError('notFound', { id: pair.source });
  if (!articles.has(pair.translation)) throw new DeskError('notFound', { id: pair.translation });
  const a = await articles.hold(pair.source);
  try {
    const b = await articles.hold(pair.translation);
    try {
      return fn(a.doc, b.doc);
    } finally {
      b.release();
    }
  } finally {
    a.release();
  }
}

export async function pairState(articles: Articles, id: string): Promise<PairIds & { state: TranslationState }> {
  const pair = await pairOf(articles, id);
  return { ...pair, state: await withPair(articles, pair, translationState) };
}

/** The translation's block `blockId` matches its source now. */
export async function confirm(articles: Articles, id: string, blockId: string): Promise<PairIds & { state: TranslationState }> {
  const pair = await pairOf(articles, id);
  const update = await withPair(articles, pair, (source, translation) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(translation));
    const before = Y.encodeStateVector(copy);
    if (!confirmBlock(source, copy, blockId, new Date().toISOString())) throw new DeskError('translationBlockNotFound', { id: pair.translation, block: blockId });
    return Y.encodeStateAsUpdate(copy, before);
  });
  await articles.change(pair.translation, (doc) => Y.applyUpdate(doc, update));
  return pairState(articles, id);
}

/**
 * The library's rows with each pair's stale count on both of its rows. Read when listed (a
 * translation's state depends on two documents, so no row can keep it): only pairs are read.
 */
export async function withStaleCounts(articles: Articles, rows: readonly ArticleSummary[]): Promise<ArticleSummary[]> {
  const stale = new Map<string, number>();
  for (const row of rows) {
    if (!row.translationOf || stale.has(row.id) || !articles.has(row.translationOf.id)) continue;
    const n = await withPair(articles, { source: row.translationOf.id, translation: row.id }, (s, t) => translationState(s, t).stale).catch(() => 0);
    stale.set(row.id, n);
    if (!stale.has(row.translationOf.id) || n > 0) stale.set(row.translationOf.id, n);
  }
  return rows.map((row) => {
    const n = stale.get(row.id);
    return n ? { ...row, staleBlocks: n } : row;
  });
}
