/**
 * Search over one desk: the index kept in step with the library (every refresh or removal of
 * an index entry), warmed at open from `search.json` (only articles whose file changed since
 * are read again), and the cache rewritten a moment after changes settle. An article whose
 * event has a place is indexed with the place's names from before the reform, from the
 * gazetteer, which is loaded only when such an article is met (then those articles are read
 * again, and a search waits for that).
 */
import type { SearchHit, SearchInput, SearchResult } from '../../../src-shared/contract';
import { SEARCH_MAX_HITS } from '../../../src-shared/contract';
import { DeskError } from '../../../src-shared/errors';
import { compareVi } from '../../../src-shared/text/vietnamese';
import type { Articles, EntryChange } from '../articles';
import type { IndexEntry } from '../desk-store';
import { CoalescingWriter } from '../durable-file';
import { readSearchCache, searchFile, writeSearchCache, type CachedArticle } from './cache';
import type * as Y from 'yjs';
import { readEvent } from '../../../src-shared/article-event';
import type { Gazetteer } from '../gazetteer/gazetteer';
import { gazetteer } from '../gazetteer/load';
import { textsOf, type ArticleTexts } from './fields';
import { entryFilter } from './filters';
import { SearchIndex } from './index';
import { parseQuery } from './query';

/** Changes are written to `search.json` this long after the last one (it is derived: a crash only costs re-reading). */
const SAVE_DELAY_MS = 1500;

type Stamp = Pick<IndexEntry, 'fileSize' | 'fileMtimeMs'>;

export class DeskSearch {
  private readonly index = new SearchIndex();
  private readonly stamps = new Map<string, Stamp>();
  private readonly writer: CoalescingWriter;
  private readonly file: string;
  private ready: Promise<void> | null = null;
  private readonly unlisten: () => void;
  private saveTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private closed = false;
  /** The gazetteer, once an article with an event place needed it (null: not yet, or it could not be loaded). */
  private places: Gazetteer | null = null;
  private placesFailed = false;
  /** Articles indexed without their place's former names, to read again once the gazetteer is here. */
  private readonly pending = new Set<string>();
  private enriching: Promise<void> | null = null;

  /**
   * Keeps the index in step from now on. With `warmNow` the warm-up starts at once, in the
   * background (the app: the first search is then ready sooner); otherwise at the first search
   * (the command line, whose other commands never need the index).
   */
  constructor(
    dataDir: string,
    private readonly articles: Articles,
    warmNow: boolean,
  ) {
    this.file = searchFile(dataDir);
    this.writer = new CoalescingWriter(() => writeSearchCache(this.file, this.snapshot()));
    this.unlisten = articles.onEntry((change) => this.apply(change));
    if (warmNow) void this.warmed().catch(() => undefined);
  }

  /** The warm-up, started once; searches wait for it. */
  private warmed(): Promise<void> {
    return (this.ready ??= this.warm(this.file));
  }

  async search(input: SearchInput): Promise<SearchResult> {
    await this.warmed();
    // A place's former names still being read: wait (a failure leaves the current names searched).
    if (this.enriching) await this.enriching.catch(() => undefined);
    const entries = new Map(this.articles.entries().map((e) => [e.id, e]));
    const admits = entryFilter(input);
    const terms = parseQuery(input.query);
    if (terms.length === 0) {
      const listed = [...entries.values()].filter(admits).sort(byHeadline);
      return { total: listed.length, hits: listed.slice(0, SEARCH_MAX_HITS).map((e) => ({ summary: summaryOf(e), score: 0, highlights: [] })) };
    }
    const q = this.index.prepare(terms);
    const { total, hits: best } = this.index.best(
      q,
      (id) => {
        const e = entries.get(id);
        return e !== undefined && admits(e);
      },
      SEARCH_MAX_HITS,
      (a, b) => byHeadline(entries.get(a)!, entries.get(b)!),
    );
    // Highlights only for the hits returned.
    const hits: SearchHit[] = best.map((m) => ({ summary: summaryOf(entries.get(m.id)!), score: m.score, highlights: this.index.highlights(q, m.id) }));
    return { total, hits };
  }

