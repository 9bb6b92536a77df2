/**
 * The server's SQLite file (`<data>/server.sqlite`, better-sqlite3, WAL with synchronous=FULL,
 * so a committed transaction survives kill -9 and power loss) — the default storage, needing
 * nothing but the data folder. See types.ts for what each call does.
 *
 * Two connections: this thread's reads, and every write on the writer thread (sqlite-writer.ts),
 * so that no commit, fsync or checkpoint runs on the event loop. A write's promise settles once
 * it is committed and durable; the writes of one moment are committed together (group commit).
 * A read of an article's log first has every write asked for before it committed. One server at
 * a time holds the folder (an exclusive lock on `server.lock`).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Language, Status } from '../../src-shared/models';
import type { Role } from '../../src-shared/server-api';
import { Folder } from './fold';
import { openConnection, SCHEMA, statementCache } from './sqlite-schema';
import { SqliteWriter } from './sqlite-writer';
import { type ArticleDigest, type ArticleRow, type AuthorRow, type DirectoryRow, type NewTransition, type QueueEntry, type Storage, type StoredTransition, type UserChange, type UserRow, type WriterRow, type DictionaryWordRow } from './types';


interface RawTransition {
  id: number;
  article_id: string;
  from_status: Status;
  to_status: Status;
  note: string;
  by_name: string | null;
  at: string;
  version: number;
}

const TRANSITION_COLUMNS = 't.id, t.article_id, t.from_status, t.to_status, t.note, u.name AS by_name, t.at, t.version';
const toTransition = (r: RawTransition): StoredTransition => ({ id: r.id, article: r.article_id, from: r.from_status, to: r.to_status, note: r.note, by: r.by_name ?? '', at: r.at, version: Number(r.version) });
const marks = (n: number): string => (n === 0 ? 'NULL' : Array(n).fill('?').join(', '));


interface RawUser {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
}

const toUser = (r: RawUser): UserRow => ({ id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash, disabled: r.disabled === 1, createdAt: r.created_at });

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  readonly where: string;
  /** This thread's connection: it reads (migrate and the tests read through it too). */
  readonly db: Database.Database;
  private readonly lock: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly folder = new Folder();
  private closing = false;
  private readonly sql: (text: string) => Database.Statement;

  /** `commitEveryMs`: the shortest time between two commits of writes; `durable: false` only to seed a benchmark. */
  constructor(dataDir: string, options: { readonly commitEveryMs?: number; readonly durable?: boolean } = {}) {
    this.where = path.join(dataDir, 'server.sqlite');
    // One server per data folder: an exclusive lock on a file of its own, taken now and held
    // until close; the system drops it when the process dies, even by kill -9, so it never goes stale.
    this.lock = new Database(path.join(dataDir, 'server.lock'));
    try {
      this.lock.pragma('locking_mode = EXCLUSIVE');
      this.lock.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (err) {
      this.lock.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`another newsroom server is using ${dataDir}`, { cause: err });
      throw err;
    }
    try {
      this.db = openConnection(this.where);
      this.db.exec(SCHEMA);
      // A database made before the queue counted comments gains the column; its digests, without
      // a count (NULL), are read again once.
      const digestColumns = this.db.prepare('PRAGMA table_info(article_digests)').all() as Array<{ name: string }>;
      if (!digestColumns.some((c) => c.name === 'open_comments')) this.db.exec('ALTER TABLE article_digests ADD COLUMN open_comments INTEGER');
    } catch (err) {
      this.lock.close();
      throw err;
    }
    this.sql = statementCache(this.db);
    this.writer = new SqliteWriter(this.where, { commitEveryMs: options.commitEveryMs ?? 10, durable: options.durable ?? true });
  }

  /** How many groups of writes the writer thread has committed (the tests count them). */
  get commits(): number {
    return this.writer.commits;
  }

  /** A consistent copy of the database in `out`, made while the server goes on writing (ops/backup.ts). */
  copyTo(out: string): Promise<void> {
    return this.writer.backup(out);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.writer.close(); // writes waiting for their turn are committed first
    if (this.db.open) {
      // The last connection: its close checkpoints everything into the file and removes the log.
      this.db.close();
    }
    this.lock.close();
    await this.folder.close();
  }

  // ── users and tokens ────────────────────────────────────────────────────────────────────

  async userCount(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async userByName(name: string): Promise<UserRow | null> {
    const r = this.sql('SELECT * FROM users WHERE name = ?').get(name) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  async userById(id: number): Promise<UserRow | null> {
    const r = this.sql('SELECT * FROM users WHERE id = ?').get(id) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  async users(): Promise<UserRow[]> {
    return (this.sql('SELECT * FROM users ORDER BY name').all() as RawUser[]).map(toUser);
  }

  createUser(name: string, role: Role, passwordHash: string, now: string): Promise<UserRow> {
    return this.writer.call('createUser', name, role, passwordHash, now);
  }

  updateUser(id: number, change: UserChange): Promise<void> {
    return this.writer.call('updateUser', id, change);
  }

  addToken(hash: string, userId: number, now: string, expiresAt: string): Promise<void> {
    return this.writer.call('addToken', hash, userId, now, expiresAt);
  }

  deleteToken(hash: string): Promise<void> {
    return this.writer.call('deleteToken', hash);
  }

  /** The enabled user holding this (hashed) token, if it has not expired. */
  async userByTokenHash(hash: string, now: string): Promise<UserRow | null> {
    const r = this.db
      .prepare('SELECT users.* FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = ? AND tokens.expires_at > ? AND users.disabled = 0')
      .get(hash, now) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  // ── articles and access ─────────────────────────────────────────────────────────────────

  async article(id: string): Promise<ArticleRow | null> {
    const r = this.db
      .prepare('SELECT a.id, a.owner_id, u.name AS owner_name, a.created_at, a.updated_at, a.version FROM articles a LEFT JOIN users u ON u.id = a.owner_id WHERE a.id = ?')
      .get(id) as { id: string; owner_id: number | null; owner_name: string | null; created_at: string; updated_at: string; version: number } | undefined;
    return r ? { id: r.id, ownerId: r.owner_id, ownerName: r.owner_name, createdAt: r.created_at, updatedAt: r.updated_at, version: r.version } : null;
  }

  /** Records the article with its first writer as owner; an existing article keeps its owner. */
  ensureArticle(id: string, ownerId: number, now: string): Promise<void> {
    return this.writer.call('ensureArticle', id, ownerId, now);
  }

  async articlesCreatedSince(ownerId: number, since: string): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles WHERE owner_id = ? AND created_at >= ?').get(ownerId, since) as { n: number }).n;
  }

  setOwner(articleId: string, ownerId: number, byUserId: number, now: string): Promise<void> {
    return this.writer.call('setOwner', articleId, ownerId, byUserId, now);
  }

  async isAssigned(articleId: string, userId: number): Promise<boolean> {
    return this.sql('SELECT 1 FROM assignments WHERE article_id = ? AND user_id = ?').get(articleId, userId) !== undefined;
  }

  async assignees(articleId: string): Promise<string[]> {
    return (this.sql('SELECT u.name FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.article_id = ? ORDER BY u.name').all(articleId) as Array<{ name: string }>).map((r) => r.name);
  }

  setAssignees(articleId: string, userIds: readonly number[]): Promise<void> {
    return this.writer.call('setAssignees', articleId, userIds);
  }

  /** Articles the user may hold: all of them for editors and admins, owned or assigned for a reporter. */
  async directory(user: UserRow): Promise<DirectoryRow[]> {
    const all = user.role !== 'reporter';
    const rows = this.db
      .prepare(
        `SELECT a.id, a.owner_id, u.name AS owner_name, a.created_at, a.updated_at, a.version,
                (SELECT group_concat(name, char(10)) FROM (SELECT u2.name FROM assignments s JOIN users u2 ON u2.id = s.user_id WHERE s.article_id = a.id ORDER BY u2.name)) AS assignees
           FROM articles a LEFT JOIN users u ON u.id = a.owner_id
          WHERE ? OR a.owner_id = ? OR EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id AND s.user_id = ?)
          ORDER BY a.updated_at DESC, a.id`,
      )
      .all(all ? 1 : 0, user.id, user.id) as Array<{ id: string; owner_id: number | null; owner_name: string | null; created_at: string; updated_at: string; version: number; assignees: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      assignees: r.assignees ? r.assignees.split('\n') : [],
    }));
  }

  // ── documents ───────────────────────────────────────────────────────────────────────────

  /** Committed with the others of its moment on the writer thread (group commit); settles once durable. */
  appendUpdate(articleId: string, data: Uint8Array, userId: number | null, now: string): Promise<number> {
    return this.writer.call('appendUpdate', articleId, data, userId, now);
  }

  async documentParts(articleId: string): Promise<Uint8Array[]> {
    await this.writer.flush();
    const parts: Uint8Array[] = [];
    const row = this.sql('SELECT state FROM articles WHERE id = ?').get(articleId) as { state: Buffer | null } | undefined;
    if (row?.state) parts.push(row.state);
    for (const r of this.sql('SELECT data FROM article_updates WHERE article_id = ? ORDER BY seq').iterate(articleId) as Iterable<{ data: Buffer }>) parts.push(r.data);
    return parts;
  }

  async pendingUpdates(articleId: string): Promise<number> {
    await this.writer.flush();
    return (this.sql('SELECT count(*) AS n FROM article_updates WHERE article_id = ?').get(articleId) as { n: number }).n;
  }

  /**
   * The log and state are read here, folded on the folder's thread, and written back here: the
   * updates stored meanwhile come after the last one folded and stay in the log. One compaction
   * of an article at a time — only compactions write an article's state, so the state read is
   * still the one folded from when the new one is written.
   */
  async compact(articleId: string): Promise<void> {
    const previous = this.compacting.get(articleId);
    const run = (previous ?? Promise.resolve()).catch(() => undefined).then(() => this.compactNow(articleId));
    this.compacting.set(articleId, run);
    try {
      await run;
    } finally {
      if (this.compacting.get(articleId) === run) this.compacting.delete(articleId);
    }
  }

  private readonly compacting = new Map<string, Promise<void>>();

  private async compactNow(articleId: string): Promise<void> {
    // Stopping: the log stays as it is, complete (asked after the close, the writer refuses).
    if (this.closing) return;
    await this.writer.flush();
    if (this.closing) return;
    const rows = this.sql('SELECT seq, data FROM article_updates WHERE article_id = ? ORDER BY seq').all(articleId) as Array<{ seq: number; data: Buffer }>;
    if (rows.length === 0) return;
    const row = this.sql('SELECT state FROM articles WHERE id = ?').get(articleId) as { state: Buffer | null } | undefined;
    let state: Uint8Array;
    try {
      state = await this.folder.fold(articleId, row?.state ?? null, rows);
    } catch (err) {
      if (this.closing) return;
      throw err;
    }
    // Stopping meanwhile: the log stays as it is, complete.
    if (this.closing) return;
    await this.writer.call('compacted', articleId, state, rows[rows.length - 1]!.seq).catch((err: unknown) => {
      if (!this.closing) throw err;
    });
  }

  async articlesWithPendingUpdates(): Promise<string[]> {
    await this.writer.flush();
    return (this.sql('SELECT DISTINCT article_id FROM article_updates').all() as Array<{ article_id: string }>).map((r) => r.article_id);
  }

  async writers(articleId: string): Promise<WriterRow[]> {
    await this.writer.flush(); // a desk asks once it holds an update, which may still wait for its commit
    return (this.sql('SELECT u.name, w.seq FROM article_writers w JOIN users u ON u.id = w.user_id WHERE w.article_id = ? ORDER BY w.seq').all(articleId) as Array<{ name: string; seq: number }>).map((r) => ({ name: r.name, version: r.seq }));
  }

  // ── workflow ────────────────────────────────────────────────────────────────────────────

  async recordMove(update: Uint8Array, t: NewTransition): Promise<StoredTransition> {
    // After the updates asked for before it: they get their versions first.
    const id = await this.writer.call('recordMove', update, t);
    return toTransition(this.sql(`SELECT ${TRANSITION_COLUMNS} FROM transitions t LEFT JOIN users u ON u.id = t.by_user WHERE t.id = ?`).get(id) as RawTransition);
  }

  async transitions(articleId: string): Promise<StoredTransition[]> {
    return (this.sql(`SELECT ${TRANSITION_COLUMNS} FROM transitions t LEFT JOIN users u ON u.id = t.by_user WHERE t.article_id = ? ORDER BY t.id`).all(articleId) as RawTransition[]).map(toTransition);
  }

  async transitionState(articleId: string, id: number): Promise<Uint8Array | null> {
    return (this.sql('SELECT state FROM transitions WHERE article_id = ? AND id = ?').get(articleId, id) as { state: Buffer | null } | undefined)?.state ?? null;
  }

  async queue(waiting: readonly Status[], approved: readonly Status[]): Promise<QueueEntry[]> {
    // The latest move of each article with its status and version taken from that row (SQLite's
    // bare columns beside max()), and the article's columns, both read from covering indexes.
    const rows = this.db
      .prepare(
        `SELECT a.id, a.owner_id, u.name AS owner_name, a.created_at, a.updated_at, a.version, l.status, l.moved_at_version,
                (SELECT group_concat(name, char(10)) FROM (SELECT u2.name FROM assignments s JOIN users u2 ON u2.id = s.user_id WHERE s.article_id = a.id ORDER BY u2.name)) AS assignees,
                (SELECT max(s.at) FROM transitions s WHERE s.article_id = a.id AND s.to_status = 'submitted') AS arrived_at,
                d.version AS digest_version, d.headline, d.section, d.words, d.language, d.open_comments
           FROM (SELECT article_id, max(id) AS last, to_status AS status, version AS moved_at_version FROM transitions GROUP BY article_id) l
           JOIN articles a INDEXED BY articles_listing ON a.id = l.article_id
           LEFT JOIN users u ON u.id = a.owner_id
           LEFT JOIN article_digests d ON d.article_id = a.id
          WHERE l.status IN (${marks(waiting.length)}) OR (l.status IN (${marks(approved.length)}) AND a.version > l.moved_at_version)
          ORDER BY arrived_at DESC, a.id`,
      )
      .all(...waiting, ...approved) as Array<{
      id: string;
      owner_id: number | null;
      owner_name: string | null;
      created_at: string;
      updated_at: string;
      version: number;
      status: Status;
      moved_at_version: number;
      assignees: string | null;
      arrived_at: string | null;
      digest_version: number | null;
      headline: string | null;
      section: string | null;
      words: number | null;
      language: Language | null;
      open_comments: number | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      assignees: r.assignees ? r.assignees.split('\n') : [],
      status: r.status,
      arrivedAt: r.arrived_at,
      changedSinceApproved: approved.includes(r.status) && r.version > r.moved_at_version,
      digest: r.digest_version === null || r.open_comments === null ? null : { version: r.digest_version, headline: r.headline ?? '', section: r.section ?? '', words: r.words ?? 0, language: r.language ?? 'vi', openComments: r.open_comments },
    }));
  }

  putDigests(digests: ReadonlyArray<ArticleDigest & { readonly articleId: string }>): Promise<void> {
    return this.writer.call('putDigests', digests);
  }

  async authors(articleId: string): Promise<AuthorRow[]> {
    // A desk asks who wrote what once it holds an update: relayed before its commit, it may still
    // wait for it (and a desk told no name shows the change as nobody's).
    await this.writer.flush();
    return (this.sql('SELECT c.client_id, u.name FROM article_clients c JOIN users u ON u.id = c.user_id WHERE c.article_id = ? ORDER BY c.client_id').all(articleId) as Array<{ client_id: number; name: string }>).map((r) => ({ client: r.client_id, name: r.name }));
  }

  // ── photos ──────────────────────────────────────────────────────────────────────────────

  async photo(id: string): Promise<{ size: number; mime: string } | null> {
    return (this.sql('SELECT size, mime FROM photos WHERE id = ?').get(id) as { size: number; mime: string } | undefined) ?? null;
  }

  addPhoto(id: string, size: number, mime: string, userId: number, now: string): Promise<void> {
    return this.writer.call('addPhoto', id, size, mime, userId, now);
  }

  async photosUploadedSince(userId: number, since: string): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM photos WHERE uploaded_by = ? AND created_at >= ?').get(userId, since) as { n: number }).n;
  }
  async dictionaryWords(): Promise<DictionaryWordRow[]> {
    const rows = this.sql('SELECT d.word, u.name AS by_name, d.added_at FROM dictionary_words d LEFT JOIN users u ON u.id = d.added_by ORDER BY d.added_at, d.word').all() as Array<{ word: string; by_name: string | null; added_at: string }>;
    return rows.map((r) => ({ word: r.word, by: r.by_name ?? '', at: r.added_at }));
  }

  addDictionaryWord(word: string, userId: number, now: string): Promise<boolean> {
    return this.writer.call('addDictionaryWord', word, userId, now);
  }

  removeDictionaryWord(word: string): Promise<boolean> {
    return this.writer.call('removeDictionaryWord', word);
  }
}
