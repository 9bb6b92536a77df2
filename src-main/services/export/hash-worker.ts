/**
 * SHA-256 of the package's entries on other threads, so hashing overlaps with reading, CRC-32
 * and writing on the main one. Without SHA instructions (the team's machine) SHA-256 runs at
 * about 190–350 MB/s: on one thread it is the slowest part of an export.
 *
 * A worker made from inline code (`eval`), so the bundled main process needs no separate file
 * for it. Entries are hashed one after another, in the order they are given: `update` the
 * chunks of one entry, then `digest` it, then the next entry.
 *
 * Chunks travel through shared memory: `buffer()` lends a slot of a SharedArrayBuffer the
 * worker also sees; the caller reads into it, writes it out, and hands it to `update`, which
 * tells the worker where it is; the slot is lent again once the worker has hashed it. Nothing
 * is copied or moved between threads (moving buffers made garbage for the collector: a tenth
 * of the main thread's time), and memory is the fixed set of slots. A chunk not in a slot is
 * copied to the worker. At most a window of bytes (4 MiB unless told) is in flight: past it
 * `update` asks the caller to wait. A worker that fails or exits fails every digest asked of
 * it; `terminate` ends it (always call it: on finish, cancel and failure).
 */
import { Worker } from 'node:worker_threads';

/** The worker's code: one hash at a time, reading slots of the shared memory or copied chunks; the hex digest per entry. */
export const HASH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { memory, slotSize } = workerData;
let hash = null;
parentPort.on('message', (m) => {
  if (m.slot !== undefined) {
    (hash ??= createHash('sha256')).update(new Uint8Array(memory, m.slot * slotSize, m.length));
    parentPort.postMessage({ slot: m.slot });
  } else if (m.chunk) {
    (hash ??= createHash('sha256')).update(m.chunk);
    parentPort.postMessage({ copied: m.chunk.byteLength });
  } else {
    parentPort.postMessage({ digest: (hash ?? createHash('sha256')).digest('hex') });
    hash = null;
  }
});
`;

/** Bytes of a buffer from `buffer()`. */
export const HASH_CHUNK = 1024 * 1024;
/** Bytes sent to the worker and not yet hashed, above which `update` asks the caller to wait (the default). */
const WINDOW = 4 * 1024 * 1024;
/** Slots beyond the window: the chunk being written and the one being read ahead, and a margin. */
const SPARE_SLOTS = 4;

interface Waiting {
  readonly resolve: (hex: string) => void;
  readonly reject: (err: Error) => void;
}

export class HashWorker {
  private readonly worker: Worker;
  private readonly digests: Waiting[] = [];
  private inFlight = 0;
  private drained: { resolve: () => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;
  private ended = false;
  private readonly window: number;
  private readonly memory: SharedArrayBuffer;
  /** Slots not lent, by index. */
  private readonly free: number[] = [];
  private readonly views: Buffer[] = [];

  /** `window`: bytes in flight before `update` asks to wait — larger lets the caller run a whole entry ahead. */
  constructor(options: { readonly window?: number; readonly source?: string } = {}) {
    this.window = options.window ?? WINDOW;
    const slots = Math.ceil(this.window / HASH_CHUNK) + SPARE_SLOTS;
    this.memory = new SharedArrayBuffer(slots * HASH_CHUNK);
    for (let i = 0; i < slots; i++) {
      this.views.push(Buffer.from(this.memory, i * HASH_CHUNK, HASH_CHUNK));
      this.free.push(i);
    }
    this.worker = new Worker(options.source ?? HASH_WORKER_SOURCE, { eval: true, workerData: { memory: this.memory, slotSize: HASH_CHUNK } });
    this.worker.on('message', (m: { slot?: number; copied?: number; digest?: string }) => {
      if (m.slot !== undefined || m.copied !== undefined) {
        if (m.slot !== undefined) {
          this.inFlight -= HASH_CHUNK;
          this.free.push(m.slot);
        } else this.inFlight -= m.copied!;
        if (this.drained && this.inFlight <= this.window / 2) {
          this.drained.resolve();
          this.drained = null;
        }
      } else if (m.digest !== undefined) this.digests.shift()?.resolve(m.digest);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing worker exited (code ${code})`)));
  }

  private fail(err: Error): void {
    if (this.ended || this.failure) return;
    this.failure = err;
    for (const w of this.digests.splice(0)) w.reject(err);
    this.drained?.reject(err);
    this.drained = null;
  }

  /**
   * A buffer of HASH_CHUNK bytes to read a chunk into (its content is undefined): a slot of the
   * shared memory, or a buffer of its own when every slot is lent (then copied by `update`).
   */
  buffer(): Buffer {
    const slot = this.free.pop();
    return slot === undefined ? Buffer.allocUnsafe(HASH_CHUNK) : this.views[slot]!;
  }

  /** Gives back a buffer from `buffer()` that was not handed to `update` (nothing was read into it). */
  release(buffer: Uint8Array): void {
    const slot = this.slotIndex(buffer);
    if (slot >= 0 && !this.free.includes(slot)) this.free.push(slot);
  }

  /** The slot a chunk lies in, when it is the start of a lent slot. */
  private slotIndex(chunk: Uint8Array): number {
    if (chunk.buffer !== this.memory || chunk.byteOffset % HASH_CHUNK !== 0) return -1;
    return chunk.byteOffset / HASH_CHUNK;
  }

  /**
   * Adds a chunk to the current entry. A chunk at the start of a buffer from `buffer()` is read
   * by the worker where it lies: the caller must not touch that buffer again (it is lent anew
   * once hashed). Any other chunk is copied. Returns a promise to wait for when too many bytes
   * are in flight, else nothing.
   */
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    const slot = this.slotIndex(chunk);
    if (slot >= 0) {
      this.inFlight += HASH_CHUNK;
      this.worker.postMessage({ slot, length: chunk.byteLength });
    } else {
      this.inFlight += chunk.byteLength;
      this.worker.postMessage({ chunk: new Uint8Array(chunk) }); // structured clone copies
    }
    if (this.inFlight <= this.window) return undefined;
    return new Promise((resolve, reject) => (this.drained = { resolve, reject }));
  }

  /** The hex SHA-256 of the chunks given since the last digest; the next chunks start a new entry. */
  digest(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const p = new Promise<string>((resolve, reject) => this.digests.push({ resolve, reject }));
    this.worker.postMessage({});
    return p;
  }

  /** Ends the worker; digests still awaited fail. */
  async terminate(): Promise<void> {
    this.fail(new Error('the hashing worker was stopped'));
    this.ended = true;
    await this.worker.terminate();
  }
}
