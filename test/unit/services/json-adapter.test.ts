import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorruptFileError, DurableJsonAdapter } from '../../../src-main/services/json-adapter';
import { listDir, tempDirs } from '../../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const Shape = z.object({ version: z.literal(1), names: z.array(z.string()) });
type Shape = z.infer<typeof Shape>;

async function adapterIn(content?: string | Buffer) {
  const dir = await temp.make();
  const file = path.join(dir, 'data.json');
  if (content !== undefined) await fs.writeFile(file, content);
  return { dir, file, adapter: new DurableJsonAdapter<Shape>(file, (v) => Shape.parse(v)) };
}

describe('DurableJsonAdapter', () => {
  it('reads a missing file as null (a first start)', async () => {
    const { adapter } = await adapterIn();
    await expect(adapter.read()).resolves.toBeNull();
  });

  it('writes and reads back, through lowdb, leaving only the file', async () => {
    const { dir, file, adapter } = await adapterIn();
    const db = new Low<Shape>(adapter, { version: 1, names: [] });
    db.data.names.push('Hà Giang', 'Đình Anh');
    await db.write();
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ version: 1, names: ['Hà Giang', 'Đình Anh'] });
    expect(await listDir(dir)).toEqual(['data.json']);
    const again = new Low<Shape>(new DurableJsonAdapter<Shape>(file, (v) => Shape.parse(v)), { version: 1, names: [] });
    await again.read();
    expect(again.data.names).toEqual(['Hà Giang', 'Đình Anh']);
  });

  it.each([
    ['empty', ''],
    ['not JSON', '{"version": 1, "names": ['],
    ['not JSON', Buffer.from([0xff, 0xfe, 0x00, 0x12])],
    ['not JSON', '\u0000\u0000\u0000\u0000'],
    ['unexpected shape', '{"version": 2, "names": []}'],
    ['unexpected shape', '[]'],
    ['unexpected shape', 'null'],
    ['unexpected shape', '"a string"'],
  ])('throws CorruptFileError (%s) for %j', async (reason, content) => {
    const { file, adapter } = await adapterIn(content);
    const err = await adapter.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect((err as CorruptFileError).file).toBe(file);
    expect((err as CorruptFileError).message).toContain(reason);
    // Reading never changes the damaged file.
    expect(await fs.readFile(file)).toEqual(Buffer.from(content));
  });

  it('returns what the validator returns (defaults filled in)', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'x.json');
    await fs.writeFile(file, '{"a":1}');
    const adapter = new DurableJsonAdapter(file, (v) => z.object({ a: z.number(), b: z.string().default('mặc định') }).parse(v));
    await expect(adapter.read()).resolves.toEqual({ a: 1, b: 'mặc định' });
  });
});
