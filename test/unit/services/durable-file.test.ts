import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoalescingWriter, moveAside, readIfExists, removeStaleTemps, writeDurable } from '../../../src-main/services/durable-file';
import { listDir, tempDirs } from '../../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

describe('writeDurable', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'desk.json');
    await writeDurable(file, '{"a":"Hà Giang"}');
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":"Hà Giang"}');
    expect(await listDir(dir)).toEqual(['desk.json']);
  });

  it('replaces the content of an existing file, bytes included', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'a.ydoc');
    await writeDurable(file, 'cũ');
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await writeDurable(file, bytes);
    expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
    expect(await listDir(dir)).toEqual(['a.ydoc']);
  });

  it('never lets a reader see a half-written file', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'big.json');
    const a = 'A'.repeat(2 * 1024 * 1024);
    const b = 'B'.repeat(3 * 1024 * 1024);
    await writeDurable(file, a);
    let stop = false;
    let reads = 0;
    const reader = (async () => {
      while (!stop) {
        const text = await fs.readFile(file, 'utf8');
        reads++;
        expect(text === a || text === b, `read ${reads} saw ${text.length} bytes of mixed content`).toBe(true);
      }
    })();
    for (let i = 0; i < 10; i++) await writeDurable(file, i % 2 ? a : b);
    stop = true;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(await listDir(dir)).toEqual(['big.json']);
  });

  it('runs many concurrent writes of one file to a complete result and no leftovers', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'x.json');
    const values = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, text: 'đ'.repeat(1000 + i) }));
    await Promise.all(values.map((v) => writeDurable(file, v)));
    expect(values).toContain(await fs.readFile(file, 'utf8'));
    expect(await listDir(dir)).toEqual(['x.json']);
  });

  it('keeps the old content and removes its temp file when the rename fails', async () => {
    const dir = await temp.make();
    // The target is a non-empty folder: the rename over it fails after the temp file is written.
    const target = path.join(dir, 'target');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside.txt'), 'giữ nguyên');
    await expect(writeDurable(target, 'mới')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(await listDir(dir)).toEqual(['target']);
    expect(await fs.readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('giữ nguyên');
  });

  it('rejects when the folder does not exist', async () => {
    const dir = await temp.make();
    await expect(writeDurable(path.join(dir, 'missing', 'f.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('moveAside', () => {
  it('renames a damaged file without changing its bytes, never over an earlier one', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'desk.json');
    const now = new Date('2024-03-21T02:40:00.000Z');
    await fs.writeFile(file, 'hỏng 1');
    const first = await moveAside(file, now);
    await fs.writeFile(file, 'hỏng 2');
    const second = await moveAside(file, now);
    expect(first).not.toBe(second);
    expect(path.basename(first)).toMatch(/^desk\.json\.corrupt-2024-03-21T02-40-00-000Z$/);
    expect(await fs.readFile(first, 'utf8')).toBe('hỏng 1');
    expect(await fs.readFile(second, 'utf8')).toBe('hỏng 2');
    expect(await readIfExists(file)).toBeNull();
  });
});

describe('removeStaleTemps', () => {
  it('removes only the temp files a crashed write left', async () => {
    const dir = await temp.make();
    await fs.writeFile(path.join(dir, '.desk.json.123.abcd.tmp'), 'half');
    await fs.writeFile(path.join(dir, 'desk.json'), '{}');
    await fs.writeFile(path.join(dir, 'notes.tmp'), 'user file, not ours');
    await fs.writeFile(path.join(dir, '.hidden'), 'x');
    await removeStaleTemps(dir);
    expect(await listDir(dir)).toEqual(['.hidden', 'desk.json', 'notes.tmp']);
  });

  it('ignores a missing folder', async () => {
    const dir = await temp.make();
    await expect(removeStaleTemps(path.join(dir, 'nope'))).resolves.toBeUndefined();
  });
});

/** A promise with its resolve/reject exposed. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('CoalescingWriter', () => {
  /**
   * A writer over a counter: `state` is what the caller changed, `saved` what a write took.
   * Each write is held until the test releases it.
   */
  function harness() {
    let state = 0;
    const writes: Array<{ took: number; gate: ReturnType<typeof deferred> }> = [];
    const saved: number[] = [];
    const writer = new CoalescingWriter(async () => {
      const w = { took: state, gate: deferred() };
      writes.push(w);
      await w.gate.promise;
      saved.push(w.took);
    });
    return {
      writer,
      writes,
      saved,
      change: () => ++state,
    };
  }

  it('coalesces the requests made during a write into one following write', async () => {
    const h = harness();
    h.change();
    const p1 = h.writer.request();
    await tick();
    expect(h.writes).toHaveLength(1);
    const later = [1, 2, 3, 4, 5].map(() => {
      h.change();
      return h.writer.request();
    });
    // All requested while write 1 runs: they share one promise.
    expect(new Set(later).size).toBe(1);
    expect(later[0]).not.toBe(p1);
    h.writes[0]!.gate.resolve();
    await p1;
    await tick();
    expect(h.writes).toHaveLength(2);
    h.writes[1]!.gate.resolve();
    await Promise.all(later);
    expect(h.writes).toHaveLength(2);
    expect(h.saved).toEqual([1, 6]);
  });

  it('resolves each request only after a write that began after it was requested', async () => {
    const h = harness();
    const results: Array<{ asked: number; savedWhenResolved: number }> = [];
    const pending: Promise<void>[] = [];
    // Requests arrive at random moments while writes are released one by one.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let step = 0; step < 60; step++) {
      if (rand() < 0.6) {
        const asked = h.change();
        pending.push(h.writer.request().then(() => void results.push({ asked, savedWhenResolved: Math.max(...h.saved) })));
      }
      if (rand() < 0.4) h.writes.find((w, i) => i === h.saved.length)?.gate.resolve();
      await tick();
    }
    // Drain.
    while (results.length < pending.length) {
      h.writes[h.saved.length]?.gate.resolve();
      await tick();
    }
    await Promise.all(pending);
    expect(pending.length).toBeGreaterThan(10);
    expect(h.writes.length).toBeLessThan(pending.length); // some coalescing happened
    for (const r of results) expect(r.savedWhenResolved, `request ${r.asked}`).toBeGreaterThanOrEqual(r.asked);
  });

  it('a request made while a write runs is not answered by that write', async () => {
    const h = harness();
    const p1 = h.writer.request();
    await tick();
    h.change(); // changed after write 1 took the state
    let p2Done = false;
    const p2 = h.writer.request().then(() => {
      p2Done = true;
    });
    h.writes[0]!.gate.resolve();
    await p1;
    await tick();
    expect(p2Done).toBe(false);
    h.writes[1]!.gate.resolve();
    await p2;
    expect(h.saved).toEqual([0, 1]);
  });

  it('rejects the requesters of a failed write, and the next request writes again', async () => {
    let fail = true;
    let calls = 0;
    const gate = deferred();
    const writer = new CoalescingWriter(async () => {
      calls++;
      await gate.promise;
      if (fail) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    });
    const a = writer.request();
    const b = writer.request();
    expect(b).toBe(a);
    gate.resolve();
    await expect(a).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(b).rejects.toMatchObject({ code: 'ENOSPC' });
    fail = false;
    await expect(writer.request()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('a request queued behind a failing write still gets its own write', async () => {
    const gates = [deferred(), deferred()];
    let calls = 0;
    const writer = new CoalescingWriter(async () => {
      const n = calls++;
      await gates[n]!.promise;
    });
    const a = writer.request();
    await tick();
    const b = writer.request();
    gates[0]!.reject(new Error('EIO'));
    await expect(a).rejects.toThrow('EIO');
    await tick();
    expect(calls).toBe(2);
    gates[1]!.resolve();
    await expect(b).resolves.toBeUndefined();
  });

  it('idle() waits for running and queued writes', async () => {
    const h = harness();
    void h.writer.request();
    await tick();
    void h.writer.request();
    let idle = false;
    const waiting = h.writer.idle().then(() => {
      idle = true;
    });
    h.writes[0]!.gate.resolve();
    await tick();
    await tick();
    expect(idle).toBe(false);
    h.writes[1]!.gate.resolve();
    await waiting;
    expect(idle).toBe(true);
    await expect(new CoalescingWriter(async () => undefined).idle()).resolves.toBeUndefined();
  });
});
