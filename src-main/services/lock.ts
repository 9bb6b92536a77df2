/**
 * Single writer per data folder. `desk.lock` holds the owner's pid and host; a second desk
 * process (Electron, web mode or the command line) is refused while that process lives.
 * A lock left by a process that died (kill -9, power loss) is taken over.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../../src-shared/errors';

export const LOCK_FILE = 'desk.lock';

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), since: String(info.since ?? '') } : null;
  } catch {
    return null;
  }
}

export interface DeskLock {
  release(): Promise<void>;
}

export async function acquireLock(dataDir: string): Promise<DeskLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(mine));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        async release() {
          const owner = await readLock(file);
          if (owner?.pid === process.pid) await fs.rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = await readLock(file);
      const sameHost = !owner || owner.host === mine.host;
      if (owner && (!sameHost || alive(owner.pid))) {
        throw new DeskError('deskLocked', { dir: dataDir, pid: owner.pid, host: owner.host });
      }
      // The owner is gone (or the file is unreadable, written by a process that died mid-write).
      await fs.rm(file, { force: true });
    }
  }
  throw new DeskError('deskLocked', { dir: dataDir, pid: 0, host: '' });
}
