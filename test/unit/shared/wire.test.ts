import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire, hasBytes, packWire, unpackWire } from '../../../src-shared/wire';

/** Deterministic pseudo-random bytes (no Math.random: failures must reproduce). */
function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('base64', () => {
  it('agrees with Node for every length remainder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 257, 1000]) {
      const b = bytes(n, n + 7);
      const ours = bytesToBase64(b);
      expect(ours).toBe(Buffer.from(b).toString('base64'));
      expect(base64ToBytes(ours)).toEqual(b);
    }
  });

  it('throws on characters outside the alphabet', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/bad character/);
    expect(() => base64ToBytes('aGVsbG8-')).toThrow(/bad character/);
    expect(() => base64ToBytes('ảnh=')).toThrow(/bad character/);
  });

  it('throws on an impossible length', () => {
    expect(() => base64ToBytes('abcde')).toThrow(/bad length/);
  });
});

describe('encodeWire / decodeWire', () => {
  it('round-trips bytes as Uint8Array', () => {
    const update = bytes(37);
    const back = decodeWire(encodeWire({ id: 'a1b2c3d4', update })) as { id: string; update: unknown };
    expect(back.id).toBe('a1b2c3d4');
    expect(back.update).toBeInstanceOf(Uint8Array);
    expect(back.update).toEqual(update);
  });

  it('round-trips bytes nested in objects and arrays, next to Vietnamese text', () => {
    const value = {
      ok: true,
      value: {
        summary: { headline: 'Hội nghị trực tuyến', words: 3, trashedAt: null },
        parts: [bytes(1), { deep: [bytes(2, 3), 'đ'] }, bytes(0)],
      },
    };
    const back = decodeWire(encodeWire(value));
    expect(back).toEqual(value);
    const parts = (back as typeof value).value.parts;
    expect(parts[0]).toBeInstanceOf(Uint8Array);
    expect((parts[1] as { deep: unknown[] }).deep[0]).toBeInstanceOf(Uint8Array);
    expect(parts[2]).toBeInstanceOf(Uint8Array);
    expect((parts[2] as Uint8Array).length).toBe(0);
  });

  it('round-trips a large update (1 MiB) exactly', () => {
    const big = bytes(1024 * 1024, 42);
    const back = decodeWire(encodeWire({ update: big })) as { update: Uint8Array };
    expect(back.update.length).toBe(big.length);
    expect(Buffer.from(back.update).equals(Buffer.from(big))).toBe(true);
  });

  it('round-trips big arrays of plain values', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ i, s: `bài ${i}` }));
    expect(decodeWire(encodeWire(list))).toEqual(list);
  });

  it('leaves objects that only look similar alone', () => {
    const value = { $bytes: 42, other: { $bytes: 'AAAA', extra: 1 } };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });

  it('throws on bad base64 inside a bytes value', () => {
    expect(() => decodeWire('{"update":{"$bytes":"@@@@"}}')).toThrow();
    expect(() => decodeWire('{"update":{"$bytes":"abcde"}}')).toThrow();
  });
});

describe('binary calls (packWire / unpackWire)', () => {
  const join = (pieces: readonly Uint8Array[]) => {
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  };

  it('carries several byte arrays (Node Buffers too) beside JSON, unchanged', () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2, 255]);
    const state = Buffer.from([9, 8, 7]);
    const value = { id: 'bai-mau-0001', name: 'Ảnh hội nghị.jpg', bytes: photo, nested: { list: [state, 'x'] }, empty: new Uint8Array(0) };
    const packed = packWire(value);
    expect(packed.size).toBe(packed.pieces.reduce((n, p) => n + p.byteLength, 0));
    const back = unpackWire(join(packed.pieces)) as typeof value;
    expect(back.name).toBe('Ảnh hội nghị.jpg');
    expect([...back.bytes]).toEqual([...photo]);
    expect([...(back.nested.list[0] as Uint8Array)]).toEqual([9, 8, 7]);
    expect(back.nested.list[1]).toBe('x');
    expect(back.empty).toBeInstanceOf(Uint8Array);
    expect(back.empty.byteLength).toBe(0);
    // encodeWire also sees a Buffer as bytes, not as { type: 'Buffer', data }.
    expect(decodeWire(encodeWire({ state }))).toEqual({ state: new Uint8Array([9, 8, 7]) });
  });

  it('refuses a body whose parts do not add up, or that names a part it does not have', () => {
    const good = join(packWire({ bytes: new Uint8Array([1, 2, 3]) }).pieces);
    expect(() => unpackWire(good.subarray(0, good.length - 1))).toThrow(/past the end/);
    expect(() => unpackWire(join([good, new Uint8Array([0])]))).toThrow(/trailing/);
    expect(() => unpackWire(new Uint8Array([0, 0, 0, 200, 1]))).toThrow(/head length/);
    const head = new TextEncoder().encode('{"sizes":[],"value":{"bytes":{"$part":0}}}');
    const prefix = new Uint8Array(4);
    new DataView(prefix.buffer).setUint32(0, head.length);
    expect(() => unpackWire(join([prefix, head]))).toThrow(/bad part/);
    expect(hasBytes({ a: { b: [1, new Uint8Array(1)] } })).toBe(true);
    expect(hasBytes({ a: { b: [1, 'x'] } })).toBe(false);
  });
});
