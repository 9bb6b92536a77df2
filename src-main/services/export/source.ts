/**
 * What every exporter works from: one read of the article, taken at the start of an export so
 * that all the files of a package describe the same moment of it. Its texts hold no control
 * characters (src-shared/text/controls.ts), whatever the document holds (an article synced or
 * imported before they were refused): a NUL stops ExifTool and no XML may carry one.
 */
import type * as Y from 'yjs';
import { bodyHtml, bodyLines, readArticle, type ArticleView } from '../../../src-shared/article-doc';
import { readEvent, type EventView } from '../../../src-shared/article-event';
import type { Language, ReadingRates } from '../../../src-shared/models';
import type { PackageArticle, PackagePhoto } from '../../../src-shared/package-article';
import { PACKAGE_FILES, uniqueFileNames } from '../../../src-shared/package-format';
import { PHOTO_EXT, PHOTO_MIME, type PhotoKind } from '../../../src-shared/photos';
import { openSuggestions, withoutSuggestions } from '../../../src-shared/suggestions';
import { withoutControls, withoutControlsDeep } from '../../../src-shared/text/controls';
import { articleJson } from './article-json';
import type { PairText } from './pair';
import type { PackagePair } from '../../../src-shared/translation/package';

/** A photo the package carries: an attached photo of the article, with its file in the package. */
export interface SourcePhoto {
  readonly entry: PackagePhoto & { readonly id: string; readonly kind: PhotoKind; readonly file: string };
  readonly width: number;
  readonly height: number;
  readonly mime: string;
}

export interface ExportSource {
  readonly view: ArticleView;
  readonly event: EventView;
  readonly language: Language;
  readonly other: Language;
  readonly bodyHtml: string;
  readonly bodyLines: readonly string[];
  readonly article: PackageArticle;
  readonly photos: readonly SourcePhoto[];
  readonly deskVersion: string;
  /** When the package was made (ISO, UTC). */
  readonly exportedAt: string;
  readonly readingRates: ReadingRates;
  readonly stripGps: boolean;
  /** Suggestions still open in the body: the package holds the text without them (as if rejected). */
  readonly openSuggestions: number;
  /** The article's translation pair (its other language's text), when it has one on this desk. */
  readonly pair?: PairText;
  /** The pair's other article and records, for `translation.json` (what an import recreates the pair from). */
  readonly pairPackage?: PackagePair;
}

/** Reads everything an export needs from the article's document (synchronously: one moment of it). */
export function readSource(original: Y.Doc, options: { deskVersion: string; exportedAt: string; readingRates: ReadingRates; stripGps: boolean; sizes: ReadonlyMap<string, { width: number; height: number }> }): ExportSource {
  // Only accepted text leaves the desk: open suggestions are read as not made.
  const open = openSuggestions(original).size;
  const doc = open ? withoutSuggestions(original) : original;
  const view = withoutControlsDeep(readArticle(doc));
  // Each stored photo once, in the article's order, under a safe and unique name.
  const attached = new Map<string, { name: string; kind: PhotoKind }>();
  const draft = articleJson(doc, new Map());
  for (const p of draft.photos) if (p.id && p.kind && !attached.has(p.id)) attached.set(p.id, { name: p.name || p.id.slice(0, 12), kind: p.kind });
  const ids = [...attached.keys()];
  const names = ids.map((id) => {
    const a = attached.get(id)!;
    return uniqueFileNames([a.name], PHOTO_EXT[a.kind])[0]!;
  });
  // Unique across photos (kinds may differ, so the extension is part of the name compared).
  const taken = new Set<string>();
  const files = new Map<string, string>();
  ids.forEach((id, i) => {
    let name = names[i]!;
    const dot = name.lastIndexOf('.');
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${names[i]!.slice(0, dot)} (${n})${names[i]!.slice(dot)}`;
    taken.add(name.toLowerCase());
    files.set(id, PACKAGE_FILES.photosDir + name);
  });
  const article = withoutControlsDeep(articleJson(doc, files));
  const safeArticle: PackageArticle = options.stripGps ? { ...article, photos: article.photos.map((p) => ({ ...p, gps: null })) } : article;
  const photos: SourcePhoto[] = [];
  const seen = new Set<string>();
  for (const p of safeArticle.photos) {
    if (!p.id || !p.kind || !p.file || seen.has(p.id)) continue;
    seen.add(p.id);
    const size = options.sizes.get(p.id);
    photos.push({ entry: { ...p, id: p.id, kind: p.kind, file: p.file }, width: size?.width ?? 0, height: size?.height ?? 0, mime: PHOTO_MIME[p.kind] });
  }
  const language = view.language;
  return {
    view,
    event: withoutControlsDeep(readEvent(doc)),
    language,
    other: language === 'vi' ? 'en' : 'vi',
    bodyHtml: withoutControls(bodyHtml(doc)),
    bodyLines: bodyLines(doc).map(withoutControls),
    article: safeArticle,
    photos,
    deskVersion: options.deskVersion,
    exportedAt: options.exportedAt,
    readingRates: options.readingRates,
    stripGps: options.stripGps,
    openSuggestions: open,
  };
}

/** A stable URI for the article (and its language versions and photos) in exported formats. */
export const articleUri = (id: string, lang?: Language) => `urn:bantin:article:${id}${lang ? `:${lang}` : ''}`;
export const photoUri = (photoId: string) => `urn:bantin:photo:${photoId}`;
