/**
 * Opens a package (one made by exportPackage) as a new article of this desk. A package is input
 * from outside, so everything is checked before anything is written:
 *
 * 1. the ZIP's central directory: at most `maxEntries` entries and `maxTotalBytes` bytes (as
 *    declared, and then as read: yauzl checks every entry's real size against its declaration);
 *    every name UTF-8, NFC, relative, without `..`, `.`, backslashes, control or reserved
 *    characters, unique; no symbolic links; no encryption;
 * 2. manifest.json: its schema, a format version this desk reads, and exactly the package's
 *    files (none missing, none extra);
 * 3. every file read once, streamed through SHA-256, against the manifest's size and hash
 *    (photos one at a time, never all at once), and the photos' real type by their bytes;
 * 4. article.json against its schema, and applied to a scratch document (and translation.json,
 *    the other article of a translation pair, likewise: import-pair.ts makes both, linked).
 *
 * Only then are the photos stored (each again checked whole by the photo store: size, pixels,
 * full decode) and the article created. A refusal is a DeskError with a code the user reads in
 * their language (packageInvalid, packageUnsafeEntry, packageTooLarge, packageChecksum,
 * packageVersion), and the desk is left as it was.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as Y from 'yjs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DeskError } from '../../../src-shared/errors';
import type { ArticleSummary } from '../../../src-shared/models';
import { PackageArticle } from '../../../src-shared/package-article';
import { Manifest, PACKAGE_FILES, PACKAGE_FORMAT_VERSION, PACKAGE_LIMITS, unsafeEntryReason, type PackageLimits } from '../../../src-shared/package-format';
import { PHOTO_MAX_BYTES } from '../../../src-shared/photos';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { DeskServices } from '../handlers/types';
import { displayName } from '../photos/store';
import { sniffPhoto } from '../photos/sniff';
import { fillArticle, type ImportedPhoto } from './article-json';
import { createImported, createImportedPair, readPackagePair } from './import-pair';
import { PACKAGE_PAIR_FILE } from '../../../src-shared/translation/package';

export type ImportServices = Pick<DeskServices, 'articles' | 'photos'>;

export interface ImportOptions {
  /** Tighter limits (tests); never looser than PACKAGE_LIMITS. */
  readonly limits?: Partial<PackageLimits>;
}

const S_IFMT = 0o170000;
/** Bytes read at a time from a package file. */
const RANGE_CHUNK = 256 * 1024;
const S_IFLNK = 0o120000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where a package comes from: a file main opens (the command line's), or bytes a page sent. */
export type PackageSource = { readonly file: string } | { readonly name: string; readonly bytes: Uint8Array };

/**
 * Opens a package file without ever waiting on it: O_NONBLOCK makes opening a FIFO (or a
 * device) return at once instead of blocking a thread of the pool until someone writes to it,
 * and fstat on what was opened refuses anything but a regular file (a link is followed to what
 * it names, which must be a regular file too).
 */
export async function openRegularFile(file: string, name: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new DeskError('packageInvalid', { file: name, detail: 'unreadable' }, { cause: err });
  }
  try {
    if (!(await handle.stat()).isFile()) throw new DeskError('packageInvalid', { file: name, detail: 'notFile' });
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * yauzl reads the package through a file handle this module opened and closes (yauzl's own
 * `fromFd` closes the descriptor when the ZIP is closed, which would leave the handle to close a
 * number that may already name another file).
 */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // Reads of the handle, not a file stream: yauzl destroys the streams it is given, and a
    // destroyed file stream closes its descriptor whatever `autoClose` says.
    return Readable.from(rangeOf(this.handle, start, end), { objectMode: false });
  }
}

async function* rangeOf(handle: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end; ) {
    const buffer = Buffer.allocUnsafe(Math.min(RANGE_CHUNK, end - at));
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, at);
    if (bytesRead === 0) return; // the file ended early: yauzl reports the missing bytes
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

function openZip(open: (callback: (err: Error | null, zip?: ZipFile) => void) => void, name: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    open((err, zip) => {
      if (err || !zip) reject(new DeskError('packageInvalid', { file: name, detail: 'notZip' }, { cause: err }));
      else resolve(zip);
    });
  });
}

function readEntries(zip: ZipFile, name: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err) => reject(new DeskError('packageInvalid', { file: name, detail: 'notZip' }, { cause: err })));
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))));
}

/** Streams an entry through SHA-256; keeps its bytes when `keep` (at most `max` of them). */
async function digest(zip: ZipFile, entry: Entry, keep: boolean, onChunk?: (first: Buffer) => void): Promise<{ sha256: string; size: number; bytes: Buffer | null }> {
  const stream = await openStream(zip, entry);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (size === 0) onChunk?.(chunk);
    hash.update(chunk);
    size += chunk.byteLength;
    if (keep) chunks.push(chunk);
  }
  return { sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(chunks) : null };
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

