/**
 * yazl computes each entry's CRC-32 with buffer-crc32, a table loop in JavaScript (about
 * 80 MB/s here): for a package of large photos that alone costs more than writing the file.
 * Node has zlib's native CRC-32 since 20.15 (Electron 45 ships Node 22), ten times faster and
 * the same function (the ZIP polynomial, the same running value): yazl's copy of buffer-crc32
 * (the same module instance, bundled once) is given it. Called once, before any ZIP is made.
 */
import zlib from 'node:zlib';
import * as crc32Namespace from 'buffer-crc32';

type Crc32 = typeof crc32Namespace;
/** The module's own export object (yazl requires the same one): the namespace's default under ESM interop. */
const crc32: Crc32 = (crc32Namespace as unknown as { default?: Crc32 }).default ?? crc32Namespace;

let done = false;

export function useNativeCrc32(): void {
  if (done) return;
  done = true;
  const native = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
  if (typeof native !== 'function') return;
  crc32.unsigned = (input: string | Buffer, partial?: Buffer | number): number => native(input, partial === undefined ? 0 : Buffer.isBuffer(partial) ? partial.readUInt32BE(0) : partial >>> 0);
}
