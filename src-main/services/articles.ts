/**
 * The articles of one desk: their Yjs documents (main is the source of truth), durable saves,
 * and the library index derived from them.
 */
import { promises as fs } from 'node:fs';
import * as Y from 'yjs';
import { initArticle, meta, summarize, type ArticleMetaInit } from '../../src-shared/article-doc';
import { DeskError, type Notice } from '../../src-shared/errors';
import type { ArticleSummary, Language } from '../../src-shared/models';
import { compareVi } from '../../src-shared/text/vietnamese';
import { lastWritten, stampWritten } from '../../src-shared/written';
import { type ArticleFiles } from './article-files';
import type { DeskData, IndexEntry } from './desk-store';
import { CoalescingWriter, ensureDir } from './durable-file';
import type { Hub } from './hub';
import { newClaim } from './sync/claim';
import type { Low } from 'lowdb';

/** Origin of changes made by main itself (trash, restore, import) rather than by a client. */
export const MAIN_ORIGIN = 'main';
const INDEX_DELAY_MS = 250;
/**
 * A change that leaves headline, status, language and trash alone (a body being typed) is told
 * to the library at most this often: its rows show when each article last changed, and a search
 * open in another window may now match, or no longer.
 */
const TEXT_CHANGE_MS = 2_000;

/** A change to the library index: an entry refreshed from its document, or removed (`doc` and `entry` null). */
export interface EntryChange {
  readonly id: string;
  readonly doc: Y.Doc | null;
  readonly entry: IndexEntry | null;
}

interface Loaded {
  readonly doc: Y.Doc;
  readonly writer: CoalescingWriter;
}

export class Articles {
  private readonly loaded = new Map<string, Promise<Loaded>>();
  /** How many calls are using each article right now (see `withDoc`). */
  private readonly holds = new Map<string, number>();
  private indexTimer: NodeJS.Timeout | null = null;
  private textTimer: NodeJS.Timeout | null = null;
  private readonly savedListeners = new Set<(id: string) => void>();
  private readonly entryListeners = new Set<(change: EntryChange) => void>();
  private readonly updateListeners = new Set<(id: string, origin: unknown) => void>();
  /** When each article changed last, for its next index refresh (now, unless `writtenAt` said otherwise). */
  private readonly written = new Map<string, string>();
  /** When this desk itself (a window, main) last wrote each article since its index entry was refreshed. */
  private readonly ownWritten = new Map<string, string>();

  constructor(
    private readonly files: ArticleFiles,
    private readonly db: Low<DeskData>,
    private readonly deskWriter: CoalescingWriter,
    private readonly hub: Hub,
    private readonly notice: (n: Notice) => void,
  ) {}

  /**
   * Makes the index agree with the files: new or changed files (by size and mtime) are
   * re-read, entries whose file is gone are dropped. Run at every open, so a crash between an
   * article save and an index write never leaves the library stale.
   */
  async reconcile(rebuildAll: boolean): Promise<boolean> {
    await ensureDir(this.files.dir);
    const index = this.db.data.index;
    const ids = new Set(await this.files.ids());
    let changed = false;
    for (const id of Object.keys(index)) {
      if (!ids.has(id)) {
        delete index[id];
        this.entryChanged({ id, doc: null, entry: null });
        changed = true;
      }
    }
    for (const id of ids) {
      const stat = await this.files.stat(id);
      const entry = index[id];
      if (!rebuildAll && entry && stat && entry.fileSize === stat.size && entry.fileMtimeMs === stat.mtimeMs) continue;
      try {
        await this.withDoc(id, ({ doc }) => this.refreshEntry(id, doc, entry?.updatedAt ?? new Date(stat?.mtimeMs ?? Date.now()).toISOString()));
        this.unloadIfUnused(id);
      } catch (err) {
        if (!(err instanceof DeskError && err.code === 'notFound')) throw err;
        delete index[id];
        this.entryChanged({ id, doc: null, entry: null });
      }
      changed = true;
    }
    if (changed) await this.deskWriter.request();
    return changed;
  }