interface CheckedEntry {
  readonly entry: Entry;
  readonly path: string;
}

/** Step 1: the central directory. */
function checkDirectory(entries: readonly Entry[], name: string, limits: PackageLimits): Map<string, CheckedEntry> {
  const unsafe = (entry: string, reason: string) => new DeskError('packageUnsafeEntry', { file: name, entry: entry.slice(0, 200), reason });
  if (entries.length > limits.maxEntries) throw new DeskError('packageTooLarge', { file: name, what: 'entries', max: limits.maxEntries });
  const files = new Map<string, CheckedEntry>();
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const raw = entry.fileName as unknown as Buffer;
    let entryName: string;
    try {
      entryName = utf8.decode(raw);
    } catch {
      throw unsafe(raw.toString('latin1'), 'badName');
    }
    const shown = entryName.replace(/[\u0000-\u001f\u007f]/g, '?'); // eslint-disable-line no-control-regex -- shown, not kept
    const reason = unsafeEntryReason(entryName);
    if (reason) throw unsafe(shown, reason);
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw unsafe(shown, 'symlink');
    if (entry.isEncrypted()) throw new DeskError('packageInvalid', { file: name, detail: 'notZip' });
    const key = nfc(entryName).toLowerCase();
    if (seen.has(key)) throw unsafe(shown, 'duplicate');
    seen.add(key);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new DeskError('packageTooLarge', { file: name, what: 'bytes', max: mb(limits.maxTotalBytes) });
    if (!entryName.endsWith('/')) files.set(entryName, { entry, path: entryName });
  }
  return files;
}

/**
 * Imports the package (a regular file, or bytes) as a new article and returns it. Throws a
 * DeskError, with nothing written to the desk, when the package is refused.
 */
