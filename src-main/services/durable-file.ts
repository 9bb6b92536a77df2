/**
 * Durable file writes: temp file → fsync → rename → fsync of the folder. After `writeDurable`
 * resolves, the new content survives a crash or power loss; before it, the old content is intact.
 * A reader never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some file systems (and Windows) refuse to fsync a directory; the rename is still atomic there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await handle?.close();
  }
}

export async function writeDurable(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Creates a folder (and its parents) and makes its entry durable in the parent. */
export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
}

export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Sets a damaged file aside under a new name (never overwritten, never deleted). Returns its name. */
export async function moveAside(file: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 1; await exists(target); n++) target = `${file}.corrupt-${stamp}-${n}`;
  await fs.rename(file, target);
  await fsyncDir(path.dirname(file));
  return target;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Removes temp files left by a write that a crash interrupted. */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })));
}

/**
 * Serialises writes of one file and coalesces bursts: while a write runs, every request made
 * meanwhile is answered by one following write that includes all of them.
 */
export class CoalescingWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** The last write that ran failed (and none is running or queued to make up for it). */
  private failed = false;

  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.queued) return this.queued;
    const before = this.running ?? Promise.resolve();
    const next: Promise<void> = before
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        const run = this.write();
        this.running = run;
        run.then(
          () => (this.failed = false),
          () => (this.failed = true),
        );
        return run.finally(() => {
          if (this.running === run) this.running = null;
        });
      });
    this.queued = next;
    return next;
  }

  /**
   * Resolves once every write requested so far is done, and rejects when the last of them
   * failed: what they were to write is then not on disk. (`idle` resolves either way.)
   */
  async settled(): Promise<void> {
    const last = this.queued ?? this.running;
    if (last) return last;
    if (this.failed) throw new Error('the last write failed');
  }

  /** Resolves when no write is running or queued. */
  async idle(): Promise<void> {
    while (this.queued || this.running) await (this.queued ?? this.running)!.catch(() => undefined);
  }
}
