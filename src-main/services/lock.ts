/**
 * Single writer per data folder. `desk.lock` holds the owner's pid and host; a second desk
 * process (Electron, web mode or the command line) is refused while that process lives.
 * A lock left by a process that died (kill -9, power loss) is taken over. A pid alone can
 * mislead: after a crash and a restart of the machine another program may have the dead
 * desk's pid. Where the system tells (Linux), the lock also holds the boot's id and the
 * process's start time, and an owner whose boot or start time differs is dead whatever has its
 * pid now.
 *
 * Two rules keep this sound when several processes start at once:
 * - the lock file appears whole or not at all: it is written to a private temp file and then
 *   hard-linked into place (a link fails if the name exists), so nobody ever reads a lock that
 *   is still being written and mistakes it for a dead one;
 * - a dead owner's lock is cleared by one process at a time (`desk.lock.takeover`, created
 *   exclusively), which re-reads the lock first and removes it only if it is still the dead
 *   one — otherwise two processes that both saw the dead lock could both take the folder.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../../src-shared/errors';

export const LOCK_FILE = 'desk.lock';
const TAKEOVER_SUFFIX = '.takeover';
/** A takeover guard older than this was left by a process that died while clearing a lock. */
const TAKEOVER_STALE_MS = 10_000;
/** How long to keep trying while other processes are clearing or taking the lock. */
const ACQUIRE_TIMEOUT_MS = 3_000;

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** The machine's boot id (Linux), when known. */
  readonly boot?: string;
  /** The process's start, in clock ticks since boot (Linux), when known. */
  readonly started?: string;
}

/** This boot's id (Linux), or undefined where there is none. */
async function bootId(): Promise<string | undefined> {
  const id = await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '');
  return id.trim() || undefined;
}

/** Fields of /proc/<pid>/stat (Linux) after the process's name, or [] where there are none. */
async function statFields(pid: number): Promise<string[]> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // "pid (name) state ppid …": the name may hold spaces and parentheses, so fields are counted after the last ')'.
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : [];
}

/** When process `pid` started, in clock ticks since boot (Linux), or undefined. */
export async function startTicks(pid: number): Promise<string | undefined> {
  return (await statFields(pid))[19] || undefined; // field 22 of the whole line: starttime
}

/** Whether the process that wrote `owner` (on this host) still runs. */
async function alive(owner: LockInfo): Promise<boolean> {
  if (owner.boot && owner.boot !== (await bootId() ?? owner.boot)) return false; // written before a restart
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = await statFields(owner.pid);
  // A killed desk whose parent has not reaped it yet is a zombie (Z, or X while it goes): it
  // answers signal 0 but holds nothing and will never run again.
  if (fields[0] === 'Z' || fields[0] === 'X') return false;
  if (!owner.started) return true;
  const now = fields[19] || undefined;
  return now === undefined || now === owner.started; // another program has the pid now
}

/** The lock file's text, or null when there is none. */
async function readRaw(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return null;
    const known = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { pid: info.pid, host: String(info.host ?? ''), since: String(info.since ?? ''), boot: known(info.boot), started: known(info.started) };
  } catch {
    return null;
  }
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Removes the lock whose text was `seen` (a dead owner's, or unreadable), if it is still that
 * one, with only one process clearing at a time.
 */
async function clearDeadLock(file: string, seen: string): Promise<void> {
  const guard = file + TAKEOVER_SUFFIX;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(guard, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const stat = await fs.stat(guard).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > TAKEOVER_STALE_MS) await fs.rm(guard, { force: true });
    await sleep(10 + Math.random() * 20);
    return;
  }
  try {
    await handle.close();
    if ((await readRaw(file)) === seen) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}

/** Puts the lock in place atomically; fails with EEXIST when there is one. */
async function placeLock(tmp: string, file: string, text: string): Promise<void> {
  try {
    await fs.link(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT and exFAT drives, some network shares): an
    // exclusive create, which a reader may briefly see empty.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    const handle = await fs.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

export interface DeskLock {
  release(): Promise<void>;
}

export async function acquireLock(dataDir: string): Promise<DeskLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const [boot, started] = await Promise.all([bootId(), startTicks(process.pid)]);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), ...(boot && started ? { boot, started } : {}) };
  const text = JSON.stringify(mine);
  // Named like the store's temp files, so one left by a crash here is cleaned at the next open.
  const tmp = path.join(dataDir, `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
  let last: LockInfo | null = null;
  await writeSynced(tmp, text);
  try {
    while (Date.now() < deadline) {
      try {
        await placeLock(tmp, file, text);
        return {
          async release() {
            if ((await readRaw(file)) === text) await fs.rm(file, { force: true });
          },
        };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // Our temp file was cleaned by the desk that holds the folder: write it again.
          await writeSynced(tmp, text);
          continue;
        }
        if (code !== 'EEXIST') throw err;
      }
      const seen = await readRaw(file);
      if (seen === null) continue; // released meanwhile: try again
      const owner = parseLock(seen);
      last = owner;
      if (owner && (owner.host !== mine.host || (await alive(owner)))) {
        throw new DeskError('deskLocked', { dir: dataDir, pid: owner.pid, host: owner.host });
      }
      // The owner is gone (or the file is unreadable, not written by a desk).
      await clearDeadLock(file, seen);
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
  throw new DeskError('deskLocked', { dir: dataDir, pid: last?.pid ?? 0, host: last?.host ?? '' });
}
