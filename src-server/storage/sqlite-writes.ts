/**
 * Every write the server makes to its SQLite file, run on the writer thread's connection
 * (sqlite-write-worker.ts) inside the group's transaction. Each returns plain data: it crosses
 * to the main thread as a message. See types.ts for what each call does.
 */
import type Database from 'better-sqlite3';
import type { Role } from '../../src-shared/server-api';
import { statementCache } from './sqlite-schema';
import { clientsOf, MovedMeanwhile, type ArticleDigest, type NewTransition, type UserChange, type UserRow } from './types';

export class SqliteWrites {
  private readonly sql: (text: string) => Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.sql = statementCache(db);
  }

  createUser(name: string, role: Role, passwordHash: string, now: string): UserRow {
    const info = this.sql('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(name, role, passwordHash, now);
    return { id: Number(info.lastInsertRowid), name, role, passwordHash, disabled: false, createdAt: now };
  }

  updateUser(id: number, change: UserChange): void {
    if (change.role !== undefined) this.sql('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
    if (change.passwordHash !== undefined) this.sql('UPDATE users SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
    if (change.disabled !== undefined) this.sql('UPDATE users SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
    if (change.disabled === true || change.passwordHash !== undefined) this.sql('DELETE FROM tokens WHERE user_id = ?').run(id);
  }

  addToken(hash: string, userId: number, now: string, expiresAt: string): void {
    this.sql('INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, userId, now, expiresAt);
  }

  deleteToken(hash: string): void {
    this.sql('DELETE FROM tokens WHERE hash = ?').run(hash);
  }

  ensureArticle(id: string, ownerId: number, now: string): void {
    this.sql('INSERT OR IGNORE INTO articles (id, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, ownerId, now, now);
  }

  setOwner(articleId: string, ownerId: number, byUserId: number, now: string): void {
    const before = this.sql('SELECT owner_id FROM articles WHERE id = ?').get(articleId) as { owner_id: number | null } | undefined;
    if (!before) return;
    this.sql('UPDATE articles SET owner_id = ? WHERE id = ?').run(ownerId, articleId);
    this.sql('INSERT INTO owner_changes (article_id, from_user, to_user, by_user, at) VALUES (?, ?, ?, ?, ?)').run(articleId, before.owner_id, ownerId, byUserId, now);
  }

  setAssignees(articleId: string, userIds: readonly number[]): void {
    this.sql('DELETE FROM assignments WHERE article_id = ?').run(articleId);
    const add = this.sql('INSERT OR IGNORE INTO assignments (article_id, user_id) VALUES (?, ?)');
    for (const u of userIds) add.run(articleId, u);
  }

  /** The update's number in the log: the article's version once it is stored. */
  appendUpdate(articleId: string, data: Uint8Array, userId: number | null, now: string): number {
    this.sql('INSERT OR IGNORE INTO articles (id, owner_id, created_at, updated_at) VALUES (?, NULL, ?, ?)').run(articleId, now, now);
    const info = this.sql('INSERT INTO article_updates (article_id, data, user_id, at) VALUES (?, ?, ?, ?)').run(articleId, data, userId, now);
    const seq = Number(info.lastInsertRowid);
    this.sql('UPDATE articles SET updated_at = ?, version = ? WHERE id = ?').run(now, seq, articleId);
    if (userId !== null) {
      this.sql('INSERT INTO article_writers (article_id, user_id, seq) VALUES (?, ?, ?) ON CONFLICT (article_id, user_id) DO UPDATE SET seq = excluded.seq').run(articleId, userId, seq);
      const client = this.sql('INSERT OR IGNORE INTO article_clients (article_id, client_id, user_id) VALUES (?, ?, ?)');
      for (const c of clientsOf(data)) client.run(articleId, c, userId);
    }
    return seq;
  }

  /** A compaction's result: the folded state, and the log up to the last update folded gone. */
  compacted(articleId: string, state: Uint8Array, lastSeq: number): void {
    this.sql('UPDATE articles SET state = ? WHERE id = ?').run(state, articleId);
    this.sql('DELETE FROM article_updates WHERE article_id = ? AND seq <= ?').run(articleId, lastSeq);
  }

  /** The move's id; refused (MovedMeanwhile) when the article's last move did not end where this one starts. */
  recordMove(update: Uint8Array, t: NewTransition): number {
    const last = this.sql('SELECT to_status FROM transitions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(t.articleId) as { to_status: NewTransition['to'] } | undefined;
    if (last && last.to_status !== t.from) throw new MovedMeanwhile(last.to_status);
    const version = this.appendUpdate(t.articleId, update, null, t.at);
    const info = this.sql('INSERT INTO transitions (article_id, from_status, to_status, note, by_user, at, version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(t.articleId, t.from, t.to, t.note, t.byUserId, t.at, version, t.state);
    return Number(info.lastInsertRowid);
  }

  putDigests(digests: ReadonlyArray<ArticleDigest & { readonly articleId: string }>): void {
    const put = this.sql(
      `INSERT INTO article_digests (article_id, version, headline, section, words, language, open_comments) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, headline = excluded.headline, section = excluded.section, words = excluded.words, language = excluded.language, open_comments = excluded.open_comments
       WHERE excluded.version > article_digests.version OR article_digests.open_comments IS NULL`,
    );
    for (const d of digests) put.run(d.articleId, d.version, d.headline, d.section, d.words, d.language, d.openComments);
  }

  addPhoto(id: string, size: number, mime: string, userId: number, now: string): void {
    this.sql('INSERT OR IGNORE INTO photos (id, size, mime, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?)').run(id, size, mime, userId, now);
  }

  addDictionaryWord(word: string, userId: number, now: string): boolean {
    return this.sql('INSERT OR IGNORE INTO dictionary_words (word, added_by, added_at) VALUES (?, ?, ?)').run(word, userId, now).changes > 0;
  }

  removeDictionaryWord(word: string): boolean {
    return this.sql('DELETE FROM dictionary_words WHERE word = ?').run(word).changes > 0;
  }
}

/** The writes by name, with their arguments and results, as the main thread asks for them. */
export type WriteName = keyof SqliteWrites;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a method's own parameters and result, whatever they are
type Method<K extends WriteName> = SqliteWrites[K] extends (...args: any[]) => any ? SqliteWrites[K] : never;
export type WriteArgs<K extends WriteName> = Parameters<Method<K>>;
export type WriteResult<K extends WriteName> = ReturnType<Method<K>>;

/** An error as it crosses from the writer thread: its message and SQLite code, or the status a refused move met. */
export interface WriteError {
  readonly message: string;
  readonly code?: string;
  readonly movedTo?: NewTransition['to'];
}

export function describeError(err: unknown): WriteError {
  if (err instanceof MovedMeanwhile) return { message: err.message, movedTo: err.status };
  const { message, code } = err as { message?: unknown; code?: unknown };
  return { message: typeof message === 'string' ? message : String(err), ...(typeof code === 'string' ? { code } : {}) };
}

export function errorOf(described: WriteError): Error {
  if (described.movedTo) return new MovedMeanwhile(described.movedTo);
  return Object.assign(new Error(described.message), described.code ? { code: described.code } : {});
}
