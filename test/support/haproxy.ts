/**
 * A real load balancer for the scale-out tests: Debian's HAProxy (installed by .ci/run) run in
 * the foreground with the repository's own deploy/haproxy.cfg — the file the README tells an
 * admin to use — given its addresses through the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './child';
import { freePort } from './ports';
import { stopChild, waitForPort, type Availability } from './redis';

export const HAPROXY = process.env.BANTIN_HAPROXY ?? '/usr/sbin/haproxy';
export const HAPROXY_CONFIG = path.join(ROOT, 'deploy', 'haproxy.cfg');

export function haproxyAvailability(): Availability {
  return existsSync(HAPROXY) ? { ok: true } : { ok: false, reason: `${HAPROXY} is not installed (apt-get install haproxy)` };
}

export interface Balancer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts HAProxy in front of `servers` (host:port, up to three; a port nobody listens on yet is
 * a slot for an instance that joins later). `balance` overrides the file's leastconn.
 */
export async function startBalancer(servers: readonly string[], balance?: string): Promise<Balancer> {
  if (servers.length > 3) throw new Error('deploy/haproxy.cfg names three instances');
  const port = await freePort();
  // Unused slots point at a port that is never opened: checked, down, harmless.
  const unused = `127.0.0.1:${await freePort()}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BANTIN_LB_BIND: `127.0.0.1:${port}`,
    BANTIN_SERVER_1: servers[0] ?? unused,
    BANTIN_SERVER_2: servers[1] ?? unused,
    BANTIN_SERVER_3: servers[2] ?? unused,
  };
  if (balance) env.BANTIN_LB_BALANCE = balance;
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', HAPROXY_CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop: () => stopChild(child, 'SIGTERM') };
}
