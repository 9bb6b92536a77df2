/**
 * A streaming ZIP writer for packages: entries are written one after another straight to a file
 * (never the whole archive in memory), each with a data descriptor, UTF-8 names, stored or
 * deflated, and ZIP64 records once offsets pass 4 GiB. Written for the export rather than taken
 * from yazl because yazl computes CRC-32 with a JavaScript loop (about 80 MB/s here), which
 * alone took longer than writing the photos; this one uses zlib's native CRC-32 (Node ≥ 20.15,
 * Electron 45's Node 22), and hands every chunk to the caller (SHA-256, progress) once written.
 */
import type { FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';

const crc32 = (zlib as unknown as { crc32: (data: Uint8Array, value?: number) => number }).crc32;

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const FLAGS = 0x0808; // sizes and CRC in a data descriptor; names in UTF-8
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

interface Written {
  readonly name: Buffer;
  readonly method: 0 | 8;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(private readonly file: FileHandle) {}

  private async write(buf: Uint8Array): Promise<void> {
    let done = 0;
    while (done < buf.byteLength) {
      const { bytesWritten } = await this.file.write(buf, done, buf.byteLength - done);
      done += bytesWritten;
    }
    this.offset += buf.byteLength;
  }

  private async begin(name: string, method: 0 | 8, mtime: Date): Promise<{ nameBytes: Buffer; offset: number; time: number; date: number }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const { time, date } = dosTime(mtime);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(45, 4); // version needed: 4.5 (ZIP64 may be used)
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    // CRC and sizes (14..25) are zero: they follow the data in its descriptor.
    h.writeUInt16LE(nameBytes.length, 26);
    h.writeUInt16LE(0, 28);
    const offset = this.offset;
    await this.write(Buffer.concat([h, nameBytes]));
    return { nameBytes, offset, time, date };
  }

  private async end(entry: Omit<Written, 'crc' | 'compressed' | 'size'>, crc: number, compressed: number, size: number): Promise<void> {
    // Entries of a package are far below 4 GiB each (photos at most 64 MB): the descriptor holds
    // 32-bit sizes, as readers expect when the local header has no ZIP64 field.
    if (compressed >= MAX32 || size >= MAX32) throw new RangeError('zip entry of 4 GiB or more');
    const d = Buffer.alloc(16);
    d.writeUInt32LE(DESCRIPTOR, 0);
    d.writeUInt32LE(crc >>> 0, 4);
    d.writeUInt32LE(compressed, 8);
    d.writeUInt32LE(size, 12);
    await this.write(d);
    this.entries.push({ ...entry, crc: crc >>> 0, compressed, size });
  }

  /** A small entry from memory, deflated when `compress`. */
  async addBuffer(name: string, data: Buffer, options: { compress: boolean; mtime: Date }): Promise<void> {
    const method = options.compress ? 8 : 0;
    const start = await this.begin(name, method, options.mtime);
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    await this.write(body);
    await this.end({ name: start.nameBytes, method, time: start.time, date: start.date, offset: start.offset }, crc32(data), body.byteLength, data.byteLength);
  }

  /**
   * An entry streamed as it is (stored). Each chunk, once written, is handed to `onChunk`: the
   * writer no longer reads it (the caller may give its memory away), and a promise returned
   * holds the stream until it settles (anything else returned is ignored).
   */
  async addStream(name: string, chunks: AsyncIterable<Buffer>, options: { mtime: Date; onChunk?: (chunk: Buffer) => unknown }): Promise<number> {
    const start = await this.begin(name, 0, options.mtime);
    let crc = 0;
    let size = 0;
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      await this.write(chunk);
      const wait = options.onChunk?.(chunk);
      if (wait instanceof Promise) await wait;
    }
    await this.end({ name: start.nameBytes, method: 0, time: start.time, date: start.date, offset: start.offset }, crc, size, size);
    return size;
  }

  /** Writes the central directory and the end records. */
  async finish(): Promise<void> {
    const cdStart = this.offset;
    for (const e of this.entries) {
      // Only the offset can pass 4 GiB (sizes cannot, see end()): the ZIP64 field then holds it alone.
      const needs64 = e.offset >= MAX32;
      const extra = needs64 ? Buffer.alloc(4 + 8) : Buffer.alloc(0);
      if (needs64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(e.offset), 4);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
      h.writeUInt16LE(45, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(e.time, 12);
      h.writeUInt16LE(e.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt16LE(0, 32); // comment
      h.writeUInt16LE(0, 34); // disk
      h.writeUInt16LE(0, 36); // internal attributes
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      h.writeUInt32LE(needs64 ? MAX32 : e.offset, 42);
      await this.write(Buffer.concat([h, e.name, extra]));
    }
    const cdSize = this.offset - cdStart;
    const count = this.entries.length;
    if (cdStart >= MAX32 || cdSize >= MAX32 || count >= MAX16) {
      const end64At = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(END64, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE((3 << 8) | 45, 12);
      r.writeUInt16LE(45, 14);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(cdSize), 40);
      r.writeBigUInt64LE(BigInt(cdStart), 48);
      const l = Buffer.alloc(20);
      l.writeUInt32LE(END64_LOCATOR, 0);
      l.writeBigUInt64LE(BigInt(end64At), 8);
      l.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([r, l]));
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(END, 0);
    e.writeUInt16LE(Math.min(count, MAX16), 8);
    e.writeUInt16LE(Math.min(count, MAX16), 10);
    e.writeUInt32LE(Math.min(cdSize, MAX32), 12);
    e.writeUInt32LE(Math.min(cdStart, MAX32), 16);
    await this.write(e);
  }
}
