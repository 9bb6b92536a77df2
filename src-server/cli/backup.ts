/**
 * `server backup --out <file> [--url <server>] [--user <name>]` — a consistent copy of a
 * running SQLite server's database, made by the server (GET /api/backup, an admin's token) and
 * written to `<file>` once checked; `server backup --out <file> --data <dir>` copies a stopped
 * server's folder directly. Either way with SQLite's online backup API (ops/backup.ts). The
 * photos (`<data>/photos/`) are files: copy them as files. PostgreSQL: pg_dump (README).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { backupDatabase, checkCopy } from '../ops/backup';
import { SqliteStorage } from '../storage';
import { CommandError, type CommandIo } from './io';
import { adminSession, refusal } from './session';

export const BACKUP_USAGE = 'server backup --out <file> [--url <server>] [--user <name>]   (a running server)\n       server backup --out <file> --data <dir>                     (a stopped server)';

export async function backupCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' } }, strict: true });
  if (!values.out) throw new CommandError(`usage: ${BACKUP_USAGE}`, 2);
  const out = path.resolve(values.out);
  if (existsSync(out)) throw new CommandError(`${out} exists already: give a new file`);
  if (values.data !== undefined) await fromFolder(values.data, out);
  else await fromServer(values, out, io);
  const { users, articles } = checkCopy(out);
  io.out(`Backup written: ${out} (${users} users, ${articles} articles)`);
  return 0;
}

async function fromFolder(dataDir: string, out: string): Promise<void> {
  const file = path.join(path.resolve(dataDir), 'server.sqlite');
  if (!existsSync(file)) throw new CommandError(`no newsroom in ${dataDir} (server.sqlite is missing)`);
  // Opened as the server opens it, with its lock: a server running on the folder makes this
  // refuse (its copy must come from the server's own writing connection).
  let storage: SqliteStorage;
  try {
    storage = new SqliteStorage(path.resolve(dataDir));
  } catch (err) {
    throw new CommandError(`${(err as Error).message}: back a running server up through it (--url, without --data)`);
  }
  try {
    await backupDatabase(storage, out);
  } finally {
    await storage.close();
  }
}

async function fromServer(values: { url?: string | undefined; user?: string | undefined }, out: string, io: CommandIo): Promise<void> {
  const session = await adminSession(values, io);
  try {
    const res = await session.fetch('GET', '/api/backup');
    if (res.status === 404) throw new CommandError(`the server at ${session.url} keeps its newsroom in PostgreSQL: back it up with pg_dump (README, "Operations")`);
    if (res.status !== 200 || !res.body) throw new CommandError(`backup refused: ${await refusal(res)}`);
    const part = `${out}.${randomBytes(6).toString('hex')}.part`;
    try {
      await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream), createWriteStream(part));
      const expected = Number(res.headers.get('content-length'));
      const { size } = await fs.stat(part);
      if (Number.isFinite(expected) && size !== expected) throw new CommandError(`the backup was cut short (${size} of ${expected} bytes)`);
      checkCopy(part);
      const handle = await fs.open(part, 'r+');
      await handle.sync().finally(() => handle.close());
      await fs.rename(part, out);
    } catch (err) {
      await fs.rm(part, { force: true });
      throw err;
    }
  } finally {
    await session.end();
  }
}
