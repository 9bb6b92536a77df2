/**
 * A throwaway Redis for the scale-out tests: Debian's `redis-server` (installed by .ci/run)
 * on a free port of 127.0.0.1, nothing saved to disk, its folder removed when stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

export const REDIS_SERVER = process.env.BANTIN_REDIS_SERVER ?? '/usr/bin/redis-server';

export type Availability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function redisAvailability(): Availability {
  return existsSync(REDIS_SERVER) ? { ok: true } : { ok: false, reason: `${REDIS_SERVER} is not installed (apt-get install redis-server)` };
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops it at once (SIGKILL when `kill`), keeping nothing. */
  stop(kill?: boolean): Promise<void>;
}

export async function startRedis(port?: number): Promise<RedisServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-redis-'));
  const listen = port ?? (await freePort());
  const child = spawn(REDIS_SERVER, ['--port', String(listen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(listen, child, () => output);
  return {
    url: `redis://127.0.0.1:${listen}`,
    port: listen,
    async stop(kill = false) {
      await stopChild(child, kill ? 'SIGKILL' : 'SIGTERM');
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once something accepts connections on the port; fails if the child exits first. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string, timeoutMs = 15_000): Promise<void> {
  const { connect } = await import('node:net');
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${String(child.spawnfile)} exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${String(child.spawnfile)} did not listen on ${port} within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
