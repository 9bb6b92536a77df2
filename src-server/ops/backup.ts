/**
 * Backups of a SQLite newsroom with SQLite's online backup API (better-sqlite3's `backup`):
 * pages are copied a batch at a time from the server's writing connection (on its writer thread,
 * storage/sqlite-writer.ts), so the server keeps serving, and a change it commits meanwhile is
 * carried into the copy — the file is one consistent state of the database, as of the end of the
 * backup.
 *
 * One server holds a folder at a time (its lock), and a copy must come from the connection that
 * writes: a running server makes the copy itself (`GET /api/backup`, an admin's token, streamed
 * to the caller); a stopped one is copied by `server backup --data`. PostgreSQL is backed up
 * with its own tools (pg_dump; README). Photos are files in the data folder: copied as files.
 */
import Database from 'better-sqlite3';
import type { SqliteStorage } from '../storage/sqlite';
import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/** Copies the open database into `out` (written beside it, then renamed into place) and checks the copy. */
export async function backupDatabase(storage: Pick<SqliteStorage, 'copyTo'>, out: string): Promise<void> {
  const part = `${out}.${randomBytes(6).toString('hex')}.part`;
  try {
    await storage.copyTo(part);
    // The copy carries the source's WAL mode: back to a single self-contained file (the server
    // that opens it sets WAL again), so checking or copying it leaves no -wal or -shm beside it.
    const copy = new Database(part);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkCopy(part);
    const handle = await fs.open(part, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(part, out);
  } catch (err) {
    await fs.rm(part, { force: true });
    throw err;
  }
}

/** Throws unless `file` is a sound newsroom database (SQLite's integrity check, and the users table). */
export function checkCopy(file: string): { users: number; articles: number } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
    const users = (copy.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    const articles = (copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    return { users, articles };
  } finally {
    copy.close();
  }
}

/** The server's side of `GET /api/backup`: a copy made in the data folder, streamed, then removed. */
export async function sendBackup(storage: Pick<SqliteStorage, 'copyTo'>, dataDir: string, res: ServerResponse): Promise<void> {
  const file = path.join(dataDir, `backup-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    await backupDatabase(storage, file);
    const { size } = await fs.stat(file);
    res.writeHead(200, { 'content-type': 'application/vnd.sqlite3', 'content-length': String(size), 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="server.sqlite"' });
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.once('error', reject);
      res.once('close', resolve);
      stream.pipe(res);
    });
  } finally {
    await fs.rm(file, { force: true });
  }
}
