/**
 * The newsroom server: one node:http server on one port for the HTTP API (http.ts) and, on
 * upgrade at /sync, Hocuspocus's WebSocket (sync.ts); the database (SQLite in the data folder,
 * or PostgreSQL given its address: storage/) and photos in the data folder.
 */
import { createServer, type Server } from 'node:http';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { DIRECTORY_CHANNEL, SYNC_PATH } from '../src-shared/server-api';
import { Access, DEFAULT_LIMITS, type Limits } from './access';
import { hashPassword, LoginLimiter, newPassword, plainAddress, type LoginLimits } from './auth';
import { connectedNow, noteOpened } from './connections';
import { createHttpHandler } from './http';
import { Notices } from './notices';
import { handleOps, sendMetrics } from './ops/endpoints';
import type { ReadinessCheck } from './ops/health';
import { serverMetrics, type ServerMetrics } from './ops/metrics';
import { logSocket, withRequestLog, type JsonLog } from './ops/request-log';
import { PhotoStore } from './photos';
import { openStorage, type Storage } from './storage';
import { connectCluster, type Cluster } from './scale/cluster';
import { RedisLoginLimiter } from './scale/login-limits';
import { authenticatedRequests, createSync, type SyncContext } from './sync';
import { Workflow } from './workflow';

export const ADMIN_NAME = 'admin';

export interface ServerOptions {
  readonly dataDir: string;
  /** A PostgreSQL address (`postgres://…`); absent: SQLite in the data folder. */
  readonly databaseUrl?: string | undefined;
  readonly host?: string;
  /** 0 = any free port. */
  readonly port?: number;
  /** The first admin's password; one is made (and returned once) when absent. */
  readonly adminPassword?: string;
  readonly log?: (line: string) => void;
  readonly loginLimit?: LoginLimits;
  /** Reverse proxies (IP addresses) whose `X-Forwarded-For` is believed; absent: none. */
  readonly trustProxy?: readonly string[];
  readonly debounceMs?: number;
  readonly maxDebounceMs?: number;
  readonly unloadDelayMs?: number;
  readonly photoMaxBytes?: number;
  /** A WebSocket that has authenticated no document by then is closed (default 15 s). */
  readonly authTimeoutMs?: number;
  /** What one account may put on the server (access.ts, DEFAULT_LIMITS for what is not given). */
  readonly limits?: Partial<Limits>;
  /** One JSON record per HTTP request (ops/request-log.ts); absent: requests are not logged. */
  readonly requestLog?: JsonLog;
  /** A second port, on 127.0.0.1 only, serving `GET /metrics` without a token (for a local Prometheus). */
  readonly metricsPort?: number;
  /** Redis shared by the instances of one newsroom (`redis://…`): live sync between them, shared login limits and socket closing (scale/cluster.ts). */
  readonly redisUrl?: string | undefined;
}

