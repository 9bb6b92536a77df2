/**
 * Opening a package of an article in a translation pair (`translation.json`, see
 * src-shared/translation/package.ts): both articles are made on this desk, under new ids, and
 * linked to each other as they were — the translation's `translationOf`, the source's link, and
 * the translation's records, whose block ids both bodies keep — so the same blocks are stale.
 */
import * as Y from 'yjs';
import { DeskError } from '../../../src-shared/errors';
import type { ArticleSummary } from '../../../src-shared/models';
import type { PackageArticle } from '../../../src-shared/package-article';
import { addTranslationLink, setTranslationOf } from '../../../src-shared/translation/links';
import { dropPairLinks, PackagePair, setPairRecords } from '../../../src-shared/translation/package';
import type { Articles } from '../articles';
import { fillArticle, type ImportedPhoto } from './article-json';

/** `translation.json` checked (its schema, the other language, a scratch fill); a packageInvalid refusal otherwise. */
export function readPackagePair(bytes: Buffer, file: string, article: PackageArticle): PackagePair {
  let pair: PackagePair;
  try {
    pair = PackagePair.parse(JSON.parse(bytes.toString('utf8')));
    if (pair.article.language === article.language) throw new Error('a pair of one language');
    fillArticle(new Y.Doc(), pair.article, pair.article.photos.map((entry) => ({ entry, stored: null })));
  } catch (err) {
    throw new DeskError('packageInvalid', { file, detail: 'badArticle' }, { cause: err });
  }
  return pair;
}

const createdAtOf = (a: PackageArticle) => (typeof a.meta.createdAt === 'string' ? { createdAt: a.meta.createdAt } : {});

/** Makes the article alone: links it held name the exporting desk's articles, so they are dropped. */
export function createImported(articles: Articles, article: PackageArticle, photos: readonly ImportedPhoto[]): Promise<ArticleSummary> {
  return articles.create({ language: article.language, ...createdAtOf(article) }, (doc) => {
    fillArticle(doc, article, photos);
    dropPairLinks(doc);
  });
}

/**
 * Makes both articles of the pair and links them; returns the package's own article. The
 * source is made first, so the translation names it from its first state (the newsroom
 * server reads a translation's source once, as it first stores it).
 */
export async function createImportedPair(articles: Articles, article: PackageArticle, photos: readonly ImportedPhoto[], pair: PackagePair, pairPhotos: readonly ImportedPhoto[]): Promise<ArticleSummary> {
  const ownIsSource = pair.role === 'translation';
  const [sourceArticle, sourcePhotos, translationArticle, translationPhotos] = ownIsSource ? [article, photos, pair.article, pairPhotos] : [pair.article, pairPhotos, article, photos];
  const source = await createImported(articles, sourceArticle, sourcePhotos);
  const translation = await articles.create({ language: translationArticle.language, ...createdAtOf(translationArticle) }, (doc) => {
    fillArticle(doc, translationArticle, translationPhotos);
    dropPairLinks(doc);
    setTranslationOf(doc, { id: source.id, language: sourceArticle.language });
    setPairRecords(doc, pair.pairs);
  });
  const linked = await articles.change(source.id, (doc) => addTranslationLink(doc, translationArticle.language, translation.id, pair.linkedAt));
  return ownIsSource ? linked : translation;
}
