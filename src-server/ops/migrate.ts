/**
 * Moves a SQLite newsroom (the data folder's `server.sqlite`) into an empty PostgreSQL
 * database: every table, row for row, with the same ids and sequence numbers, in one
 * PostgreSQL transaction — a failure leaves the database as it was. The SQLite file is only
 * read, and is opened with the server's exclusive lock, so a server still running on the folder
 * makes the move refuse to start. Photos stay where they are: the server on PostgreSQL keeps
 * its photos in the data folder too (start it with the same `--data`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PostgresStorage, SqliteStorage } from '../storage';

/** The tables in an order that satisfies the foreign keys, and the identity column of those that have one. */
const TABLES: ReadonlyArray<{ readonly name: string; readonly identity?: string }> = [
  { name: 'users', identity: 'id' },
  { name: 'tokens' },
  { name: 'articles' },
  { name: 'article_updates', identity: 'seq' },
  { name: 'article_writers' },
  { name: 'assignments' },
  { name: 'photos' },
  { name: 'owner_changes', identity: 'seq' },
  { name: 'article_clients' },
  { name: 'transitions', identity: 'id' },
];

/** Columns stored as 0/1 in SQLite and as booleans in PostgreSQL. */
const BOOLEAN_COLUMNS: Readonly<Record<string, readonly string[]>> = { users: ['disabled'] };

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export type MigrationCounts = Record<string, number>;

export async function migrateToPostgres(dataDir: string, databaseUrl: string, progress: (line: string) => void = () => undefined): Promise<MigrationCounts> {
  if (!existsSync(path.join(dataDir, 'server.sqlite'))) throw new Error(`no newsroom in ${dataDir} (server.sqlite is missing)`);
  const sqlite = new SqliteStorage(dataDir); // takes the folder's lock: refuses while a server runs on it
  try {
    // The schema, made as the server makes it (and checked: synchronous_commit on).
    await (await PostgresStorage.open(databaseUrl)).close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      try {
        const counts = await copyTables(sqlite, client, progress);
        await client.query('COMMIT');
        return counts;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await client.end();
    }
  } finally {
    await sqlite.close();
  }
}

async function copyTables(sqlite: SqliteStorage, client: pg.Client, progress: (line: string) => void): Promise<MigrationCounts> {
  for (const table of ['users', 'articles']) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    if (Number(rows[0]!.n) > 0) throw new Error(`the PostgreSQL database already holds a newsroom (its ${table} table is not empty): give an empty database`);
  }
  const counts: MigrationCounts = {};
  for (const { name, identity } of TABLES) {
    const columns = (sqlite.db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((c) => c.name);
    const booleans = new Set(BOOLEAN_COLUMNS[name] ?? []);
    const insert = async (rows: ReadonlyArray<Record<string, unknown>>): Promise<void> => {
      if (rows.length === 0) return;
      const values: unknown[] = [];
      const tuples = rows.map((row) => `(${columns.map((c) => (values.push(booleans.has(c) ? row[c] === 1 : row[c]), `$${values.length}`)).join(', ')})`);
      // Ids and sequence numbers are kept as they were (identity columns overridden).
      await client.query(`INSERT INTO ${name} (${columns.join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE ' : ''}VALUES ${tuples.join(', ')}`, values);
    };
    let batch: Array<Record<string, unknown>> = [];
    let count = 0;
    const order = identity ?? 'rowid';
    for (const row of sqlite.db.prepare(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
      batch.push(row);
      count += 1;
      if (batch.length === BATCH) {
        await insert(batch);
        batch = [];
      }
    }
    await insert(batch);
    if (identity) {
      // The next id drawn follows the last one copied.
      await client.query(`SELECT setval(pg_get_serial_sequence('${name}', '${identity}'), coalesce((SELECT max(${identity}) FROM ${name}), 1), (SELECT max(${identity}) FROM ${name}) IS NOT NULL)`);
    }
    counts[name] = count;
    progress(`${name}: ${count} rows`);
  }
  return counts;
}
