/**
 * The desk's photos, stored once by the SHA-256 of their bytes:
 *   photos/<sha256>.<ext>     the original, byte for byte
 *   thumbs/<sha256>.webp      its thumbnail
 *   thumbs/<sha256>.json      what the file said about itself (PhotoFacts), read once
 * A photo is checked whole before anything is written: its type by its bytes, its size, its
 * pixel count, a full decode. Each file is written durably; the facts file is written last, so
 * a photo is "stored" only once all three are on disk. Hashing and decoding run off the main
 * thread (WebCrypto and sharp use the thread pool), so a big photo never holds up saves.
 * A PNG is decoded without its text chunks, and its metadata read from a small copy holding
 * only its uncompressed text (png-chunks.ts): a compressed chunk can inflate a thousandfold.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../../src-shared/errors';
import { PHOTO_EXT, PHOTO_MAX_BYTES, PHOTO_MIME, PhotoFacts, type PhotoKind } from '../../../src-shared/photos';
import { nfc } from '../../../src-shared/text/vietnamese';
import { ensureDir, exists, readIfExists, removeStaleTemps, writeDurable } from '../durable-file';
import { decodePhoto } from './decode';
import { PhotoMetadata, type EmbeddedFacts } from './exif';
import { pngViews } from './png-chunks';
import { sniffPhoto } from './sniff';

const MiB = 1024 * 1024;
const sizeText = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

/** The file name a user sees in messages: its last part, NFC, without control characters. */
export function displayName(name: string): string {
  const base = nfc(name).split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || '?';
}

export class PhotoStore {
  readonly photosDir: string;
  readonly thumbsDir: string;
  private readonly metadata = new PhotoMetadata();
  /** One import of a given photo at a time (the same file dropped twice at once). */
  private readonly pending = new Map<string, Promise<PhotoFacts>>();

  constructor(dataDir: string) {
    this.photosDir = path.join(dataDir, 'photos');
    this.thumbsDir = path.join(dataDir, 'thumbs');
  }

  async open(): Promise<void> {
    await ensureDir(this.photosDir);
    await ensureDir(this.thumbsDir);
    await removeStaleTemps(this.photosDir);
    await removeStaleTemps(this.thumbsDir);
  }

  originalPath(id: string, kind: PhotoKind): string {
    return path.join(this.photosDir, `${id}.${PHOTO_EXT[kind]}`);
  }

  private thumbPath(id: string): string {
    return path.join(this.thumbsDir, `${id}.webp`);
  }

  private factsPath(id: string): string {
    return path.join(this.thumbsDir, `${id}.json`);
  }

  /** Checks and stores a photo (or finds it stored already); throws a DeskError, writing nothing, when it is refused. */
  async put(bytes: Uint8Array, name: string): Promise<PhotoFacts> {
    const file = displayName(name);
    if (bytes.byteLength === 0) throw new DeskError('fileEmpty', { file });
    if (bytes.byteLength > PHOTO_MAX_BYTES) throw new DeskError('photoTooLarge', { file, size: sizeText(bytes.byteLength), max: sizeText(PHOTO_MAX_BYTES) });
    const kind = sniffPhoto(bytes);
    if (!kind) throw new DeskError('photoNotImage', { file });
    const id = await sha256(bytes);
    let job = this.pending.get(id);
    if (!job) {
      job = this.store(id, kind, bytes, file).finally(() => this.pending.delete(id));
      this.pending.set(id, job);
    }
    return job;
  }

  /** The facts of a stored photo, or null when it is not (fully) stored. */
  async facts(id: string): Promise<PhotoFacts | null> {
    const raw = await readIfExists(this.factsPath(id));
    if (!raw) return null;
    const parsed = PhotoFacts.safeParse(JSON.parse(raw.toString('utf8')));
    if (!parsed.success || !(await exists(this.originalPath(id, parsed.data.kind))) || !(await exists(this.thumbPath(id)))) return null;
    return parsed.data;
  }

  async thumb(id: string): Promise<Uint8Array> {
    const bytes = await readIfExists(this.thumbPath(id));
    if (!bytes) throw new DeskError('notFound', { photo: id });
    return bytes;
  }

  async original(id: string): Promise<{ bytes: Uint8Array; mime: string }> {
    const facts = await this.facts(id);
    if (!facts) throw new DeskError('notFound', { photo: id });
    return { bytes: await fs.readFile(this.originalPath(id, facts.kind)), mime: PHOTO_MIME[facts.kind] };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending.values()]);
    await this.metadata.close();
  }

  private async store(id: string, kind: PhotoKind, bytes: Uint8Array, file: string): Promise<PhotoFacts> {
    const known = await this.facts(id);
    if (known) return known;
    const views = kind === 'png' ? pngViews(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : null;
    const decoded = await decodePhoto(views?.decode ?? bytes, kind, file);
    const original = this.originalPath(id, kind);
    await writeDurable(original, bytes);
    const embedded = views ? await this.readMetadataOf(views.metadata, id) : await this.metadata.read(original);
    const facts: PhotoFacts = {
      id,
      kind,
      width: decoded.width,
      height: decoded.height,
      size: bytes.byteLength,
      name: file,
      takenAt: embedded.takenAt,
      camera: embedded.camera,
      gps: embedded.gps,
      embeddedCaption: embedded.caption,
      embeddedCreator: embedded.creator,
    };
    await writeDurable(this.thumbPath(id), decoded.thumb);
    await writeDurable(this.factsPath(id), JSON.stringify(facts));
    return facts;
  }

  /** Metadata from bytes that are not the stored file: ExifTool reads files, so a temporary one (removed at open if left behind). */
  private async readMetadataOf(bytes: Uint8Array, id: string): Promise<EmbeddedFacts> {
    const temp = path.join(this.thumbsDir, `.${id}.metadata.${process.pid}.${randomBytes(4).toString('hex')}.png.tmp`);
    await fs.writeFile(temp, bytes, { mode: 0o600 });
    try {
      return await this.metadata.read(temp);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}
