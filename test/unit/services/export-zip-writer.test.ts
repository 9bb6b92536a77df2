/** The package's ZIP writer: what standard readers read back, CRC-32s included, and ZIP64 end records past 65,535 entries. */
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import yauzl, { type Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../src-main/services/export/zip-writer';

/** A file that keeps what is written in memory (enough of FileHandle for the writer). */
function memoryFile(): { handle: FileHandle; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const handle = {
    write: async (buf: Uint8Array, offset: number, length: number) => {
      chunks.push(Buffer.from(buf.subarray(offset, offset + length)));
      return { bytesWritten: length, buffer: buf };
    },
  } as unknown as FileHandle;
  return { handle, bytes: () => Buffer.concat(chunks) };
}

function readAll(bytes: Buffer): Promise<Array<{ name: string; data: Buffer; entry: Entry }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{ name: string; data: Buffer; entry: Entry }> = [];
      zip.on('entry', (entry: Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(parts), entry });
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('ZipWriter', () => {
  it('writes deflated and stored entries with UTF-8 names and correct CRC-32s', async () => {
    const file = memoryFile();
    const zip = new ZipWriter(file.handle);
    const text = Buffer.from('Hội nghị trực tuyến '.repeat(500));
    await zip.addBuffer('ninjs/vi.json', text, { compress: true, mtime: new Date(2026, 0, 9, 16, 20, 30) });
    const seen: number[] = [];
    async function* photo() {
      for (let i = 0; i < 5; i++) yield Buffer.alloc(70_000, i);
    }
    const size = await zip.addStream('photos/Ảnh đại biểu.jpg', photo(), { mtime: new Date(), onChunk: (c) => seen.push(c.byteLength) });
    await zip.finish();
    expect(size).toBe(350_000);
    expect(seen).toEqual([70_000, 70_000, 70_000, 70_000, 70_000]);
    const entries = await readAll(file.bytes());
    expect(entries.map((e) => e.name)).toEqual(['ninjs/vi.json', 'photos/Ảnh đại biểu.jpg']);
    expect(entries[0]!.data.equals(text)).toBe(true);
    expect(entries[0]!.entry.compressionMethod).toBe(8);
    expect(entries[0]!.entry.getLastModDate().getHours()).toBe(16);
    expect(entries[1]!.entry.compressionMethod).toBe(0);
    for (const e of entries) expect(e.entry.crc32).toBe(crc32(e.data));
    expect(((entries[1]!.entry.externalFileAttributes >>> 16) & 0o170000).toString(8)).toBe('100000');
  });

  it('writes ZIP64 end records when there are more than 65,535 entries', { timeout: 120_000 }, async () => {
    const file = memoryFile();
    const zip = new ZipWriter(file.handle);
    const n = 65_540;
    for (let i = 0; i < n; i++) await zip.addBuffer(`f${i}`, Buffer.from(String(i)), { compress: false, mtime: new Date() });
    await zip.finish();
    const entries = await readAll(file.bytes());
    expect(entries).toHaveLength(n);
    expect(entries.at(-1)!.data.toString()).toBe(String(n - 1));
  });
});
