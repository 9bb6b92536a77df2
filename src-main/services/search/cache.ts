/**
 * `search.json`: the searchable text of every article and the article file (size, mtime) it
 * was read from, so a desk starts searching without decoding every `.ydoc`. It is derived
 * data: a missing, damaged or outdated file is simply rebuilt from the articles, silently.
 */
import path from 'node:path';
import { readIfExists, writeDurable } from '../durable-file';
import { SEARCH_FIELDS, type ArticleTexts } from './fields';

export const SEARCH_FILE = 'search.json';
/** 2: the event became a field; 3: with its place's former names from the gazetteer. */
const FORMAT = 3;

export interface CachedArticle {
  readonly fileSize: number;
  readonly fileMtimeMs: number;
  readonly texts: ArticleTexts;
}

export type SearchCacheData = ReadonlyMap<string, CachedArticle>;

export function searchFile(dataDir: string): string {
  return path.join(dataDir, SEARCH_FILE);
}

/** The cache, or null when it is missing or cannot be trusted (then every article is read again). */
export async function readSearchCache(file: string): Promise<Map<string, CachedArticle> | null> {
  const bytes = await readIfExists(file);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT || !isRecord(parsed.articles)) return null;
  const out = new Map<string, CachedArticle>();
  for (const [id, value] of Object.entries(parsed.articles)) {
    const entry = cachedArticle(value);
    if (entry) out.set(id, entry);
  }
  return out;
}

export async function writeSearchCache(file: string, data: SearchCacheData): Promise<void> {
  await writeDurable(file, JSON.stringify({ format: FORMAT, articles: Object.fromEntries(data) }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One entry, checked by hand (a schema library costs seconds on 10,000 long articles). */
function cachedArticle(v: unknown): CachedArticle | null {
  if (!isRecord(v) || typeof v.fileSize !== 'number' || typeof v.fileMtimeMs !== 'number' || !isRecord(v.texts)) return null;
  const texts = v.texts;
  if (!SEARCH_FIELDS.every((f) => typeof texts[f] === 'string')) return null;
  return { fileSize: v.fileSize, fileMtimeMs: v.fileMtimeMs, texts: Object.fromEntries(SEARCH_FIELDS.map((f) => [f, texts[f] as string])) as ArticleTexts };
}
