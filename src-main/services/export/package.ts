/**
 * Exports an article as one package (layout in src-shared/package-format.ts), streamed to disk:
 *
 * - the ZIP is written (zip-writer.ts) to a temporary file beside the target, fsynced, then renamed over
 *   it (and the folder fsynced), so a failed or cancelled export leaves no file, and a finished
 *   one is whole;
 * - each photo gets its metadata without touching the stored original: for a JPEG only its
 *   header is rewritten (in memory for a camera's JPEG, by ExifTool when it has metadata to merge
 *   with) and the image data is streamed from the original (photos.ts); anything else is
 *   rewritten whole by ExifTool into a private temporary folder. Photos are stored in the ZIP,
 *   not deflated (they do not compress), and hashed on the way by two worker threads taking
 *   photos in turn (hash-worker.ts; SHA-256 is the slowest part) while the main one computes
 *   CRC-32 and writes. Photos are prepared up to two ahead of the one being written; memory and
 *   temporary space stay flat in the number of photos;
 * - what is written is flushed to disk in the background as it goes (one fdatasync at a time),
 *   so the final fsync has little left to wait for;
 * - the text formats are small and built in memory; manifest.json comes last, with the size and
 *   SHA-256 of every file as it went into the ZIP.
 *
 * Progress is reported in bytes of package content written so far, of the total expected.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { DeskError } from '../../../src-shared/errors';
import { readPhotos } from '../../../src-shared/article-photos';
import type { Language } from '../../../src-shared/models';
import { PACKAGE_FILES, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type Manifest, type ManifestFile } from '../../../src-shared/package-format';
import type { PhotoFacts } from '../../../src-shared/photos';
import type { DeskServices } from '../handlers/types';
import { createTranslator } from '../i18n';
import { HashWorker } from './hash-worker';
import { articleHtml } from './html';
import { newsmlDocument } from './newsml';
import { ninjsObject } from './ninjs';
import { newExifTool, writePhotoCopy, type PhotoPath, type PhotoPiece } from './photos';
import { readSource, type ExportSource } from './source';
import { readPairPackage, readPairText } from './pair';
import { bodyNodeIds, PACKAGE_PAIR_FILE, withBlockIds } from '../../../src-shared/translation/package';
import { articleText, scriptText } from './text';
import { ZipWriter } from './zip-writer';
import { isApproved } from './pub-status';

export interface ExportOptions {
  /** Bytes of package content written so far, of `total`. Called often; keep it cheap. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** The time the package says it was made (tests pin it). */
  readonly now?: Date;
}

export interface ExportResult {
  readonly file: string;
  /** Bytes of the ZIP file. */
  readonly size: number;
  readonly manifest: Manifest;
}

/** The services an export needs (a subset of the desk's, so benchmarks and tests can pass a desk's own). */
export type ExportServices = Pick<DeskServices, 'articles' | 'photos' | 'settings' | 'version'>;

/** The services of an open desk, for calling exportPackage outside the desk's door (tests, benchmarks). */
export function exportServicesOf(desk: Pick<DeskServices, 'articles' | 'photos' | 'settings'>, version: string): ExportServices {
  return { articles: desk.articles, photos: desk.photos, settings: () => desk.settings(), version };
}

const translators = new Map<Language, Promise<TFunction>>();
const translator = (lang: Language) => {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createTranslator(lang)));
  return t;
};

