/**
 * JSON with bytes: how contract payloads travel over HTTP and WebSocket in web mode.
 * A Uint8Array becomes `{ "$bytes": "<base64>" }` and comes back as a Uint8Array.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('base64: bad length');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : 255;
    if (v === 255) throw new Error('base64: bad character');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** The value before JSON.stringify applied its `toJSON` (a Node Buffer would otherwise arrive as `{ type, data }`). */
function original(holder: unknown, key: string, v: unknown): unknown {
  const raw = (holder as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? raw : v;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, v: unknown) {
    const raw = original(this, key, v);
    return raw instanceof Uint8Array ? { $bytes: bytesToBase64(raw) } : v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof (v as { $bytes: unknown }).$bytes === 'string') {
        return base64ToBytes((v as { $bytes: string }).$bytes);
      }
    }
    return v;
  });
}

/**
 * The binary form of a call, for payloads that carry bytes (a photo, an imported file): no
 * base64, so a 50 MB photo costs 50 MB and no encoding work on the page's thread.
 * Layout: 4 bytes (big-endian) with the length of a UTF-8 JSON head, the head — the payload
 * with each Uint8Array replaced by `{ "$part": n }` — then the parts, each as long as the
 * head's `sizes[n]` says.
 */
export const WIRE_BINARY_TYPE = 'application/x-desk-wire';

export interface PackedWire {
  /** Pieces to send in order (a Blob can be made of them without copying). */
  readonly pieces: readonly Uint8Array[];
  readonly size: number;
}

export function hasBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true;
  if (!value || typeof value !== 'object' || depth > 8) return false;
  return Object.values(value).some((v) => hasBytes(v, depth + 1));
}

export function packWire(value: unknown): PackedWire {
  const parts: Uint8Array[] = [];
  const valueJson = JSON.stringify(value ?? {}, function (this: unknown, key, v: unknown) {
    const raw = original(this, key, v);
    if (!(raw instanceof Uint8Array)) return v;
    parts.push(raw);
    return { $part: parts.length - 1 };
  });
  const head = new TextEncoder().encode(`{"sizes":${JSON.stringify(parts.map((p) => p.byteLength))},"value":${valueJson}}`);
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, head.byteLength);
  const pieces = [prefix, head, ...parts];
  return { pieces, size: pieces.reduce((n, p) => n + p.byteLength, 0) };
}

function revive(value: unknown, parts: readonly Uint8Array[], depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => revive(v, parts, depth + 1));
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$part') {
    const n = (value as { $part: unknown }).$part;
    if (typeof n !== 'number' || !parts[n]) throw new Error('wire: bad part');
    return parts[n];
  }
  return Object.fromEntries(keys.map((k) => [k, revive((value as Record<string, unknown>)[k], parts, depth + 1)]));
}

/** Reads a packed payload back; parts are views into `data` (no copy). Throws on any inconsistency. */
export function unpackWire(data: Uint8Array): unknown {
  if (data.byteLength < 4) throw new Error('wire: short');
  const headLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
  if (4 + headLength > data.byteLength) throw new Error('wire: bad head length');
  const head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(4, 4 + headLength))) as { sizes?: unknown; value?: unknown };
  const sizes = head.sizes;
  if (!Array.isArray(sizes) || !sizes.every((s): s is number => Number.isInteger(s) && s >= 0)) throw new Error('wire: bad sizes');
  const parts: Uint8Array[] = [];
  let at = 4 + headLength;
  for (const size of sizes) {
    if (at + size > data.byteLength) throw new Error('wire: part past the end');
    parts.push(data.subarray(at, at + size));
    at += size;
  }
  if (at !== data.byteLength) throw new Error('wire: trailing bytes');
  return revive(head.value, parts);
}
