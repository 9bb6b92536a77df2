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
import type { Articles } from '../articles';
import { pairState } from '../translations';

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