export async function importPackage(services: ImportServices, source: PackageSource, options: ImportOptions = {}): Promise<ArticleSummary> {
  const limits: PackageLimits = {
    maxEntries: Math.min(options.limits?.maxEntries ?? Infinity, PACKAGE_LIMITS.maxEntries),
    maxTotalBytes: Math.min(options.limits?.maxTotalBytes ?? Infinity, PACKAGE_LIMITS.maxTotalBytes),
    maxTextBytes: Math.min(options.limits?.maxTextBytes ?? Infinity, PACKAGE_LIMITS.maxTextBytes),
  };
  const name = displayName(path.basename('file' in source ? source.file : source.name));
  const zipOptions = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false } as const;
  let handle: FileHandle | null = null;
  let zip: ZipFile;
  if ('file' in source) {
    const opened = (handle = await openRegularFile(source.file, name));
    const size = (await opened.stat()).size;
    zip = await openZip((done) => yauzl.fromRandomAccessReader(new HandleReader(opened), size, zipOptions, done), name).catch(async (err: unknown) => {
      await opened.close();
      throw err;
    });
  } else {
    const bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    zip = await openZip((done) => yauzl.fromBuffer(bytes, zipOptions, done), name);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new DeskError('packageTooLarge', { file: name, what: 'entries', max: limits.maxEntries });
    const files = checkDirectory(await readEntries(zip, name), name, limits);
    const checksum = (entry: string) => new DeskError('packageChecksum', { file: name, entry });
    const unsafe = (entry: string, reason: string) => new DeskError('packageUnsafeEntry', { file: name, entry, reason });

    // Step 2: the manifest.
    const manifestEntry = files.get(PACKAGE_FILES.manifest);
    if (!manifestEntry) throw new DeskError('packageInvalid', { file: name, detail: 'noManifest' });
    if (manifestEntry.entry.uncompressedSize > limits.maxTextBytes) throw new DeskError('packageTooLarge', { file: name, what: 'entry', max: mb(limits.maxTextBytes) });
    const manifestBytes = await readAll(zip, manifestEntry.entry, name);
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(JSON.parse(manifestBytes.toString('utf8')));
    } catch (err) {
      // A newer format is told apart from a damaged manifest.
      const version = (() => {
        try {
          return (JSON.parse(manifestBytes.toString('utf8')) as { formatVersion?: unknown }).formatVersion;
        } catch {
          return undefined;
        }
      })();
      if (typeof version === 'string' && majorOf(version) > majorOf(PACKAGE_FORMAT_VERSION)) throw new DeskError('packageVersion', { file: name, version });
      throw new DeskError('packageInvalid', { file: name, detail: 'badManifest' }, { cause: err });
    }
    if (majorOf(manifest.formatVersion) > majorOf(PACKAGE_FORMAT_VERSION)) throw new DeskError('packageVersion', { file: name, version: manifest.formatVersion });
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const p of files.keys()) if (p !== PACKAGE_FILES.manifest && !listed.has(p)) throw unsafe(p, 'unexpected');
    for (const f of manifest.files) {
      const e = files.get(f.path);
      if (!e || f.path === PACKAGE_FILES.manifest) throw unsafe(f.path, 'missing');
      if (e.entry.uncompressedSize !== f.size) throw checksum(f.path);
    }

    // Step 3: every file against its checksum; article.json kept, photos' types checked.
    let articleBytes: Buffer | null = null;
    let pairBytes: Buffer | null = null;
    const photoKinds = new Map<string, string | null>();
    for (const f of manifest.files) {
      const { entry } = files.get(f.path)!;
      const isArticle = f.path === PACKAGE_FILES.article;
      const isPhoto = f.path.startsWith(PACKAGE_FILES.photosDir);
      const isPair = f.path === PACKAGE_PAIR_FILE;
      if ((isArticle || isPair) && f.size > limits.maxTextBytes) throw new DeskError('packageTooLarge', { file: name, what: 'entry', max: mb(limits.maxTextBytes) });
      const got = await digest(zip, entry, isArticle || isPair, isPhoto ? (first) => photoKinds.set(f.path, sniffPhoto(first)) : undefined).catch((err: unknown) => {
        // yauzl refuses an entry whose real size differs from its declared one, or a broken stream.
        throw new DeskError('packageChecksum', { file: name, entry: f.path }, { cause: err });
      });
      if (got.size !== f.size || got.sha256 !== f.sha256) throw checksum(f.path);
      if (isArticle) articleBytes = got.bytes;
      if (isPair) pairBytes = got.bytes;
    }

    // Step 4: the article.
    if (!articleBytes) throw new DeskError('packageInvalid', { file: name, detail: 'noArticle' });
    let article: PackageArticle;
    try {
      article = PackageArticle.parse(JSON.parse((articleBytes as Buffer).toString('utf8')));
    } catch (err) {
      throw new DeskError('packageInvalid', { file: name, detail: 'badArticle' }, { cause: err });
    }
    // A translation pair: its other article, checked as the article is.
    const pair = pairBytes ? readPackagePair(pairBytes, name, article) : null;
    const allPhotos = [...article.photos, ...(pair?.article.photos ?? [])];
    for (const p of allPhotos) {
      if (p.file === null) continue;
      const f = listed.get(p.file);
      if (!f || !p.file.startsWith(PACKAGE_FILES.photosDir)) throw unsafe(p.file, 'missing');
      if (!photoKinds.get(p.file) || f.size > PHOTO_MAX_BYTES) throw new DeskError('packageInvalid', { file: name, detail: 'badPhoto' });
    }
    try {
      fillArticle(new Y.Doc(), article, article.photos.map((entry) => ({ entry, stored: null })));
    } catch (err) {
      throw new DeskError('packageInvalid', { file: name, detail: 'badArticle' }, { cause: err });
    }

    // Checked: store the photos (one at a time), then create the article.
    const stored = new Map<string, ImportedPhoto['stored']>();
    for (const p of allPhotos) {
      if (p.file === null || stored.has(p.file)) continue;
      const f = listed.get(p.file)!;
      const bytes = await readAll(zip, files.get(p.file)!.entry, name);
      if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw checksum(p.file); // changed since it was checked
      const facts = await services.photos.put(bytes, p.name || path.posix.basename(p.file)).catch((err: unknown) => {
        throw err instanceof DeskError ? err : new DeskError('packageInvalid', { file: name, detail: 'badPhoto' }, { cause: err });
      });
      stored.set(p.file, { id: facts.id, kind: facts.kind, width: facts.width, height: facts.height, size: facts.size });
    }
    const importedOf = (list: PackageArticle['photos']): ImportedPhoto[] => list.map((entry) => ({ entry, stored: entry.file ? (stored.get(entry.file) ?? null) : null }));
    const imported = importedOf(article.photos);
    if (pair) return await createImportedPair(services.articles, article, imported, pair, importedOf(pair.article.photos));
    return await createImported(services.articles, article, imported);
  } finally {
    zip.close();
    await handle?.close();
  }
}

async function readAll(zip: ZipFile, entry: Entry, name: string): Promise<Buffer> {
  try {
    const stream = await openStream(zip, entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch (err) {
    throw new DeskError('packageChecksum', { file: name, entry: nfc(utf8.decode(entry.fileName as unknown as Buffer)) }, { cause: err });
  }
}

function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10) || 0;
}