  list(trashed: boolean): ArticleSummary[] {
    return Object.values(this.db.data.index)
      .filter((e) => (e.trashedAt !== null) === trashed)
      .map(toSummary)
      .sort((a, b) => compareVi(a.headline, b.headline) || b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Every index entry, in no particular order. */
  entries(): readonly IndexEntry[] {
    return Object.values(this.db.data.index);
  }

  /** Calls `listener` after every refresh or removal of an index entry (derived indexes keep in step). */
  onEntry(listener: (change: EntryChange) => void): () => void {
    this.entryListeners.add(listener);
    return () => this.entryListeners.delete(listener);
  }

  summary(id: string): ArticleSummary {
    const entry = this.db.data.index[id];
    if (!entry) throw new DeskError('notFound', { id });
    return toSummary(entry);
  }

  async create(init: { language: Language; byline?: string; section?: string; createdAt?: string; storyDate?: string }, fill?: (doc: Y.Doc) => void): Promise<ArticleSummary> {
    await ensureDir(this.files.dir);
    // The id proves this desk made it (sync/claim.ts): its secret is on disk before the article is.
    const { id, secret } = newClaim();
    const doc = new Y.Doc();
    const metaInit: ArticleMetaInit = { id, createdAt: init.createdAt ?? new Date().toISOString(), ...init };
    initArticle(doc, metaInit);
    doc.transact(() => {
      fill?.(doc);
      stampWritten(doc);
    }, MAIN_ORIGIN);
    try {
      this.db.data.sync.secrets[id] = secret;
      await this.deskWriter.request();
      await this.files.save(id, doc);
      const loaded = this.track(id, doc);
      this.loaded.set(id, Promise.resolve(loaded));
      await this.refreshEntry(id, doc, new Date().toISOString());
      await this.deskWriter.request();
    } catch (err) {
      await this.undoCreate(id);
      throw err;
    }
    this.hub.broadcast('library:changed', {});
    return this.summary(id);
  }

  /**
   * A create that failed part-way (a full disk: the article's file written, the index not)
   * leaves nothing behind — no file for the next open to find and list, no index entry, no
   * claim — so the failed command created nothing and a retry makes exactly one article.
   */
  private async undoCreate(id: string): Promise<void> {
    const loaded = this.loaded.get(id);
    this.loaded.delete(id);
    (await loaded)?.doc.destroy();
    await fs.rm(this.files.fileOf(id), { force: true });
    delete this.db.data.sync.secrets[id];
    if (this.db.data.index[id]) {
      delete this.db.data.index[id];
      this.entryChanged({ id, doc: null, entry: null });
    }
    // Without the article, desk.json is what it was; when the disk is still full it is not rewritten.
    await this.deskWriter.request().catch(() => undefined);
  }

  open(id: string): Promise<{ summary: ArticleSummary; state: Uint8Array }> {
    return this.withDoc(id, ({ doc }) => ({ summary: this.summary(id), state: Y.encodeStateAsUpdate(doc) }));
  }

  /** Applies a client's update; resolves once it is durably saved. */
  update(id: string, update: Uint8Array, origin: string): Promise<string> {
    return this.withDoc(id, async ({ doc, writer }) => {
      let changed = false;
      const seen = (tr: Y.Transaction): void => {
        if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) changed = true;
      };
      doc.on('afterTransaction', seen);
      try {
        Y.applyUpdate(doc, update, origin);
      } catch {
        throw new DeskError('invalidPayload', { field: 'update' });
      } finally {
        doc.off('afterTransaction', seen);
      }
      if (changed) doc.transact(() => stampWritten(doc), MAIN_ORIGIN);
      await writer.request();
      return new Date().toISOString();
    });
  }

  /** A change made by main itself (trash, restore, import): applied, broadcast and saved. */
  async change(id: string, fn: (doc: Y.Doc) => void): Promise<ArticleSummary> {
    await this.withDoc(id, async ({ doc, writer }) => {
      doc.transact(() => {
        fn(doc);
        stampWritten(doc);
      }, MAIN_ORIGIN);
      await writer.request();
    });
    await this.flushIndex();
    return this.summary(id);
  }

  setTrashed(id: string, trashed: boolean): Promise<ArticleSummary> {
    return this.change(id, (doc) => meta(doc).set('trashedAt', trashed ? new Date().toISOString() : null));
  }

  /** Reads an article without keeping it loaded (command line, exports). */
  async read<T>(id: string, fn: (doc: Y.Doc) => T): Promise<T> {
    try {
      return await this.withDoc(id, ({ doc }) => fn(doc));
    } finally {
      this.unloadIfUnused(id);
    }
  }

  /** Calls `listener` after each durable save of an edited article (version history). Returns the unsubscribe. */
  onSaved(listener: (id: string) => void): () => void {
    this.savedListeners.add(listener);
    return () => void this.savedListeners.delete(listener);
  }

  /** Calls `listener` after every change applied to a loaded article, with the change's origin (sync tells local from remote). */
  onUpdate(listener: (id: string, origin: unknown) => void): () => void {
    this.updateListeners.add(listener);
    return () => void this.updateListeners.delete(listener);
  }

  /**
   * Keeps the article loaded until `release` (sync attaches a provider to the live document):
   * changes made to `doc` are saved, indexed and sent to the windows like any other.
   */
  async hold(id: string): Promise<{ doc: Y.Doc; release: () => void }> {
    this.holds.set(id, (this.holds.get(id) ?? 0) + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const left = (this.holds.get(id) ?? 1) - 1;
      if (left > 0) this.holds.set(id, left);
      else this.holds.delete(id);
      this.unloadIfUnused(id);
    };
    try {
      const { doc } = await this.get(id);
      return { doc, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Whether the desk has this article (a file in articles/). */
  has(id: string): boolean {
    return Object.hasOwn(this.db.data.index, id) || this.loaded.has(id);
  }

  /**
   * Takes in an article that arrived from the newsroom server (a document that already names
   * `id` in its meta): saved durably, indexed and tracked from now on, like one created here.
   * It stays loaded until the caller's `hold` on it is released.
   *
   * `batched`: the caller writes desk.json and tells the library for many articles at once
   * (sync's first pull of thousands). Until then the index entry is in memory only; a crash
   * meanwhile leaves the saved file, which the next start's `reconcile` indexes.
   */
  async adopt(id: string, doc: Y.Doc, updatedAt?: string, options: { readonly batched?: boolean } = {}): Promise<void> {
    if (this.has(id)) throw new DeskError('badInput', { id });
    if (meta(doc).get('id') !== id) throw new DeskError('invalidPayload', { field: 'meta.id' });
    await ensureDir(this.files.dir);
    await this.files.save(id, doc);
    this.loaded.set(id, Promise.resolve(this.track(id, doc)));
    await this.refreshEntry(id, doc, lastWritten(doc) ?? updatedAt ?? new Date().toISOString());
    if (options.batched) return;
    await this.deskWriter.request();
    this.hub.broadcast('library:changed', {});
  }

  /**
   * Resolves once the article's file holds every change applied to it so far; rejects when its
   * last save failed. (Sync records an article as synced only after this.)
   */
  async saved(id: string): Promise<void> {
    const loaded = this.loaded.get(id);
    if (loaded) await (await loaded).writer.settled();
  }

  /**
   * The change just applied to `id` (from an `onUpdate` listener) was written at `at` — the
   * newsroom server's record of it — rather than now: the library's "updated" shows when the
   * text was last written, not when this desk's copy arrived. The later of that and the time
   * the library already shows is kept.
   */
  writtenAt(id: string, at: string): void {
    this.written.set(id, at);
  }

  closed(id: string): void {
    this.unloadIfUnused(id);
  }

  async flush(): Promise<void> {
    for (const p of this.loaded.values()) await (await p).writer.idle();
    await this.flushIndex();
    if (this.textTimer) this.announceLibrary();
    await this.deskWriter.idle();
  }

  /**
   * Runs `fn` on the loaded article. The hold is taken synchronously, before any await, so an
   * unload that is deciding meanwhile sees it and keeps the document: an update applied to a
   * copy that is being dropped would be saved from that copy while a fresh load from disk
   * (missing it) became the live one, and the next save would lose an acknowledged change.
   */
  private async withDoc<T>(id: string, fn: (loaded: Loaded) => T | Promise<T>): Promise<T> {
    this.holds.set(id, (this.holds.get(id) ?? 0) + 1);
    try {
      return await fn(await this.get(id));
    } finally {
      const left = (this.holds.get(id) ?? 1) - 1;
      if (left > 0) this.holds.set(id, left);
      else this.holds.delete(id);
    }
  }

  private async get(id: string): Promise<Loaded> {
    let p = this.loaded.get(id);
    if (!p) {
      p = this.files.load(id, this.notice).then((doc) => this.track(id, doc));
      this.loaded.set(id, p);
      p.catch(() => this.loaded.delete(id));
    }
    return p;
  }

  private track(id: string, doc: Y.Doc): Loaded {
    const writer = new CoalescingWriter(async () => {
      await this.files.save(id, doc);
      this.scheduleIndex(id, doc);
      for (const listener of this.savedListeners) listener(id);
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.written.set(id, new Date().toISOString());
      if (typeof origin === 'string') this.ownWritten.set(id, new Date().toISOString()); // a window's or main's own; sync's origin is its provider
      this.hub.articleChanged(id, update, origin);
      for (const listener of this.updateListeners) listener(id, origin);
      if (origin === MAIN_ORIGIN) return; // main's own changes are saved by `change`
      void writer.request().catch(() => undefined); // errors reach the caller of `update`
    });
    return { doc, writer };
  }

  private pendingIndex = new Map<string, Y.Doc>();

  private scheduleIndex(id: string, doc: Y.Doc): void {
    this.pendingIndex.set(id, doc);
    this.indexTimer ??= setTimeout(() => void this.flushIndex().catch(() => undefined), INDEX_DELAY_MS);
  }

  private async flushIndex(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    const pending = [...this.pendingIndex];
    this.pendingIndex.clear();
    let libraryChanged = false;
    for (const [id, doc] of pending) {
      const before = this.db.data.index[id];
      const written = this.written.get(id) ?? new Date().toISOString();
      this.written.delete(id);
      // A stamped article is dated by its writers (written.ts), this desk's own last write included;
      // one no desk stamped, by when this desk saw it change.
      const stamp = lastWritten(doc);
      const own = this.ownWritten.get(id);
      this.ownWritten.delete(id);
      const known = [before?.updatedAt, stamp === undefined ? written : own].filter((t): t is string => t !== undefined);
      await this.refreshEntry(id, doc, known.reduce((a, b) => (b > a ? b : a), stamp ?? written));
      const after = this.db.data.index[id]!;
      if (!before || before.headline !== after.headline || before.trashedAt !== after.trashedAt || before.status !== after.status || before.language !== after.language) libraryChanged = true;
    }
    if (pending.length) await this.deskWriter.request();
    if (libraryChanged) this.announceLibrary();
    else if (pending.length) this.textTimer ??= setTimeout(() => this.announceLibrary(), TEXT_CHANGE_MS).unref();
  }

  /** Tells every client the library changed (and that a text change waiting to be told is told). */
  private announceLibrary(): void {
    if (this.textTimer) clearTimeout(this.textTimer);
    this.textTimer = null;
    this.hub.broadcast('library:changed', {});
  }

  private async refreshEntry(id: string, doc: Y.Doc, updatedAt: string): Promise<void> {
    const stat = await this.files.stat(id);
    const entry: IndexEntry = { ...summarize(doc, updatedAt), id, fileSize: stat?.size ?? 0, fileMtimeMs: stat?.mtimeMs ?? 0 };
    this.db.data.index[id] = entry;
    this.entryChanged({ id, doc, entry });
  }

  private entryChanged(change: EntryChange): void {
    for (const listener of this.entryListeners) listener(change);
  }

  private unloadIfUnused(id: string): void {
    if (this.hub.isOpenAnywhere(id)) return;
    const p = this.loaded.get(id);
    if (!p) return;
    void p.then(async ({ doc, writer }) => {
      await writer.idle();
      if (this.hub.isOpenAnywhere(id) || this.pendingIndex.has(id) || this.holds.has(id)) return;
      this.loaded.delete(id);
      doc.destroy();
    });
  }
}

function toSummary(entry: IndexEntry): ArticleSummary {
  const { fileSize: _size, fileMtimeMs: _mtime, ...summary } = entry;
  return summary;
}
