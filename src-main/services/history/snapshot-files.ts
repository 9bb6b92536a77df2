/**
 * The stored versions of articles: `history/<articleId>/<version>.ydoc`, each the article's
 * full Yjs state at that moment, written durably and never changed afterwards. A file that
 * does not decode as that article's state is left alone and skipped.
 *
 * A version saved around a merge (`merge`, `remote`) has a note beside it,
 * `<version>.json` — who made the changes merged, whether both sides changed one paragraph and
 * whether that notice was dismissed —, written before the state, so a version never lacks it
 * (a note without its version is ignored). A damaged or missing note reads as "not known".
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { summarize } from '../../../src-shared/article-doc';
import { DeskError } from '../../../src-shared/errors';
import { parseVersion, versionName, type HistoryItem, type HistoryReason } from '../../../src-shared/history';
import { LostText } from '../../../src-shared/lost-text';
import { decodeArticleState } from '../article-files';
import { ensureDir, exists, readIfExists, writeDurable } from '../durable-file';

export const HISTORY_DIR = 'history';
const EXT = '.ydoc';
const NOTE_EXT = '.json';

/** What is noted beside a version saved around a merge. */
export interface MergeNote {
  readonly by: string | null;
  readonly samePlace: boolean;
  readonly dismissed: boolean;
  /** Words lost from the merged text with a paragraph the other side removed (absent in older notes). */
  readonly lost?: readonly LostText[];
}

const hasNote = (reason: HistoryReason): boolean => reason === 'merge' || reason === 'remote';

/** The article's document from a stored state, or null when the bytes are not that article's. */
export const decodeVersion = decodeArticleState;

export function wordsOf(doc: Y.Doc): number {
  return summarize(doc, '').words;
}

export class SnapshotFiles {
  readonly dir: string;
  /** What each file held when last read: files never change, but a damaged one may be replaced. */
  private readonly cache = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly words: number | null }>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, HISTORY_DIR);
  }

  dirOf(id: string): string {
    return path.join(this.dir, id);
  }

  /** The file of a version; the name must be a version's (no separators, no dots). */
  fileOf(id: string, version: string): string {
    if (!parseVersion(version)) throw new DeskError('versionNotFound', { version });
    return path.join(this.dirOf(id), version + EXT);
  }

  /** Writes a version durably (its note first, when it has one); the name is moved on by a millisecond if that moment is taken. */
  async write(id: string, state: Uint8Array, reason: HistoryReason, words: number, at: Date, note?: MergeNote): Promise<HistoryItem> {
    await ensureDir(this.dirOf(id));
    let when = at;
    let version = versionName(when, reason);
    while (await exists(this.fileOf(id, version))) {
      when = new Date(when.getTime() + 1);
      version = versionName(when, reason);
    }
    if (note) await this.writeNote(id, version, note);
    await writeDurable(this.fileOf(id, version), state);
    return withNote({ version, createdAt: when.toISOString(), reason, size: state.byteLength, words }, note ?? null);
  }

  /** The note beside a merge version; null when it has none or it is damaged. */
  async note(id: string, version: string): Promise<MergeNote | null> {
    const bytes = await readIfExists(this.noteOf(id, version)).catch(() => null);
    if (!bytes) return null;
    try {
      const v = JSON.parse(bytes.toString('utf8')) as Partial<MergeNote>;
      const lost = LostText.array().safeParse(v.lost);
      return { by: typeof v.by === 'string' ? v.by : null, samePlace: v.samePlace === true, dismissed: v.dismissed === true, lost: lost.success ? lost.data : [] };
    } catch {
      return null;
    }
  }

  async writeNote(id: string, version: string, note: MergeNote): Promise<void> {
    await writeDurable(this.noteOf(id, version), JSON.stringify(note));
  }

  private noteOf(id: string, version: string): string {
    return this.fileOf(id, version).slice(0, -EXT.length) + NOTE_EXT;
  }

  /** Every readable version of an article, newest first; damaged files are skipped. */
  async list(id: string): Promise<HistoryItem[]> {
    const names = await fs.readdir(this.dirOf(id)).catch(() => [] as string[]);
    const items: HistoryItem[] = [];
    for (const name of names) {
      if (!name.endsWith(EXT)) continue;
      const version = name.slice(0, -EXT.length);
      const parsed = parseVersion(version);
      if (!parsed) continue;
      const words = await this.wordsIn(id, version);
      if (words === null) continue;
      const item: HistoryItem = { version, createdAt: parsed.createdAt, reason: parsed.reason, size: words.size, words: words.words };
      items.push(hasNote(parsed.reason) ? withNote(item, await this.note(id, version)) : item);
    }
    return items.sort((a, b) => b.version.localeCompare(a.version));
  }

  /** A version's stored state; `versionNotFound` when it is missing or damaged. */
  async read(id: string, version: string): Promise<Uint8Array> {
    const bytes = await readIfExists(this.fileOf(id, version));
    const doc = bytes ? decodeVersion(id, bytes) : null;
    if (!bytes || !doc) throw new DeskError('versionNotFound', { version });
    doc.destroy();
    // A plain Uint8Array: a Buffer would cross web mode's JSON as `{ type: 'Buffer', data }`.
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async remove(id: string, version: string): Promise<void> {
    await fs.rm(this.fileOf(id, version), { force: true });
    await fs.rm(this.noteOf(id, version), { force: true });
  }

  private async wordsIn(id: string, version: string): Promise<{ size: number; words: number } | null> {
    const file = this.fileOf(id, version);
    let stat: { size: number; mtimeMs: number };
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
    const cached = this.cache.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.words === null ? null : { size: stat.size, words: cached.words };
    const bytes = await readIfExists(file);
    const doc = bytes ? decodeVersion(id, bytes) : null;
    const words = doc ? wordsOf(doc) : null;
    doc?.destroy();
    this.cache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, words });
    return words === null ? null : { size: stat.size, words };
  }
}

function withNote(item: HistoryItem, note: MergeNote | null): HistoryItem {
  if (!hasNote(item.reason)) return item;
  const by = note?.by ?? null;
  return item.reason === 'merge' ? { ...item, by, samePlace: note?.samePlace ?? false, dismissed: note?.dismissed ?? false, lost: [...(note?.lost ?? [])] } : { ...item, by };
}
