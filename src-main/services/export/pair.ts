/**
 * The other language of an article in a translation pair, as the package carries it: the
 * translation's text (or, exporting a translation, its source's) for `ninjs/<other>.json` and
 * a second text item of the NewsML-G2, linked to the exported article as its translation.
 */
import type * as Y from 'yjs';
import { bodyHtml, bodyLines, readArticle, type ArticleView } from '../../../src-shared/article-doc';
import type { Language } from '../../../src-shared/models';
import { openSuggestions, withoutSuggestions } from '../../../src-shared/suggestions';
import { withoutControls, withoutControlsDeep } from '../../../src-shared/text/controls';
import { translationLinks } from '../../../src-shared/translation/links';
import { bodyNodeIds, pairRecords, withBlockIds, type PackagePair } from '../../../src-shared/translation/package';
import type { Articles } from '../articles';
import { pairOf, pairState } from '../translations';
import { articleJson } from './article-json';

export interface PairText {
  readonly language: Language;
  /** Whether the exported article is the source (the pair's text is its translation) or the translation. */
  readonly role: 'translation' | 'source';
  readonly view: ArticleView;
  readonly bodyHtml: string;
  readonly bodyLines: readonly string[];
  /** The translation's blocks out of date with the source, when the package was made. */
  readonly stale: number;
}

function readText(original: Y.Doc): Pick<PairText, 'view' | 'bodyHtml' | 'bodyLines'> {
  const doc = openSuggestions(original).size ? withoutSuggestions(original) : original;
  return { view: withoutControlsDeep(readArticle(doc)), bodyHtml: withoutControls(bodyHtml(doc)), bodyLines: bodyLines(doc).map(withoutControls) };
}

/** The pair's other article as the package carries it, or null when the article has no pair on this desk. */
export async function readPairText(articles: Articles, id: string): Promise<PairText | null> {
  const pair = await pairState(articles, id).catch(() => null);
  if (!pair) return null;
  const other = pair.source === id ? pair.translation : pair.source;
  const text = await articles.read(other, readText);
  return { language: text.view.language, role: pair.source === id ? 'translation' : 'source', ...text, stale: pair.state.stale };
}

/**
 * The pair's other article for the package's `translation.json` (the lossless copy an import
 * reads back), with the translation's records; null when the article has no pair on this desk.
 * `files` names the package's photos by their id (the pair's photos are the same ones).
 */
export async function readPairPackage(articles: Articles, id: string, files: ReadonlyMap<string, string>, stripGps: boolean): Promise<PackagePair | null> {
  const pair = await pairOf(articles, id).catch(() => null);
  if (!pair || !articles.has(pair.source) || !articles.has(pair.translation)) return null;
  const other = pair.source === id ? pair.translation : pair.source;
  const linkedAt = await articles.read(pair.source, (doc) => translationLinks(doc).find((l) => l.id === pair.translation)?.at ?? '');
  const pairs = await articles.read(pair.translation, pairRecords);
  const article = await articles.read(other, (original) => {
    const doc = openSuggestions(original).size ? withoutSuggestions(original) : original;
    const a = withoutControlsDeep(articleJson(doc, files));
    return { ...a, body: withBlockIds(a.body, bodyNodeIds(original)), photos: stripGps ? a.photos.map((p) => ({ ...p, gps: null })) : a.photos };
  });
  return { role: other === pair.translation ? 'translation' : 'source', linkedAt, article, pairs };
}