interface TextFile {
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** The text formats of the package, built from one read of the article. */
export function textFiles(src: ExportSource, t: TFunction): TextFile[] {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');
  return [
    { path: PACKAGE_FILES.article, contentType: 'application/json', bytes: json(src.article) },
    { path: PACKAGE_FILES.ninjs('vi'), contentType: 'application/json', bytes: json(ninjsObject(src, 'vi', t)) },
    { path: PACKAGE_FILES.ninjs('en'), contentType: 'application/json', bytes: json(ninjsObject(src, 'en', t)) },
    { path: PACKAGE_FILES.newsml, contentType: 'application/xml', bytes: Buffer.from(newsmlDocument(src), 'utf8') },
    { path: PACKAGE_FILES.html, contentType: 'text/html; charset=utf-8', bytes: Buffer.from(articleHtml(src, t), 'utf8') },
    { path: PACKAGE_FILES.text, contentType: 'text/plain; charset=utf-8', bytes: Buffer.from(articleText(src, t), 'utf8') },
    { path: PACKAGE_FILES.script, contentType: 'text/plain; charset=utf-8', bytes: Buffer.from(scriptText(src, t), 'utf8') },
    ...(src.pairPackage ? [{ path: PACKAGE_PAIR_FILE, contentType: 'application/json', bytes: json(src.pairPackage) }] : []),
  ];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function fsyncFile(file: string): Promise<void> {
  const h = await fs.open(file, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    await fsyncFile(dir);
  } catch {
    // Some systems (Windows) cannot open a folder to fsync it; the rename is still atomic.
  }
}

/** Photos prepared ahead of the one being written: with ExifTool, one was not enough to keep it busy. */
const AHEAD = 2;
/** Hashing threads, taking photos in turn, each with room for a whole photo and more in flight. */
const HASHERS = 2;
const HASH_WINDOW = 8 * 1024 * 1024;

/** Where chunks are read into: buffers lent by the hashing worker, given back when not used. */
interface Buffers {
  buffer(): Buffer;
  release(buffer: Buffer): void;
}

/**
 * A file from `start` to its end, in chunks read into buffers from `buffers` (the hashing
 * worker's shared memory, which it hashes where it lies), the next read while the last is used.
 */
async function* fileChunks(file: string, start: number, buffers: Buffers, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, 'r');
  const read = async (at: number) => {
    const buf = buffers.buffer();
    try {
      const { bytesRead } = await handle.read(buf, 0, buf.byteLength, at);
      if (bytesRead) return buf.subarray(0, bytesRead);
    } catch (err) {
      buffers.release(buf);
      throw err;
    }
    buffers.release(buf);
    return null;
  };
  let at = start;
  let next = read(at);
  try {
    for (;;) {
      const chunk = await next;
      if (!chunk) return;
      if (signal?.aborted) {
        buffers.release(chunk);
        throw cancelled();
      }
      at += chunk.byteLength;
      next = read(at);
      yield chunk;
    }
  } finally {
    const unread = await next.catch(() => null);
    if (unread) buffers.release(unread);
    await handle.close();
  }
}

/** The bytes of a prepared photo, streamed from its pieces (buffers, and ranges of files). */
async function* piecesOf(pieces: readonly PhotoPiece[], buffers: Buffers, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  for (const piece of pieces) {
    if (Buffer.isBuffer(piece)) yield piece;
    else yield* fileChunks(piece.file, piece.start, buffers, signal);
  }
}

function cancelled(): DeskError {
  return new DeskError('exportCancelled');
}

/**
 * Writes the package of article `articleId` to `outFile` (replacing it when it exists, only once
 * the new one is whole). Throws a DeskError: notFound (article or a stored photo missing),
 * photoNotImage (a stored file is not the photo it claims to be), exportCancelled, or the
 * disk's error (diskFull, readOnly, io) — and leaves no file behind in every case.
 */
export async function exportPackage(services: ExportServices, articleId: string, outFile: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelled();
  const summary = services.articles.summary(articleId); // notFound before anything is made
  const t = await translator(summary.language);
  const settings = services.settings();
  const exportedAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  // The photos' stored facts (kind, size, pixels), read before the article so the read is one moment.
  const photoIds = await services.articles.read(articleId, (doc) => readPhotos(doc).flatMap((p) => (p.id ? [p.id] : [])));
  const facts = new Map<string, PhotoFacts>();
  const read = await Promise.all([...new Set(photoIds)].map(async (id) => [id, await services.photos.facts(id)] as const));
  for (const [id, f] of read) {
    if (!f) throw new DeskError('notFound', { photo: id });
    facts.set(id, f);
  }
  const { own, blockIds } = await services.articles.read(articleId, (doc) => ({
    own: readSource(doc, { deskVersion: services.version, exportedAt, readingRates: settings.readingRates, stripGps: settings.stripGpsOnExport, sizes: facts }),
    blockIds: bodyNodeIds(doc),
  }));
  // A translation pair: the other language's object and item carry its real text, and
  // translation.json the other article and the records, with every block's id in both.
  const pair = await readPairText(services.articles, articleId);
  const pairPackage = pair && pair.language === own.other ? await readPairPackage(services.articles, articleId, new Map(own.photos.map((p) => [p.entry.id, p.entry.file])), settings.stripGpsOnExport) : null;
  const src: ExportSource = pair && pair.language === own.other ? { ...own, pair, ...(pairPackage ? { pairPackage, article: { ...own.article, body: withBlockIds(own.article.body, blockIds) } } : {}) } : own;
  for (const p of src.photos) if (!facts.has(p.entry.id)) throw new DeskError('notFound', { photo: p.entry.id });

  // Set once the text formats are made (after the first photos are on their way): written
  // metadata adds a few kilobytes per photo, so the total is an estimate, corrected at the end.
  let total = 0;
  let done = 0;
  const progress = (bytes: number) => {
    done += bytes;
    onProgress?.(Math.min(done, total), total);
  };

  const outDir = path.dirname(path.resolve(outFile));
  const tmpZip = path.join(outDir, `.${path.basename(outFile)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-export-'));
  // ExifTool starts only when a photo needs it (one that is not a camera's plain JPEG).
  let tool = null as ReturnType<typeof newExifTool> | null;
  const exiftool = () => (tool ??= newExifTool());
  const hashers: HashWorker[] = [];
  let toolEnded: Promise<void> | null = null;
  let flushing = null as Promise<void> | null;
  let flushFailure: unknown = null; // a background flush's error (a full disk), thrown before the end
  const files: Array<Omit<ManifestFile, 'sha256'> & { readonly sha256: string | Promise<string> }> = [];
  const mtime = new Date(exportedAt);
  let handle: FileHandle | null = null;
  const ahead: Array<Promise<{ pieces: PhotoPiece[]; path: PhotoPath }>> = [];
  try {
    handle = await fs.open(tmpZip, 'wx', 0o644);
    const zip = new ZipWriter(handle);
    for (let i = 0; i < Math.min(HASHERS, src.photos.length); i++) hashers.push(new HashWorker({ window: HASH_WINDOW }));
    // Photos are prepared AHEAD of the one being written; the first while the text files are
    // made and written, so their reads (and ExifTool's start, when one needs it) overlap them.
    const copyOf = (i: number) => path.join(work, `${i}`);
    const prepare = (i: number) => {
      if (i >= src.photos.length) return;
      const p = src.photos[i]!;
      const pieces = writePhotoCopy(exiftool, services.photos.originalPath(p.entry.id, facts.get(p.entry.id)!.kind), copyOf(i), src, p, t);
      pieces.catch(() => undefined); // awaited in turn, or in `finally`
      ahead.push(pieces);
    };
    for (let i = 0; i <= AHEAD; i++) prepare(i);
    const texts = textFiles(src, t);
    total = texts.reduce((n, f) => n + f.bytes.byteLength, 0) + src.photos.reduce((n, p) => n + facts.get(p.entry.id)!.size + 16 * 1024, 0);
    for (const f of texts) {
      if (signal?.aborted) throw cancelled();
      await zip.addBuffer(f.path, f.bytes, { mtime, compress: true });
      files.push({ path: f.path, size: f.bytes.byteLength, sha256: sha256(f.bytes), contentType: f.contentType });
      progress(f.bytes.byteLength);
    }
    for (let i = 0; i < src.photos.length; i++) {
      const { pieces } = await ahead.shift()!;
      if (signal?.aborted) throw cancelled();
      prepare(i + AHEAD + 1);
      // The last photo is prepared: ExifTool stops while the rest is written and synced.
      if (!ahead.length && tool) toolEnded ??= tool.end().catch(() => undefined);
      const p = src.photos[i]!;
      const hashes = hashers[i % hashers.length]!;
      const size = await zip.addStream(p.entry.file, piecesOf(pieces, hashes, signal), {
        mtime,
        onChunk: (chunk) => {
          progress(chunk.byteLength);
          return hashes.update(chunk);
        },
      });
      flushing ??= handle
        .datasync()
        .catch((err: unknown) => void (flushFailure ??= err))
        .finally(() => (flushing = null));
      if (flushFailure) throw flushFailure;
      // The worker may still be hashing this photo: its digest is awaited before the manifest.
      const digest = hashes.digest();
      digest.catch(() => undefined); // awaited below, or the export fails before
      await fs.rm(copyOf(i), { force: true });
      files.push({ path: p.entry.file, size, sha256: digest, contentType: p.mime });
    }
    const listed: ManifestFile[] = [];
    for (const f of files) listed.push({ ...f, sha256: await f.sha256 });
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      deskVersion: services.version,
      createdAt: exportedAt,
      article: { id: src.view.id, language: src.language, headline: src.view.headline, status: src.view.status, approved: isApproved(src.view.status), ...(src.openSuggestions ? { openSuggestions: src.openSuggestions } : {}) },
      files: listed,
    };
    await zip.addBuffer(PACKAGE_FILES.manifest, Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'), { mtime, compress: true });
    await zip.finish();
    if (signal?.aborted) throw cancelled();
    await flushing;
    if (flushFailure) throw flushFailure;
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmpZip, outFile);
    await fsyncDir(outDir);
    const size = (await fs.stat(outFile)).size;
    onProgress?.(total, total);
    return { file: outFile, size, manifest };
  } catch (err) {
    await flushing?.catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await fs.rm(tmpZip, { force: true });
    if (signal?.aborted) throw cancelled();
    throw err;
  } finally {
    await Promise.allSettled(ahead); // photos being prepared finish before their folder goes
    await Promise.allSettled(hashers.map((h) => h.terminate()));
    await (toolEnded ?? tool?.end().catch(() => undefined));
    await fs.rm(work, { recursive: true, force: true });
  }
}
