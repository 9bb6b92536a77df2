/**
 * Makes a SQLite write-ahead log durable off the event loop. better-sqlite3 commits on the
 * calling thread, and with synchronous=FULL every commit waits there for the disk (fsync: 2 ms on
 * a quiet machine, ten times that under load): the server relays nothing meanwhile. So the
 * commits of updates run with synchronous=NORMAL — written to the log, seen at once by every
 * read of the connection, not yet flushed — and their callers wait on `flush()`, which fsyncs
 * the log file on libuv's thread pool. The frames written are the same as FULL's (the disk
 * reports power-safe overwrite, so FULL pads nothing); only the moment of the fsync differs.
 *
 * Group flush: one fsync at a time. Everyone who asks while one is under way waits for the next,
 * which starts as soon as it ends and covers all of them, so the rate of fsyncs follows the disk,
 * not the number of commits.
 *
 * The log file lives as long as the connection that writes it (the server holds its database
 * with an exclusive lock, so no other connection deletes or replaces it; a checkpoint rewinds it
 * in place). It is opened at the first flush, when a commit has made it, and the folder is
 * flushed once then too, so that a log file created since the last synchronous commit is found
 * after a power cut.
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

export class WalSync {
  private log: FileHandle | null = null;
  private running = false;
  private closed = false;
  private waiting: Waiter[] = [];
  private readonly idle: Array<() => void> = [];

  /** `database`: the database file; its log is `<database>-wal`. */
  constructor(private readonly database: string) {}

  /** Resolves once everything written to the log before this call is on disk. */
  flush(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) this.next();
    });
  }

  /** Resolves once no flush is under way or asked for (those asked for meanwhile included). */
  async settled(): Promise<void> {
    if (this.running) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Lets the log file go, once the database is closed (its last checkpoint made everything durable); later flushes are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    const log = this.log;
    this.log = null;
    await log?.close();
  }

  private next(): void {
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) {
      this.running = false;
      for (const done of this.idle.splice(0)) done();
      return;
    }
    this.running = true;
    this.sync().then(
      () => group.forEach((w) => w.resolve()),
      (err: unknown) => group.forEach((w) => w.reject(err as Error)),
    ).finally(() => this.next());
  }

  private async sync(): Promise<void> {
    if (this.log === null) {
      const log = await open(`${this.database}-wal`, 'r');
      try {
        const folder = await open(path.dirname(this.database), 'r');
        try {
          await folder.sync();
        } finally {
          await folder.close();
        }
      } catch (err) {
        await log.close();
        throw err;
      }
      this.log = log;
    }
    await this.log.sync();
  }
}
