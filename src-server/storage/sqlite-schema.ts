/**
 * The newsroom's SQLite file: its tables, and how each of the server's two connections to it is
 * opened (the main thread's, which reads, and the writer thread's, which writes: sqlite-writer.ts).
 */
import Database from 'better-sqlite3';

export const SCHEMA = `
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

/**
 * A connection in WAL mode (readers never wait for the writer), waiting up to `busy_timeout` for
 * a lock another connection of the server holds a moment, with foreign keys checked.
 * `durable`: commits wait for the disk (synchronous=FULL), so a committed transaction survives
 * kill -9 and power loss; only seeding a benchmark turns it off.
 */
export function openConnection(file: string, durable = true): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durable ? 'FULL' : 'OFF'}`);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Prepared statements by their text, prepared once per connection (preparing was a fifth of an update's commit). */
export function statementCache(db: Database.Database): (text: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
}
