/**
 * Photos by content: `<data>/photos/<sha256>`, one file however many articles use it.
 * An upload streams to a temporary file while it is hashed and counted, is refused past
 * PHOTO_MAX_BYTES or when its SHA-256 is not the one in its address, and is then fsynced and
 * renamed into place (and the folder fsynced) before it is listed in the database and answered.
 * An account uploads at most `perHour` new photos in any hour (counted in the database, by
 * uploader and time, so across server instances; one it sends that the server has is not counted).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PHOTO_MAX_BYTES } from '../src-shared/photos';
import type { PhotoPutResponse } from '../src-shared/server-api';
import { HOUR_MS } from './access';
import type { Storage, UserRow } from './storage';

export const PHOTO_ID = /^[0-9a-f]{64}$/;

/** The type by its first bytes (JPEG, PNG, WebP), never by a name; anything else is served as bytes. */
function sniff(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export type PutOutcome =
  | { readonly kind: 'stored'; readonly body: PhotoPutResponse }
  | { readonly kind: 'exists'; readonly body: PhotoPutResponse }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'tooMany' }
  | { readonly kind: 'mismatch' };

export class PhotoStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly storage: Storage,
    private readonly now: () => string,
    private readonly maxBytes = PHOTO_MAX_BYTES,
    private readonly perHour = Number.POSITIVE_INFINITY,
  ) {
    this.dir = path.join(dataDir, 'photos');
  }

  async init(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Uploads cut short by a crash leave temporary files: they were never listed, remove them.
    // With PostgreSQL the folder may be shared by several instances (README, "Scale-out"), so
    // only files untouched for longer than any upload may last (15 minutes) are someone's leftovers.
    const shared = this.storage.kind === 'postgres';
    const before = Date.now() - 60 * 60_000;
    for (const name of await fs.readdir(this.dir)) {
      if (!name.startsWith('.upload-')) continue;
      const file = path.join(this.dir, name);
      if (shared) {
        const stat = await fs.stat(file).catch(() => null);
        if (!stat || stat.mtimeMs > before) continue;
      }
      await fs.rm(file, { force: true });
    }
  }

  file(id: string): string {
    return path.join(this.dir, id);
  }

  has(id: string): Promise<{ size: number; mime: string } | null> {
    return this.storage.photo(id);
  }

  /** Streams the request body to disk; the caller has checked the id and the token. */
  async put(id: string, req: IncomingMessage, user: UserRow): Promise<PutOutcome> {
    const known = await this.storage.photo(id);
    if (known) {
      req.resume();
      return { kind: 'exists', body: { id, size: known.size, stored: false } };
    }
    const since = new Date(Date.parse(this.now()) - HOUR_MS).toISOString();
    if ((await this.storage.photosUploadedSince(user.id, since)) >= this.perHour) {
      req.resume();
      return { kind: 'tooMany' };
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      req.resume();
      return { kind: 'tooLarge' };
    }
    const temp = path.join(this.dir, `.upload-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    const out = createWriteStream(temp, { flags: 'wx' });
    let size = 0;
    let head = Buffer.alloc(0);
    let tooLarge = false;
    try {
      const outClosed = new Promise<void>((resolve, reject) => {
        out.on('error', reject);
        out.on('close', () => resolve());
      });
      outClosed.catch(() => undefined); // awaited below; never an unhandled rejection if reading fails first
      // Read by hand rather than pipe: past the limit the rest is read and dropped (so the
      // client gets its 413 instead of a reset connection) and nothing more is written.
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (tooLarge) continue;
        if (size > this.maxBytes) {
          tooLarge = true;
          continue;
        }
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve, reject) => {
          out.once('drain', resolve);
          out.once('error', reject);
        });
      }
      out.end();
      await outClosed;
      if (tooLarge) return { kind: 'tooLarge' };
      if (hash.digest('hex') !== id) return { kind: 'mismatch' };
      const fh = await fs.open(temp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(temp, this.file(id));
      const dirHandle = await fs.open(this.dir, 'r');
      try {
        await dirHandle.sync();
      } finally {
        await dirHandle.close();
      }
      await this.storage.addPhoto(id, size, sniff(head), user.id, this.now());
      return { kind: 'stored', body: { id, size, stored: true } };
    } finally {
      out.destroy();
      await fs.rm(temp, { force: true });
    }
  }

  /** Streams the photo; false when the server does not have it. */
  async send(id: string, res: ServerResponse, headOnly: boolean): Promise<boolean> {
    const known = await this.storage.photo(id);
    if (!known) return false;
    res.writeHead(200, {
      'content-type': known.mime,
      'content-length': String(known.size),
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    if (headOnly) {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(this.file(id));
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
    return true;
  }
}
