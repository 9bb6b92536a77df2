/**
 * The sync records of articles received from the server, written to desk.json many at a time.
 * desk.json holds the whole library's index: at ten thousand articles each durable write is
 * megabytes, and one write per article received made a desk's first sync take hours.
 *
 * A record is noted only once the article's own file holds what the server sent, so whatever a
 * crash takes before the batch is written is only the news that the article is synced: the
 * server's directory lists it again and it is pulled again, or (an article new to the desk,
 * saved but not yet indexed) the next start's reconciliation indexes its file and sync sends it
 * back, which the server acknowledges as nothing new. The reporter's own edits do not wait for
 * a batch: their records are written at once, as before.
 */

/** Records noted while other articles are still on their way are written at most this often... */
export const BATCH_DELAY_MS = 1_000;
/** ...or as soon as this many are waiting. */
export const BATCH_SIZE = 500;

export interface RecordBatchDeps {
  /** Writes desk.json durably (with every record in memory). */
  readonly write: () => Promise<void>;
  /** After a batch is on disk; `adopted`: it holds articles new to the desk (the library changed). */
  readonly committed: (adopted: boolean) => void;
}

export class RecordBatch {
  private noted = 0;
  private adopted = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly deps: RecordBatchDeps,
    private readonly delayMs = BATCH_DELAY_MS,
    private readonly size = BATCH_SIZE,
  ) {}

  /** Records noted and not yet on disk, or being written: sync is not done. */
  get waiting(): boolean {
    return this.noted > 0 || this.writing !== null;
  }

  /**
   * A record changed in memory. `alone`: nothing else is on its way, so it is written now rather
   * than after the others it would wait for.
   */
  note(adopted: boolean, alone: boolean): void {
    this.noted++;
    this.adopted ||= adopted;
    if (this.closed) return;
    if (alone || this.noted >= this.size) this.schedule(0);
    else this.timer ??= this.later(this.delayMs);
  }

  /** Writes what is noted now; resolves once it is on disk. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.noted === 0) return (await this.writing?.catch(() => undefined)) ?? undefined;
    const taken = this.noted;
    const adopted = this.adopted;
    this.noted = 0;
    this.adopted = false;
    const run = this.deps.write().then(
      () => this.deps.committed(adopted),
      (err: unknown) => {
        // Still only in memory: tried again with the next batch or after a while.
        this.noted += taken;
        this.adopted ||= adopted;
        if (!this.closed) this.timer ??= this.later(this.delayMs);
        throw err;
      },
    );
    this.writing = run;
    try {
      await run;
    } finally {
      if (this.writing === run) this.writing = null;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = this.later(delayMs);
  }

  private later(delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((err: unknown) => console.error('[sync] could not write the sync records', err));
    }, delayMs);
    timer.unref?.();
    return timer;
  }
}
