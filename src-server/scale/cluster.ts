/**
 * Instances of the server working as one, through one Redis (README, "Scale-out"):
 * - the Hocuspocus Redis extension relays every article update and presence an instance
 *   receives to the other instances holding that article, so desks connected to different
 *   instances see each other's typing at once (it stores nothing: the instance that received
 *   an update from a desk stored it before acknowledging it);
 * - our own channel (`<prefix>:events`) carries what one instance decides and the others must
 *   act on: close the sockets of a user disabled or logged out, or of users who lost an
 *   article (revalidate), and tell desks of a stored article or photo, or of a word added to
 *   the newsroom dictionary (notices.ts);
 * - the login limits are counted in Redis (login-limits.ts), so N instances allow no more
 *   attempts than one.
 * Redis holds nothing that must survive: a Redis restarted empty only forgets login counts.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import IORedis from 'ioredis';

/** What one instance tells the others. */
export type ClusterEvent =
  | { readonly kind: 'revalidate' }
  | { readonly kind: 'disconnect'; readonly userId: number }
  | { readonly kind: 'article'; readonly id: string }
  | { readonly kind: 'photo'; readonly article: string; readonly photo: string }
  | { readonly kind: 'dictionary' };

export interface Cluster {
  /** This instance's name in Redis messages (its own are not handled again). */
  readonly identifier: string;
  /** For Hocuspocus's extensions. */
  readonly extension: RedisExtension;
  /** A connection for commands (the login limits). */
  readonly redis: IORedis;
  /** Tells the other instances (not this one). */
  publish(event: ClusterEvent): void;
  /** What the other instances tell. */
  onEvent(handler: (event: ClusterEvent) => void): void;
  /** Resolves when Redis answers (the readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const PREFIX = 'bantin';
const PING_TIMEOUT_MS = 2_000;

/** Redis's address as the server is given it: `redis://[:password@]host[:port][/db]`. */
export function isRedisUrl(url: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export async function connectCluster(url: string, log: (line: string) => void): Promise<Cluster> {
  const identifier = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  // Commands wait for a reconnection rather than failing at once; a Redis that stays away is
  // seen by the readiness check, and meanwhile each instance still serves its own desks.
  const client = (): IORedis => new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableReadyCheck: true });
  const redis = client();
  const events = client();
  for (const [name, c] of [
    ['commands', redis],
    ['events', events],
  ] as const) {
    c.on('error', (err: Error) => log(`redis (${name}): ${err.message}`));
  }
  try {
    await redis.connect();
    await events.connect();
  } catch (err) {
    redis.disconnect();
    events.disconnect();
    throw new Error(`Redis at ${redactedUrl(url)} did not answer: ${(err as Error).message}`, { cause: err });
  }
  const channel = `${PREFIX}:events`;
  const handlers: ((event: ClusterEvent) => void)[] = [];
  events.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    let parsed: { from?: unknown; event?: ClusterEvent };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.from === identifier || !parsed.event) return;
    for (const h of handlers) h(parsed.event);
  });
  await events.subscribe(channel);

  const extension = new RedisExtension({ createClient: client, identifier, prefix: `${PREFIX}:doc` });
  // The extension's own connections: connected by their first command; their errors logged.
  for (const c of [extension.pub, extension.sub]) (c as IORedis).on('error', (err: Error) => log(`redis (documents): ${err.message}`));

  return {
    identifier,
    extension,
    redis,
    publish(event) {
      redis.publish(channel, JSON.stringify({ from: identifier, event })).catch((err: unknown) => log(`could not tell the other instances (${event.kind}): ${(err as Error).message}`));
    },
    onEvent(handler) {
      handlers.push(handler);
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          redis.ping(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('Redis did not answer')), PING_TIMEOUT_MS);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      // The extension's connections are closed by Hocuspocus's onDestroy hook (closeConnections does not).
      await Promise.allSettled([redis.quit(), events.quit(), extension.onDestroy()]);
    },
  };
}

/** The address without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://…';
  }
}
