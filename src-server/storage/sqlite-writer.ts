/**
 * The server's writes to SQLite, made on a thread of their own (sqlite-write-worker.ts) with its
 * own connection. better-sqlite3 is synchronous: on the event loop every commit, and every
 * checkpoint SQLite runs after one (which waits for the disk twice), held the delivery of every
 * edit behind it — for hundreds of milliseconds when the disk was busy. Here the loop only hands
 * each write over and is answered once it is committed, durable (synchronous=FULL on that
 * thread); the main thread's connection reads.
 *
 * Writes are committed in the order they are asked for. A read that must see every write asked
 * for before it (an article's log) asks `flush()` first. If the thread dies, what it was asked is
 * refused (an update refused closes its article's sockets, and the desks send it again) and the
 * next write starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import { errorOf, type WriteArgs, type WriteError, type WriteName, type WriteResult } from './sqlite-writes';
import { startWorker } from './worker-start';

export interface WriterOptions {
  /** The shortest time between two commits of updates: those asked for meanwhile wait and go together. */
  readonly commitEveryMs: number;
  /** Commits wait for the disk (off only to seed a benchmark quickly). */
  readonly durable: boolean;
}

export type WriterAsk =
  | { readonly id: number; readonly op: WriteName; readonly args: readonly unknown[] }
  | { readonly id: number; readonly op: 'flush' | 'close' }
  | { readonly id: number; readonly op: 'backup'; readonly out: string };

export interface WriterAnswer {
  /** How many groups the thread has committed. */
  readonly commit: number;
  readonly answers: ReadonlyArray<{ readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: WriteError }>;
}

/**
 * A byte array as its own buffer: one that views a larger buffer (a socket's read, Node's pool)
 * would be copied whole into the message — 100 µs an update measured, for 60 bytes of it.
 */
function compact(arg: unknown): unknown {
  return arg instanceof Uint8Array && arg.byteLength !== arg.buffer.byteLength ? new Uint8Array(arg) : arg; // (a Buffer's slice() would view the same memory)
}

interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: Error) => void;
}

export class SqliteWriter {
  private worker: Worker | null = null;
  private closed = false;
  private next = 1;
  private readonly waiting = new Map<number, Waiter>();
  /** Groups committed by the current thread (the tests count them). */
  commits = 0;

  constructor(
    private readonly file: string,
    private readonly options: WriterOptions,
  ) {}

  call<K extends WriteName>(op: K, ...args: WriteArgs<K>): Promise<WriteResult<K>> {
    return this.ask({ op, args }) as Promise<WriteResult<K>>;
  }

  /** Resolves once every write asked for before it is committed (committing those that wait for their turn now). */
  async flush(): Promise<void> {
    await this.ask({ op: 'flush' });
  }

  /** A copy of the database in `out`, by SQLite's online backup from the writing connection. */
  async backup(out: string): Promise<void> {
    await this.ask({ op: 'backup', out });
  }

  /** Commits what waits, closes the thread's connection and stops the thread; later writes are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    const worker = this.worker;
    // Asks after this one are refused at once: the thread would never answer them.
    const last = worker ? this.ask({ op: 'close' }) : null;
    this.closed = true;
    await last?.catch(() => undefined);
    this.worker = null;
    // Anything still unanswered (a message lost as the thread stopped) is refused, not left hanging.
    for (const id of [...this.waiting.keys()]) this.settle(id, { error: { message: 'the database is closed' } });
    await worker?.terminate();
  }

  private ask(message: { op: WriteName; args: readonly unknown[] } | { op: 'flush' | 'close' } | { op: 'backup'; out: string }): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    const worker = this.start();
    const id = this.next++;
    const ask = ('args' in message ? { id, op: message.op, args: message.args.map(compact) } : { id, ...message }) as WriterAsk;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref(); // answers awaited keep the process up
      this.outbox.push(ask);
      // Only updates wait for the window (they come by the hundred a second); any other write, a
      // read's flush or the close goes at once, with what waits.
      if (ask.op !== 'appendUpdate') return this.send();
      if (this.sending) return;
      const wait = this.lastSend + this.options.commitEveryMs - performance.now();
      if (wait <= 0) {
        const immediate = setImmediate(() => this.send());
        this.sending = () => clearImmediate(immediate);
      } else {
        const timer = setTimeout(() => this.send(), wait);
        this.sending = () => clearTimeout(timer);
      }
    });
  }

  /**
   * The asks of a window go over in one message, and the thread commits each message's asks in
   * one transaction. A message wakes the thread: on a busy machine the wake-up took 100–150 µs of
   * this thread's time (measured), so one per update was a fifth of the server's loop.
   */
  private outbox: WriterAsk[] = [];
  private sending: (() => void) | null = null;
  private lastSend = -Infinity;

  private send(): void {
    this.sending?.();
    this.sending = null;
    const asks = this.outbox;
    if (asks.length === 0) return;
    this.outbox = [];
    this.lastSend = performance.now();
    this.worker?.postMessage(asks);
  }

  private settle(id: number, outcome: { value: unknown } | { error: WriteError }): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    if ('error' in outcome) waiter.reject(errorOf(outcome.error));
    else waiter.resolve(outcome.value);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('sqlite-write-worker', { file: this.file, ...this.options });
    worker.unref();
    worker.on('message', (answer: WriterAnswer) => {
      this.commits = answer.commit;
      for (const a of answer.answers) this.settle(a.id, a);
    });
    const fail = (err: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      const message = `the database's writer stopped (${err.message})`;
      for (const id of [...this.waiting.keys()]) this.settle(id, { error: { message } });
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
