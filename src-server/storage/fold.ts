/**
 * Folds an article's stored updates into its state (compaction) on a worker thread. Folding
 * applies the state and every update to a Yjs document and encodes it: 5–15 ms of CPU for an
 * article typed into by ten desks for ten seconds, and Hocuspocus compacts every article being
 * typed into at least every ten seconds (its `maxDebounce`) — on the event loop that stalled
 * the delivery of every edit of every article behind it. The worker is started at the first
 * fold and kept (unref'd: it never holds the process open). Where the worker's file cannot be
 * started, folding runs here as before.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-start';
import { foldUpdates } from './types';

export interface FoldAsk {
  readonly id: number;
  readonly articleId: string;
  readonly state: Uint8Array | null;
  readonly updates: ReadonlyArray<{ readonly seq: number; readonly data: Uint8Array }>;
}
export type FoldAnswer = { readonly id: number; readonly state: Uint8Array } | { readonly id: number; readonly error: string };


export class Folder {
  private worker: Worker | null = null;
  /** The worker could not be started or died: fold here. */
  private inThread = false;
  private next = 1;
  private readonly waiting = new Map<number, { readonly ask: FoldAsk; readonly resolve: (state: Uint8Array) => void; readonly reject: (err: Error) => void }>();

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  fold(articleId: string, state: Uint8Array | null, updates: FoldAsk['updates']): Promise<Uint8Array> {
    const worker = this.start();
    if (!worker) return Promise.resolve(foldUpdates(articleId, state, updates));
    const id = this.next++;
    const ask: FoldAsk = { id, articleId, state, updates };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { ask, resolve, reject });
      worker.postMessage(ask);
    });
  }

  /** Stops the worker; folds still under way are refused (their compaction is dropped: the log stays complete). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.inThread = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of waiting) reject(new Error('the storage is closing'));
    await worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.inThread) return this.worker;
    let worker: Worker;
    try {
      worker = startWorker('fold-worker');
    } catch (err) {
      this.log(`compaction folds on the main thread: its worker could not start (${(err as Error).message})`);
      this.inThread = true;
      return null;
    }
    worker.unref();
    worker.on('message', (answer: FoldAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.state);
    });
    // Failed to load or died: what it was asked is folded here, and everything after.
    const fail = (err: Error): void => {
      if (this.worker !== worker) return;
      this.log(`compaction folds on the main thread: its worker stopped (${err.message})`);
      this.worker = null;
      this.inThread = true;
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const { ask, resolve, reject } of waiting) {
        try {
          resolve(foldUpdates(ask.articleId, ask.state, ask.updates));
        } catch (foldErr) {
          reject(foldErr as Error);
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
