/**
 * SHA-256 of the package's entries on other threads, so hashing overlaps with reading, CRC-32
 * and writing on the main one. Without SHA instructions (the team's machine) SHA-256 runs at
 * about 190–350 MB/s: on one thread it is the slowest part of an export.
 *
 * A worker made from inline code (`eval`), so the bundled main process needs no
 * separate file for it. Entries are hashed one after another, in the order they are given:
 * `update` the chunks of one entry, then `digest` it, then the next entry. A chunk read into a
 * buffer from `buffer()` is moved to the worker, not copied, and comes back once hashed to be
 * read into again (transferred buffers freed by the worker's rare garbage collections kept
 * some 60 MiB alive); any other chunk is copied. At most a window of bytes (4 MiB unless told) is in flight, so memory
 * stays flat however fast the main thread reads. A worker that fails or exits fails every
 * digest asked of it; `terminate` ends it (always call it: on finish, cancel and failure).
 */
import { Worker } from 'node:worker_threads';

/** The worker's code: one hash at a time; each chunk's memory given back once hashed, the hex digest per entry. */
export const HASH_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = null;
parentPort.on('message', (m) => {
  if (m.chunk) {
    (hash ??= createHash('sha256')).update(m.chunk);
    parentPort.postMessage({ ack: m.chunk.byteLength, memory: m.chunk.buffer }, [m.chunk.buffer]);
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
  /** Memory of buffers handed out by `buffer()` (only these are moved), and those back from the worker. */
  private readonly ours = new WeakSet<ArrayBuffer>();
  private readonly spare: ArrayBuffer[] = [];
  private readonly window: number;
  /** Buffers kept for reuse: the window's, and a few being read or written. */
  private readonly keep: number;

  /** `window`: bytes in flight before `update` asks to wait — larger lets the caller run a whole entry ahead. */
  constructor(options: { readonly window?: number; readonly source?: string } = {}) {
    this.window = options.window ?? WINDOW;
    this.keep = Math.ceil(this.window / HASH_CHUNK) + 4;
    this.worker = new Worker(options.source ?? HASH_WORKER_SOURCE, { eval: true });
    this.worker.on('message', (m: { ack?: number; memory?: ArrayBuffer; digest?: string }) => {
      if (m.ack !== undefined) {
        this.inFlight -= m.ack;
        if (m.memory?.byteLength === HASH_CHUNK && this.spare.length < this.keep) {
          this.ours.add(m.memory);
          this.spare.push(m.memory);
        }
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

  /** A buffer of HASH_CHUNK bytes to read a chunk into (its content is undefined), reused when it can be. */
  buffer(): Buffer {
    const memory = this.spare.pop();
    if (memory) return Buffer.from(memory);
    const buf = Buffer.allocUnsafeSlow(HASH_CHUNK);
    this.ours.add(buf.buffer as ArrayBuffer);
    return buf;
  }

  /**
   * Adds a chunk to the current entry. A chunk in a buffer from `buffer()` is moved to the worker:
   * the caller must not touch it (nor that buffer) again. Any other chunk is copied. Returns a
   * promise to wait for when too many bytes are in flight, else nothing.
   */
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    // new Uint8Array(chunk) copies (a Buffer's slice() would share the memory, maybe Node's pool).
    const data = this.ours.has(chunk.buffer as ArrayBuffer) ? chunk : new Uint8Array(chunk);
    this.ours.delete(data.buffer as ArrayBuffer);
    this.inFlight += data.byteLength;
    this.worker.postMessage({ chunk: data }, [data.buffer as ArrayBuffer]);
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
