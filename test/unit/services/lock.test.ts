import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../src-shared/errors';
import { acquireLock, LOCK_FILE, startTicks } from '../../../src-main/services/lock';
import { tempDirs } from '../../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

/** A pid that no process has: larger than any pid_max Linux allows. */
const DEAD_PID = 4_194_304 + 12_345;

describe('acquireLock', () => {
  it('writes our pid and host, and refuses a second holder while we live', async () => {
    const dir = await temp.make();
    const lock = await acquireLock(dir);
    const info = JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname() });
    const err = await acquireLock(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'deskLocked', params: { dir, pid: process.pid } });
    await lock.release();
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await acquireLock(dir);
    await again.release();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await temp.make();
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), since: '2024-01-01T00:00:00Z' }));
    const lock = await acquireLock(dir);
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over an unreadable lock file (its writer died mid-write)', async () => {
    const dir = await temp.make();
    await fs.writeFile(path.join(dir, LOCK_FILE), '{"pid": 12');
    const lock = await acquireLock(dir);
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  // Boot id and start times come from /proc: Linux only (CI runs Linux); elsewhere the pid alone is checked.
  describe.runIf(process.platform === 'linux')('a pid that another program has now', () => {
    async function identity() {
      const boot = (await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
      return { boot, started: await startTicks(process.pid) };
    }

    it('writes the boot id and our start time beside the pid', async () => {
      const dir = await temp.make();
      const lock = await acquireLock(dir);
      const info = JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
      expect(info).toMatchObject(await identity());
      expect(info.started).toMatch(/^\d+$/);
      await lock.release();
    });

    it('takes over a lock whose pid lives but started at another time (the pid was reused after a crash)', async () => {
      const dir = await temp.make();
      const { boot, started } = await identity();
      await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'x', boot, started: String(Number(started) - 1) }));
      const lock = await acquireLock(dir);
      expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, started });
      await lock.release();
    });

    it('takes over a lock written before the machine restarted, whatever has its pid now', async () => {
      const dir = await temp.make();
      const { started } = await identity();
      await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'x', boot: '00000000-0000-0000-0000-000000000000', started }));
      const lock = await acquireLock(dir);
      await lock.release();
    });

    it('takes over a lock whose owner was killed but not yet reaped by its parent (a zombie)', async () => {
      // A shell starts a short sleep in the background, then becomes a long sleep that never
      // reaps it: once the short one ends it is a zombie, its pid still answering signal 0.
      const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
      try {
        const pid = Number((await once(parent.stdout, 'data'))[0].toString().trim());
        const state = async () => (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.[0];
        for (let i = 0; i < 100 && (await state()) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
        expect(await state()).toBe('Z');
        expect(() => process.kill(pid, 0)).not.toThrow();
        const dir = await temp.make();
        const { boot } = await identity();
        await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host: os.hostname(), since: 'x', boot, started: await startTicks(pid) }));
        const lock = await acquireLock(dir);
        expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
        await lock.release();
      } finally {
        parent.kill('SIGKILL');
      }
    });

    it('refuses a lock whose pid, boot and start time are all still those of a live process', async () => {
      const dir = await temp.make();
      await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'x', ...(await identity()) }));
      await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'deskLocked', params: { pid: process.pid } });
    });
  });

  it('refuses a lock held from another host, whose pid it cannot check', async () => {
    const dir = await temp.make();
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: 'another-laptop', since: 'x' }));
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'deskLocked', params: { host: 'another-laptop' } });
  });

  it('release does not remove a lock another process has taken since', async () => {
    const dir = await temp.make();
    const lock = await acquireLock(dir);
    const other = JSON.stringify({ pid: 1, host: os.hostname(), since: 'x' });
    await fs.writeFile(path.join(dir, LOCK_FILE), other);
    await lock.release();
    expect(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it('leaves no temp file behind, whether it gets the lock or is refused', async () => {
    const dir = await temp.make();
    const lock = await acquireLock(dir);
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'deskLocked' });
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await lock.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('clears a takeover guard left by a process that died while taking over', async () => {
    const dir = await temp.make();
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), since: 'x' }));
    const guard = path.join(dir, `${LOCK_FILE}.takeover`);
    await fs.writeFile(guard, '');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(guard, old, old);
    const lock = await acquireLock(dir);
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await lock.release();
  });
});
