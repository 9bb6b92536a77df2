/**
 * One Yjs document per article in `articles/<id>.ydoc`, written durably. A damaged file is
 * set aside and the last good copy (`<id>.ydoc.bak`, refreshed whenever the article loads
 * cleanly) takes its place. On a folder opened read-only nothing is written: no backup is
 * refreshed, a damaged file stays where it is and its backup is only read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { meta } from '../../src-shared/article-doc';
import { DeskError, type Notice } from '../../src-shared/errors';
import { moveAside, readIfExists, writeDurable } from './durable-file';
import { BACKUP_SUFFIX } from './desk-store';

export const ARTICLES_DIR = 'articles';
const EXT = '.ydoc';

export class ArticleFiles {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly readOnly = false,
  ) {
    this.dir = path.join(dataDir, ARTICLES_DIR);
  }

  fileOf(id: string): string {
    return path.join(this.dir, id + EXT);
  }

  async ids(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith(EXT) && !n.startsWith('.')).map((n) => n.slice(0, -EXT.length));
  }

  async stat(id: string): Promise<{ size: number; mtimeMs: number } | null> {
    try {
      const s = await fs.stat(this.fileOf(id));
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return null;
    }
  }

  async save(id: string, doc: Y.Doc): Promise<void> {
    await writeDurable(this.fileOf(id), Y.encodeStateAsUpdate(doc));
  }

  /**
   * Loads an article. A damaged file is moved aside and replaced by its backup when there is
   * one (`notice` tells the user either way); without a usable file it throws `notFound`.
   */
  async load(id: string, notice: (n: Notice) => void): Promise<Y.Doc> {
    const file = this.fileOf(id);
    const bytes = await readIfExists(file);
    if (bytes === null) throw new DeskError('notFound', { id });
    const doc = decodeArticleState(id, bytes);
    if (doc && this.readOnly) return doc;
    if (doc) {
      const backup = file + BACKUP_SUFFIX;
      const old = await readIfExists(backup);
      if (!old || !old.equals(bytes)) await writeDurable(backup, bytes);
      return doc;
    }
    const aside = this.readOnly ? path.basename(file) : path.basename(await moveAside(file));
    const at = new Date().toISOString();
    const backupBytes = await readIfExists(file + BACKUP_SUFFIX);
    const restored = backupBytes ? decodeArticleState(id, backupBytes) : null;
    if (restored && backupBytes) {
      if (!this.readOnly) await writeDurable(file, backupBytes);
      notice({ code: 'articleRestoredFromBackup', params: { id, aside }, at });
      return restored;
    }
    notice({ code: 'articleUnreadable', params: { id, aside }, at });
    throw new DeskError('notFound', { id });
  }
}

/** A Yjs state is good when it decodes and names the article it belongs to; otherwise null. */
export function decodeArticleState(id: string, bytes: Uint8Array): Y.Doc | null {
  if (bytes.length === 0) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
  } catch {
    doc.destroy();
    return null;
  }
  if (meta(doc).get('id') !== id) {
    doc.destroy();
    return null;
  }
  return doc;
}
