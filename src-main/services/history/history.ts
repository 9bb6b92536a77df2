/**
 * Version history: snapshots of each article taken on a timer while it is being edited, on
 * demand, and just before a restore, kept in `history/<id>/` (see snapshot-files.ts) and
 * thinned by the retention rule (see retention.ts).
 *
 * The timer: after each durable save of an article, a snapshot is due once the last one is
 * `intervalMs` old (at once when the article has none yet). Nothing is written when the
 * article is unchanged since its last snapshot: the Yjs snapshot (state vector and delete set;
 * a deletion alone leaves the state vector as it was) is compared.
 */
import * as Y from 'yjs';
import { diffArticle, diffTexts } from '../../../src-shared/article-diff';
import { DeskError } from '../../../src-shared/errors';
import type { HistoryDiff, HistoryItem, HistoryReason } from '../../../src-shared/history';
import type { LostText } from '../../../src-shared/lost-text';
import type { Articles } from '../articles';
import type { Hub } from '../hub';
import { prunable } from './retention';
import { decodeVersion, SnapshotFiles, wordsOf } from './snapshot-files';

export const DEFAULT_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

export interface HistoryOptions {
  /** How old the last snapshot must be before an edited article gets a timer snapshot. */
  readonly intervalMs?: number;
}

interface Last {
  readonly at: number;
  readonly snapshot: Y.Snapshot;
  readonly item: HistoryItem;
}

export class History {
  readonly files: SnapshotFiles;
  private readonly intervalMs: number;
  private readonly last = new Map<string, Last | null>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout | null>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    dataDir: string,
    private readonly articles: Articles,
    private readonly hub: Hub,
    options: HistoryOptions = {},
  ) {
    this.files = new SnapshotFiles(dataDir);
    this.intervalMs = options.intervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
    this.stopListening = articles.onSaved((id) => this.saved(id));
  }

  async list(id: string): Promise<HistoryItem[]> {
    this.articles.summary(id);
    return this.files.list(id);
  }

  /** A snapshot now (`manual` or `restore`); when nothing changed since the last kept one, that one. */
  async snapshot(id: string, reason: 'manual' | 'restore'): Promise<HistoryItem> {
    this.articles.summary(id);
    const item = await this.take(id, reason);
    if (!item) throw new DeskError('internal');
    return item;
  }

  /**
   * The two sides of a merge (sync/merge-versions.ts): this desk's own text from just before
   * the server's changes were merged into it (`merge`), then the other side's text (`remote`,
   * when known). Both kept for good, neither is the article now (the timer still compares with
   * its own last snapshot).
   */
  async saveMerge(id: string, merge: { readonly local: Uint8Array; readonly remote: Uint8Array | null; readonly by: string | null; readonly samePlace: boolean; readonly lost?: readonly LostText[] }): Promise<HistoryItem[]> {
    this.articles.summary(id);
    const items = await this.serial(id, async () => {
      const at = new Date();
      const saved: HistoryItem[] = [];
      const sides: Array<[Uint8Array, 'merge' | 'remote']> = [[merge.local, 'merge']];
      if (merge.remote) sides.push([merge.remote, 'remote']);
      for (const [state, reason] of sides) {
        const doc = decodeVersion(id, state);
        if (!doc) continue; // not this article's state (the other side may not have it yet)
        const words = wordsOf(doc);
        doc.destroy();
        saved.push(await this.files.write(id, state, reason, words, at, { by: merge.by, samePlace: reason === 'merge' && merge.samePlace, dismissed: false, lost: reason === 'merge' ? (merge.lost ?? []) : [] }));
      }
      return saved;
    });
    if (items.length) this.hub.broadcast('history:changed', { id });
    return items;
  }

  /** The writer has read the notice about a merge that touched one paragraph on both sides: it is not shown again. */
  async dismissMerge(id: string, version: string): Promise<void> {
    this.articles.summary(id);
    const note = await this.files.note(id, version);
    if (!note || note.dismissed) return;
    await this.files.writeNote(id, version, { ...note, dismissed: true });
    this.hub.broadcast('history:changed', { id });
  }

  async get(id: string, version: string): Promise<Uint8Array> {
    this.articles.summary(id);
    return this.files.read(id, version);
  }

  /** The words that differ between a version (old) and the article now (new), field by field. */
  async diff(id: string, version: string): Promise<HistoryDiff> {
    const old = decodeVersion(id, await this.get(id, version));
    if (!old) throw new DeskError('versionNotFound', { version });
    try {
      return diffArticle(diffTexts(old), await this.articles.read(id, diffTexts));
    } finally {
      old.destroy();
    }
  }

  /** Stops the timers and waits for snapshots being written. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    for (const timer of this.timers.values()) if (timer) clearTimeout(timer);
    this.timers.clear();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private saved(id: string): void {
    if (this.closed || this.timers.has(id)) return;
    this.timers.set(id, null);
    this.track(
      this.lastOf(id).then((last) => {
        if (this.closed) return;
        const wait = last ? Math.max(0, last.at + this.intervalMs - Date.now()) : 0;
        const timer = setTimeout(() => {
          this.timers.delete(id);
          if (!this.closed) this.track(this.take(id, 'timer'));
        }, wait);
        timer.unref();
        this.timers.set(id, timer);
      }),
    );
  }

  private track(p: Promise<unknown>): void {
    const guarded = p.catch((err: unknown) => {
      // A timer snapshot that fails (article gone, disk full) is retried after the next save.
      if (!(err instanceof DeskError)) console.error('[history] snapshot failed', err);
    });
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }

  /** One snapshot at a time per article, in the order asked. */
  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(id) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(fn);
    this.queues.set(id, next);
    void next.catch(() => undefined).finally(() => this.queues.get(id) === next && this.queues.delete(id));
    return next;
  }

  /** Takes a snapshot unless nothing changed; a timer snapshot is then skipped (null). */
  private take(id: string, reason: HistoryReason): Promise<HistoryItem | null> {
    return this.serial(id, async () => {
      const last = await this.lastOf(id);
      const now = await this.articles.read(id, (doc) => ({ state: Y.encodeStateAsUpdate(doc), snapshot: Y.snapshot(doc), words: wordsOf(doc) }));
      if (last && Y.equalSnapshots(last.snapshot, now.snapshot)) {
        if (reason === 'timer') return null;
        // A timer snapshot may be thinned later; one taken on demand is kept for good.
        if (last.item.reason !== 'timer') return last.item;
      }
      const at = new Date();
      const item = await this.files.write(id, now.state, reason, now.words, at);
      this.last.set(id, { at: at.getTime(), snapshot: now.snapshot, item });
      if (reason === 'timer') await this.prune(id);
      this.hub.broadcast('history:changed', { id });
      return item;
    });
  }

  private async prune(id: string): Promise<void> {
    const items = await this.files.list(id);
    for (const version of prunable(items, new Date())) await this.files.remove(id, version);
  }

  /** The newest readable snapshot of an article, read from disk the first time. */
  private async lastOf(id: string): Promise<Last | null> {
    if (this.last.has(id)) return this.last.get(id) ?? null;
    let found: Last | null = null;
    for (const item of await this.files.list(id)) {
      const doc = decodeVersion(id, await this.files.read(id, item.version).catch(() => new Uint8Array()));
      if (!doc) continue;
      found = { at: Date.parse(item.createdAt), snapshot: Y.snapshot(doc), item };
      doc.destroy();
      break;
    }
    // A snapshot taken while this was reading is newer than what it found.
    if (!this.last.has(id)) this.last.set(id, found);
    return this.last.get(id) ?? null;
  }
}
