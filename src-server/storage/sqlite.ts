/**
 * The server's SQLite file (`<data>/server.sqlite`, better-sqlite3, WAL with synchronous=FULL,
 * so a committed transaction survives kill -9 and power loss) — the default storage, needing
 * nothing but the data folder. See types.ts for what each call does.
 *
 * better-sqlite3 is synchronous: every call does its work, committed, before it returns its
 * (already settled) promise — but for appendUpdate, which commits the updates of one event-loop
 * turn together (group commit), and compact. Those two commit without waiting for the disk and
 * resolve once the log is flushed on another thread (wal-sync.ts), so that relaying never waits
 * behind an fsync. Their changes are in the database from their commit: every read, load,
 * compaction and backup on the connection sees them, before they are durable; only the caller's
 * promise (the sender's acknowledgement) waits for the disk. A read of an article's log commits
 * the updates still waiting for their turn first, so it sees every update handed in before it.
 * One server at a time holds the file (an exclusive lock).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Language, Status } from '../../src-shared/models';
import type { Role } from '../../src-shared/server-api';
import { Folder } from './fold';
import { WalSync } from './wal-sync';
import { clientsOf, MovedMeanwhile, type ArticleDigest, type ArticleRow, type AuthorRow, type DirectoryRow, type NewTransition, type QueueEntry, type Storage, type StoredTransition, type UserChange, type UserRow, type WriterRow, type DictionaryWordRow } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_user ON tokens(user_id);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  owner_id INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  state BLOB
);
CREATE TABLE IF NOT EXISTS article_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  data BLOB NOT NULL,
  user_id INTEGER,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_updates_article ON article_updates(article_id, seq);
CREATE TABLE IF NOT EXISTS article_writers (
  article_id TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE TABLE IF NOT EXISTS assignments (
  article_id TEXT NOT NULL REFERENCES articles(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (article_id, user_id)
);
CREATE TABLE IF NOT EXISTS photos (
  id TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  uploaded_by INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_owner_created ON articles(owner_id, created_at);
CREATE INDEX IF NOT EXISTS photos_uploader_created ON photos(uploaded_by, created_at);
CREATE TABLE IF NOT EXISTS owner_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  from_user INTEGER,
  to_user INTEGER NOT NULL,
  by_user INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_clients (
  article_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  PRIMARY KEY (article_id, client_id)
);
CREATE TABLE IF NOT EXISTS transitions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL REFERENCES articles(id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL,
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  version INTEGER NOT NULL,
  state BLOB
);
CREATE INDEX IF NOT EXISTS transitions_article ON transitions(article_id, id);
-- The listings (directory, queue) read these columns from indexes: an article's row, and a
-- submission's, holds its Yjs state inline, so reading the rows themselves reads every state.
CREATE INDEX IF NOT EXISTS articles_listing ON articles(id, owner_id, created_at, updated_at, version);
CREATE INDEX IF NOT EXISTS transitions_latest ON transitions(article_id, id, to_status, version, at);
CREATE TABLE IF NOT EXISTS article_digests (
  article_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  headline TEXT NOT NULL,
  section TEXT NOT NULL,
  words INTEGER NOT NULL,
  language TEXT NOT NULL,
  open_comments INTEGER
);CREATE TABLE IF NOT EXISTS dictionary_words (
  word TEXT PRIMARY KEY,
  added_by INTEGER REFERENCES users(id),
  added_at TEXT NOT NULL
);
`;

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

interface PendingUpdate {
  readonly articleId: string;
  readonly data: Uint8Array;
  readonly userId: number | null;
  readonly now: string;
  readonly resolve: (seq: number) => void;
  readonly reject: (err: unknown) => void;
}

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
  readonly db: Database.Database;
  private readonly wal: WalSync;
  private readonly folder = new Folder();
  private closing = false;
  /** Prepared statements by their text: preparing one took a fifth of each update's commit. */
  private readonly statements = new Map<string, Database.Statement>();

  /** `commitEveryMs`: the shortest time between two commits of updates (appendUpdate). */
  constructor(
    dataDir: string,
    private readonly commitEveryMs = 10,
  ) {
    this.where = path.join(dataDir, 'server.sqlite');
    this.wal = new WalSync(this.where);
    this.db = new Database(this.where);
    try {
      // One server per data folder: the exclusive lock is taken now and held until close; the
      // system drops it when the process dies, even by kill -9, so it never goes stale.
      this.db.pragma('busy_timeout = 1000');
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.pragma('journal_mode = WAL');
      this.db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (err) {
      this.db.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`another newsroom server is using ${dataDir}`, { cause: err });
      throw err;
    }
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    // A database made before the queue counted comments gains the column; its digests, without
    // a count (NULL), are read again once.
    const digestColumns = this.sql('PRAGMA table_info(article_digests)').all() as Array<{ name: string }>;
    if (!digestColumns.some((c) => c.name === 'open_comments')) this.db.exec('ALTER TABLE article_digests ADD COLUMN open_comments INTEGER');
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.commitBatch(); // updates waiting for this turn's commit are committed (or refused) first
    await this.wal.settled(); // and made durable, with any committed meanwhile
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    await this.wal.close();
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

  async createUser(name: string, role: Role, passwordHash: string, now: string): Promise<UserRow> {
    const info = this.sql('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(name, role, passwordHash, now);
    return { id: Number(info.lastInsertRowid), name, role, passwordHash, disabled: false, createdAt: now };
  }

  async updateUser(id: number, change: UserChange): Promise<void> {
    this.db.transaction(() => {
      if (change.role !== undefined) this.sql('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
      if (change.passwordHash !== undefined) this.sql('UPDATE users SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
      if (change.disabled !== undefined) this.sql('UPDATE users SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
      if (change.disabled === true || change.passwordHash !== undefined) this.sql('DELETE FROM tokens WHERE user_id = ?').run(id);
    })();
  }

  async addToken(hash: string, userId: number, now: string, expiresAt: string): Promise<void> {
    this.sql('INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, userId, now, expiresAt);
  }

  async deleteToken(hash: string): Promise<void> {
    this.sql('DELETE FROM tokens WHERE hash = ?').run(hash);
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
  async ensureArticle(id: string, ownerId: number, now: string): Promise<void> {
    this.sql('INSERT OR IGNORE INTO articles (id, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, ownerId, now, now);
  }

  async articlesCreatedSince(ownerId: number, since: string): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles WHERE owner_id = ? AND created_at >= ?').get(ownerId, since) as { n: number }).n;
  }

  async setOwner(articleId: string, ownerId: number, byUserId: number, now: string): Promise<void> {
    this.db.transaction(() => {
      const before = this.sql('SELECT owner_id FROM articles WHERE id = ?').get(articleId) as { owner_id: number | null } | undefined;
      if (!before) return;
      this.sql('UPDATE articles SET owner_id = ? WHERE id = ?').run(ownerId, articleId);
      this.sql('INSERT INTO owner_changes (article_id, from_user, to_user, by_user, at) VALUES (?, ?, ?, ?, ?)').run(articleId, before.owner_id, ownerId, byUserId, now);
    })();
  }

  async isAssigned(articleId: string, userId: number): Promise<boolean> {
    return this.sql('SELECT 1 FROM assignments WHERE article_id = ? AND user_id = ?').get(articleId, userId) !== undefined;
  }

  async assignees(articleId: string): Promise<string[]> {
    return (this.sql('SELECT u.name FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.article_id = ? ORDER BY u.name').all(articleId) as Array<{ name: string }>).map((r) => r.name);
  }

  async setAssignees(articleId: string, userIds: readonly number[]): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM assignments WHERE article_id = ?').run(articleId);
      const add = this.sql('INSERT OR IGNORE INTO assignments (article_id, user_id) VALUES (?, ?)');
      for (const u of userIds) add.run(articleId, u);
    })();
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

  /**
   * Group commit: the updates that arrive together are committed in one transaction, one
   * fsync, and each caller's promise settles only after that commit — so the acknowledgement
   * still follows the commit. Together means at most one commit every `commitEveryMs`: the
   * first update after a quiet spell is committed at the end of its turn of the event loop
   * (with the others of that turn), and those arriving sooner after a commit wait for the
   * window's end. A commit costs about 0.25 ms of CPU whatever it holds and each update in it
   * 0.02 ms more, so two hundred desks typing (some 600 updates a second, one a turn) cost a
   * fifth of the commits; the updates reach the other desks before their commit (sync.ts), so
   * only their senders' acknowledgements wait, by at most the window.
   */
  appendUpdate(articleId: string, data: Uint8Array, userId: number | null, now: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.batch.push({ articleId, data, userId, now, resolve, reject });
      if (this.batch.length === 1) {
        const wait = this.lastCommit + this.commitEveryMs - performance.now();
        if (wait <= 0) setImmediate(() => this.commitBatch());
        else setTimeout(() => this.commitBatch(), wait);
      }
    });
  }

  private readonly batch: PendingUpdate[] = [];
  /** When the last group of updates was committed (performance.now()). */
  private lastCommit = -Infinity;
  /** How many groups of updates were committed (the tests count them). */
  commits = 0;

  private commitBatch(): void {
    const batch = this.batch.splice(0);
    if (batch.length === 0) return;
    this.lastCommit = performance.now();
    this.commits++;
    let seqs: number[];
    try {
      if (!this.db.open) throw new Error('the database is closed');
      seqs = this.commitLater(() => batch.map((u) => this.insertUpdate(u)));
    } catch (err) {
      for (const u of batch) u.reject(err);
      return;
    }
    this.wal.flush().then(
      () => batch.forEach((u, i) => u.resolve(seqs[i]!)),
      (err: unknown) => batch.forEach((u) => u.reject(err)),
    );
  }

  /** Runs `work` in a transaction committed without waiting for the disk (synchronous=NORMAL): the caller then waits on `wal.flush()`. */
  private commitLater<T>(work: () => T): T {
    this.sql('PRAGMA synchronous = NORMAL').run();
    try {
      return this.db.transaction(work)();
    } finally {
      this.sql('PRAGMA synchronous = FULL').run();
    }
  }

  private insertUpdate({ articleId, data, userId, now }: Pick<PendingUpdate, 'articleId' | 'data' | 'userId' | 'now'>): number {
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

  async documentParts(articleId: string): Promise<Uint8Array[]> {
    this.commitBatch();
    const parts: Uint8Array[] = [];
    const row = this.sql('SELECT state FROM articles WHERE id = ?').get(articleId) as { state: Buffer | null } | undefined;
    if (row?.state) parts.push(row.state);
    for (const r of this.sql('SELECT data FROM article_updates WHERE article_id = ? ORDER BY seq').iterate(articleId) as Iterable<{ data: Buffer }>) parts.push(r.data);
    return parts;
  }

  async pendingUpdates(articleId: string): Promise<number> {
    this.commitBatch();
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
    this.commitBatch();
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
    if (this.closing || !this.db.open) return;
    this.commitLater(() => {
      this.sql('UPDATE articles SET state = ? WHERE id = ?').run(state, articleId);
      this.sql('DELETE FROM article_updates WHERE article_id = ? AND seq <= ?').run(articleId, rows[rows.length - 1]!.seq);
    });
    await this.wal.flush();
  }

  async articlesWithPendingUpdates(): Promise<string[]> {
    this.commitBatch();
    return (this.sql('SELECT DISTINCT article_id FROM article_updates').all() as Array<{ article_id: string }>).map((r) => r.article_id);
  }

  async writers(articleId: string): Promise<WriterRow[]> {
    return (this.sql('SELECT u.name, w.seq FROM article_writers w JOIN users u ON u.id = w.user_id WHERE w.article_id = ? ORDER BY w.seq').all(articleId) as Array<{ name: string; seq: number }>).map((r) => ({ name: r.name, version: r.seq }));
  }

  // ── workflow ────────────────────────────────────────────────────────────────────────────

  async recordMove(update: Uint8Array, t: NewTransition): Promise<StoredTransition> {
    this.commitBatch(); // updates that arrived before the move get their versions first
    const id = this.db.transaction(() => {
      const last = this.sql('SELECT to_status FROM transitions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(t.articleId) as { to_status: Status } | undefined;
      if (last && last.to_status !== t.from) throw new MovedMeanwhile(last.to_status);
      const version = this.insertUpdate({ articleId: t.articleId, data: update, userId: null, now: t.at });
      const info = this.db
        .prepare('INSERT INTO transitions (article_id, from_status, to_status, note, by_user, at, version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(t.articleId, t.from, t.to, t.note, t.byUserId, t.at, version, t.state);
      return Number(info.lastInsertRowid);
    })();
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

  async putDigests(digests: ReadonlyArray<ArticleDigest & { readonly articleId: string }>): Promise<void> {
    const put = this.sql(
      `INSERT INTO article_digests (article_id, version, headline, section, words, language, open_comments) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, headline = excluded.headline, section = excluded.section, words = excluded.words, language = excluded.language, open_comments = excluded.open_comments
       WHERE excluded.version > article_digests.version OR article_digests.open_comments IS NULL`,
    );
    this.db.transaction(() => {
      for (const d of digests) put.run(d.articleId, d.version, d.headline, d.section, d.words, d.language, d.openComments);
    })();
  }

  async authors(articleId: string): Promise<AuthorRow[]> {
    return (this.sql('SELECT c.client_id, u.name FROM article_clients c JOIN users u ON u.id = c.user_id WHERE c.article_id = ? ORDER BY c.client_id').all(articleId) as Array<{ client_id: number; name: string }>).map((r) => ({ client: r.client_id, name: r.name }));
  }

  // ── photos ──────────────────────────────────────────────────────────────────────────────

  async photo(id: string): Promise<{ size: number; mime: string } | null> {
    return (this.sql('SELECT size, mime FROM photos WHERE id = ?').get(id) as { size: number; mime: string } | undefined) ?? null;
  }

  async addPhoto(id: string, size: number, mime: string, userId: number, now: string): Promise<void> {
    this.sql('INSERT OR IGNORE INTO photos (id, size, mime, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?)').run(id, size, mime, userId, now);
  }

  async photosUploadedSince(userId: number, since: string): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM photos WHERE uploaded_by = ? AND created_at >= ?').get(userId, since) as { n: number }).n;
  }
  async dictionaryWords(): Promise<DictionaryWordRow[]> {
    const rows = this.sql('SELECT d.word, u.name AS by_name, d.added_at FROM dictionary_words d LEFT JOIN users u ON u.id = d.added_by ORDER BY d.added_at, d.word').all() as Array<{ word: string; by_name: string | null; added_at: string }>;
    return rows.map((r) => ({ word: r.word, by: r.by_name ?? '', at: r.added_at }));
  }

  async addDictionaryWord(word: string, userId: number, now: string): Promise<boolean> {
    return this.sql('INSERT OR IGNORE INTO dictionary_words (word, added_by, added_at) VALUES (?, ?, ?)').run(word, userId, now).changes > 0;
  }

  async removeDictionaryWord(word: string): Promise<boolean> {
    return this.sql('DELETE FROM dictionary_words WHERE word = ?').run(word).changes > 0;
  }
}