export interface NewsroomServer {
  readonly url: string;
  readonly port: number;
  readonly hocuspocus: Hocuspocus;
  readonly storage: Storage;
  /** Set on the first start only: the admin account made then, and its password when the server made it. */
  readonly createdAdmin: { readonly name: string; readonly password: string | null } | null;
  readonly metrics: ServerMetrics;
  /** The loopback metrics port's address, when one was asked for. */
  readonly metricsUrl: string | null;
  /** Stops accepting, closes every connection, compacts every document and closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<NewsroomServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const storage = await openStorage({ dataDir, databaseUrl: options.databaseUrl });
  const now = (): Date => new Date();
  const iso = (): string => now().toISOString();

  let createdAdmin: NewsroomServer['createdAdmin'] = null;
  let access: Access;
  let photos: PhotoStore;
  try {
    if ((await storage.userCount()) === 0) {
      const password = options.adminPassword ?? newPassword();
      // Instances sharing a PostgreSQL database may make their first start together: the one
      // whose admin was not recorded (the name is unique) finds the other's and goes on.
      const made = await storage.createUser(ADMIN_NAME, 'admin', await hashPassword(password), iso()).then(
        () => true,
        async (err: unknown) => {
          if (await storage.userByName(ADMIN_NAME)) return false;
          throw err;
        },
      );
      if (made) createdAdmin = { name: ADMIN_NAME, password: options.adminPassword ? null : password };
    }
    access = new Access(storage, iso, { ...DEFAULT_LIMITS, ...options.limits });
    photos = new PhotoStore(dataDir, storage, iso, options.photoMaxBytes, access.limits.photosPerHour);
    await photos.init();
    // Updates logged but not compacted when the server last stopped (a kill): fold them in now.
    for (const id of await storage.articlesWithPendingUpdates()) await storage.compact(id);
  } catch (err) {
    await storage.close();
    throw err;
  }

  let cluster: Cluster | null = null;
  if (options.redisUrl) {
    try {
      cluster = await connectCluster(options.redisUrl, log);
    } catch (err) {
      await storage.close();
      throw err;
    }
  }

  const notices = new Notices(storage, access, log);
  if (cluster) notices.attachCluster(cluster);
  // Read at each scrape: `wss` and `hocuspocus` are made below.
  const metrics = serverMetrics({
    connections: () => wss.clients.size,
    documents: () => [...hocuspocus.documents.keys()].filter((name) => name !== DIRECTORY_CHANNEL).length,
  });
  const sync = createSync({
    storage: timedStorage(storage, metrics),
    access,
    notices,
    now: iso,
    log,
    debounceMs: options.debounceMs,
    maxDebounceMs: options.maxDebounceMs,
    unloadDelayMs: options.unloadDelayMs,
    extensions: cluster ? [cluster.extension] : [],
    relayBeforeCommit: !cluster,
  });
  const { hocuspocus, idle } = sync;
  // Each applied update is sent to every socket holding its article (the sender's included).
  hocuspocus.configuration.extensions.push({
    onChange: async ({ document }: { document: { name: string; getConnections(): unknown[] } }) => {
      if (document.name !== DIRECTORY_CHANNEL) metrics.fanout.observe(document.getConnections().length);
    },
  });
  notices.attach(hocuspocus);
  const workflow = new Workflow(storage, sync, iso);

  /**
   * After accounts or assignments change: closes the socket of every open connection whose
   * user may no longer have its article (disabled, demoted, taken off it). The provider
   * reconnects and is then refused with the reason. A directory channel whose user's role
   * changed closes its socket too: the desk reconnects, and is told by the new role's rules.
   */
  const revalidateHere = async (): Promise<void> => {
    for (const document of [...hocuspocus.documents.values()]) {
      for (const connection of document.getConnections()) {
        const held = (connection.context as SyncContext | undefined)?.user;
        if (!held) continue;
        const user = await storage.userById(held.id);
        if (!user || user.disabled) connection.webSocket.close(4401, 'unauthorized');
        else if (document.name === DIRECTORY_CHANNEL) {
          if (user.role !== held.role) connection.webSocket.close(4000, 'roleChanged');
        } else if (!(await access.mayOpenArticle(user, document.name))) connection.webSocket.close(4403, 'forbidden');
      }
    }
  };
  const disconnectHere = (userId: number): void => {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        if ((connection.context as SyncContext | undefined)?.user.id === userId) connection.webSocket.close(4401, 'unauthorized');
      }
    }
  };
  // What one instance decides about accounts and assignments, every instance acts on.
  cluster?.onEvent((event) => {
    if (event.kind === 'revalidate') revalidateHere().catch((err: unknown) => log(`could not check the open connections: ${(err as Error).message}`));
    else if (event.kind === 'disconnect') disconnectHere(event.userId);
  });
  const revalidate = async (): Promise<void> => {
    cluster?.publish({ kind: 'revalidate' });
    await revalidateHere();
  };
  const disconnectUser = (userId: number): void => {
    cluster?.publish({ kind: 'disconnect', userId });
    disconnectHere(userId);
  };

  const api = createHttpHandler({ storage, access, photos, notices, workflow, limiter: cluster ? new RedisLoginLimiter(cluster.redis, options.loginLimit, log) : new LoginLimiter(options.loginLimit), trustedProxies: new Set((options.trustProxy ?? []).map(plainAddress)), now, log, disconnectUser, revalidate, connections: () => connectedNow(hocuspocus, iso()) });
  let closing: Promise<void> | null = null;
  // The database answers; Redis, when instances share one, is another check here.
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => storage.userCount() }];
  if (cluster) checks.push({ name: 'redis', check: () => cluster.ping() });
  const ops = { storage, access, metrics, dataDir, checks, stopping: () => closing !== null, log };
  const handler = withRequestLog((req, res) => void (handleOps(ops, req, res) || api(req, res)), metrics, options.requestLog);
  // A 64 MB photo over a slow link takes minutes: allow a request 15 minutes (Node's default is 5).
  const http: Server = createServer({ requestTimeout: 15 * 60_000 }, handler);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });
  http.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://server').pathname;
    if (pathname !== SYNC_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => log(`websocket error: ${err.message}`));
      noteOpened(ws, iso());
      logSocket(options.requestLog, req, ws);
      // Hocuspocus queues a document's messages until its token is checked: a socket that has
      // not authenticated any document after a while is closed rather than left to queue.
      const timer = setTimeout(() => {
        if (!authenticatedRequests.has(req)) ws.close(4401, 'unauthorized');
      }, options.authTimeoutMs ?? 15_000);
      ws.once('close', () => clearTimeout(timer));
      hocuspocus.handleConnection(ws, req);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // The port is taken, say: let go of the database (SQLite's lock, PostgreSQL's connections).
    await cluster?.close();
    await storage.close();
    throw err;
  }
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let metricsServer: Server | null = null;
  if (options.metricsPort !== undefined) {
    const open = createServer((req, res) => {
      if (req.method === 'GET' && new URL(req.url ?? '/', 'http://server').pathname === '/metrics') return sendMetrics(metrics, res);
      res.writeHead(404, { 'content-length': '0' }).end();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        open.once('error', reject);
        // Loopback only, whatever --host says: it answers without a token.
        open.listen(options.metricsPort, '127.0.0.1', () => resolve());
      });
    } catch (err) {
      http.close();
      await cluster?.close();
      await storage.close();
      throw err;
    }
    metricsServer = open;
  }
  const metricsUrl = metricsServer ? `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}` : null;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      metricsServer?.close();
      metricsServer?.closeAllConnections();
      notices.close();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const ws of wss.clients) ws.close(1001, 'serverStopping');
      hocuspocus.closeConnections();
      http.closeAllConnections();
      await stopped;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Every acknowledged change is already stored; let writes still under way settle, fold
      // the logs into the states and close cleanly.
      await idle();
      for (const id of await storage.articlesWithPendingUpdates()) await storage.compact(id);
      await cluster?.close();
      await storage.close();
    })();
    return closing;
  };

  return { url: `http://${host}:${address.port}`, port: address.port, hocuspocus, storage, createdAdmin, metrics, metricsUrl, close };
}

/** The storage sync writes through, counting each update stored and timing its commit. */
function timedStorage(storage: Storage, metrics: ServerMetrics): Storage {
  const appendUpdate: Storage['appendUpdate'] = async (...args) => {
    const started = process.hrtime.bigint();
    const seq = await storage.appendUpdate(...args);
    metrics.commitSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    metrics.updates.inc();
    return seq;
  };
  // Every other member is the storage's own, called on it.
  return new Proxy(storage, {
    get(target, key) {
      if (key === 'appendUpdate') return appendUpdate;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