  /** Waits for the warm-up and writes what changed; the desk calls this before it lets go of the folder. */
  async close(): Promise<void> {
    this.closed = true;
    this.unlisten();
    await this.ready?.catch(() => undefined);
    await this.enriching?.catch(() => undefined);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.dirty) await this.save();
    await this.writer.idle();
  }

  private async warm(file: string): Promise<void> {
    const cached = await readSearchCache(file);
    const known = new Set<string>();
    let stale = cached === null;
    for (const entry of this.articles.entries()) {
      known.add(entry.id);
      if (this.index.has(entry.id)) continue; // refreshed meanwhile: already newer than any file
      const hit = cached?.get(entry.id);
      if (hit && hit.fileSize === entry.fileSize && hit.fileMtimeMs === entry.fileMtimeMs) {
        this.index.put(entry.id, hit.texts);
        this.stamps.set(entry.id, { fileSize: entry.fileSize, fileMtimeMs: entry.fileMtimeMs });
        continue;
      }
      stale = true;
      try {
        const texts = await this.articles.read(entry.id, (doc) => this.textsOf(entry.id, doc));
        if (this.index.has(entry.id) || this.closed) continue;
        this.index.put(entry.id, texts);
        this.stamps.set(entry.id, { fileSize: entry.fileSize, fileMtimeMs: entry.fileMtimeMs });
      } catch (err) {
        if (!(err instanceof DeskError && err.code === 'notFound')) throw err;
      }
    }
    if (cached) for (const id of cached.keys()) if (!known.has(id)) stale = true;
    if (stale) this.scheduleSave();
    if (this.pending.size) await this.enrich();
  }

  /** The article's texts, with its place's former names when the gazetteer is here; otherwise noted to be read again. */
  private textsOf(id: string, doc: Y.Doc): ArticleTexts {
    const places = this.places;
    if (!places && !this.placesFailed && readEvent(doc).place) {
      this.pending.add(id);
      void this.enrich().catch(() => undefined);
    }
    return textsOf(doc, places ? (unit) => places.formerNames(unit) : undefined);
  }

  /** Loads the gazetteer (once) and reads the pending articles again; searches wait for it. */
  private enrich(): Promise<void> {
    return (this.enriching ??= (async () => {
      try {
        this.places ??= await gazetteer();
      } catch {
        // Without the gazetteer the current and picked names are still searched.
        this.placesFailed = true;
        this.pending.clear();
        return;
      }
      while (this.pending.size && !this.closed) {
        const ids = [...this.pending];
        this.pending.clear();
        for (const id of ids) {
          if (!this.index.has(id)) continue;
          try {
            const texts = await this.articles.read(id, (doc) => this.textsOf(id, doc));
            if (this.index.has(id)) this.index.put(id, texts);
          } catch (err) {
            if (!(err instanceof DeskError && err.code === 'notFound')) throw err;
          }
        }
      }
      this.scheduleSave();
    })().finally(() => {
      this.enriching = null;
    }));
  }

  private apply(change: EntryChange): void {
    // Before the warm-up the index holds nothing to keep in step; the warm-up will see the new file stamp.
    if (!this.ready) return;
    if (change.doc && change.entry) {
      this.index.put(change.id, this.textsOf(change.id, change.doc));
      this.stamps.set(change.id, { fileSize: change.entry.fileSize, fileMtimeMs: change.entry.fileMtimeMs });
    } else {
      this.index.remove(change.id);
      this.stamps.delete(change.id);
    }
    this.scheduleSave();
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.closed) return;
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = null;
      void this.save().catch(() => undefined);
    }, SAVE_DELAY_MS);
  }

  private save(): Promise<void> {
    this.dirty = false;
    return this.writer.request();
  }

  private snapshot(): Map<string, CachedArticle> {
    const out = new Map<string, CachedArticle>();
    for (const [id, stamp] of this.stamps) {
      const texts = this.index.texts(id);
      if (texts) out.set(id, { fileSize: stamp.fileSize, fileMtimeMs: stamp.fileMtimeMs, texts });
    }
    return out;
  }
}

function byHeadline(a: IndexEntry, b: IndexEntry): number {
  return compareVi(a.headline, b.headline) || b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? -1 : 1);
}

function summaryOf(entry: IndexEntry): SearchHit['summary'] {
  const { fileSize: _size, fileMtimeMs: _mtime, ...summary } = entry;
  return summary;
}
