/**
 * The export's hashing worker (hash-worker.ts): digests in order and equal to SHA-256 of the
 * bytes given, a caller's buffer copied (never taken), and the worker ended whatever happens —
 * a finished export, a cancel, and a worker that breaks mid-way, which fails the export and
 * leaves no file. The worker class is wrapped only to see each one made and ended; the failing
 * one runs the real code with a throw added.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as HashWorkerModule from '../../src-main/services/export/hash-worker';
import { HASH_CHUNK, HASH_WORKER_SOURCE, HashWorker } from '../../src-main/services/export/hash-worker';
import { exportPackage, exportServicesOf } from '../../src-main/services/export/package';
import { TEST_VERSION, testDesks } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';
import { readZip, sampleWithPhotos } from './export-support';

const watched = vi.hoisted(() => ({ made: [] as Array<{ stopped: boolean }>, source: undefined as string | undefined }));

vi.mock('../../src-main/services/export/hash-worker', async (importOriginal) => {
  const real = await importOriginal<typeof HashWorkerModule>();
  class Watched extends real.HashWorker {
    stopped = false;
    constructor(options: ConstructorParameters<typeof real.HashWorker>[0] = {}) {
      super({ ...options, source: options.source ?? watched.source });
      watched.made.push(this);
    }
    override async terminate(): Promise<void> {
      this.stopped = true;
      await super.terminate();
    }
  }
  return { ...real, HashWorker: Watched };
});

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  watched.source = undefined;
  watched.made.length = 0;
  await desks.cleanup();
  await temp.cleanup();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the hashing worker', () => {
  it('gives each entry its SHA-256, in order; hashes a lent buffer where it lies and lends it again once hashed; copies any other', async () => {
    const hasher = new HashWorker({ window: 2 * HASH_CHUNK });
    try {
      const small = Buffer.from('xin chào'); // from Node's shared pool: must stay intact
      const lent = hasher.buffer();
      lent.fill(7);
      const whole = Buffer.from(lent); // what was lent, for the expected digest
      const digests = [hasher.digest()];
      await hasher.update(small);
      digests.push(hasher.digest());
      await hasher.update(lent.subarray(0, 1000));
      await hasher.update(small);
      digests.push(hasher.digest());
      expect(await Promise.all(digests)).toEqual([sha(Buffer.alloc(0)), sha(small), sha(Buffer.concat([whole.subarray(0, 1000), small]))]);
      expect(small.toString()).toBe('xin chào');
      // Hashed, the slot is lent again (the last given back is the first lent).
      expect(hasher.buffer().buffer).toBe(lent.buffer);
    } finally {
      await hasher.terminate();
    }
  });

  it('with every slot lent, lends buffers of their own, copied when hashed; a slot given back unused is lent again', async () => {
    const hasher = new HashWorker({ window: HASH_CHUNK });
    try {
      const slots: Buffer[] = [];
      for (;;) {
        const b = hasher.buffer();
        if (!(b.buffer instanceof SharedArrayBuffer)) {
          b.fill(3);
          await hasher.update(b);
          expect(await hasher.digest()).toBe(sha(Buffer.alloc(HASH_CHUNK, 3)));
          break;
        }
        slots.push(b);
      }
      expect(slots.length).toBeGreaterThan(1);
      hasher.release(slots[0]!);
      expect(hasher.buffer().byteOffset).toBe(slots[0]!.byteOffset);
    } finally {
      await hasher.terminate();
    }
  });
});

describe('export:package and its hashing worker', () => {
  async function setUp() {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { article } = await sampleWithPhotos(desk, dir);
    const outDir = path.join(dir, 'out');
    await fs.mkdir(outDir);
    return { desk, article, outDir, services: exportServicesOf(desk, TEST_VERSION) };
  }

  it('a finished export and a cancelled one both end their workers (two, taking the photos in turn)', async () => {
    const { article, outDir, services } = await setUp();
    const result = await exportPackage(services, article.id, path.join(outDir, 'a.zip'));
    const files = await readZip(result.file);
    for (const f of result.manifest.files) expect(sha(files.get(f.path)!)).toBe(f.sha256);
    const controller = new AbortController();
    const cancelled = exportPackage(services, article.id, path.join(outDir, 'b.zip'), { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'exportCancelled' });
    expect(watched.made).toHaveLength(4);
    expect(watched.made.every((w) => w.stopped)).toBe(true);
    expect(await listDir(outDir)).toEqual(['a.zip']);
  });

  it('a worker that breaks mid-way fails the export, is ended, and leaves no file', async () => {
    const { article, outDir, services } = await setUp();
    // The real worker, throwing at its second chunk (a photo's image data, after its header).
    watched.source = `let seen = 0;\n${HASH_WORKER_SOURCE.replace("parentPort.on('message', (m) => {", "parentPort.on('message', (m) => {\n  if ((m.slot !== undefined || m.chunk) && ++seen === 2) throw new Error('the hashing worker broke');")}`;
    expect(watched.source).toContain('++seen === 2');
    await expect(exportPackage(services, article.id, path.join(outDir, 'a.zip'))).rejects.toThrow('the hashing worker broke');
    expect(watched.made).toHaveLength(2);
    expect(watched.made.every((w) => w.stopped)).toBe(true);
    expect(await listDir(outDir)).toEqual([]);
  });
});
