/**
 * The newsroom server in tests: started in this process on a free port of 127.0.0.1 (or as a
 * child process, to be killed), HTTP calls against it, and real Hocuspocus providers over `ws`
 * as a desk would open them.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Role } from '../../src-shared/server-api';
import { startServer, type NewsroomServer, type ServerOptions } from '../../src-server/server';
import { afterEach } from 'vitest';
import { exited, Lines, spawnBuilt, stderrOf } from './child';
import { tempDirs } from './temp';

export const ADMIN_PASSWORD = 'mật-khẩu-quản-trị-đủ-dài';

export interface TestServer {
  readonly server: NewsroomServer;
  readonly url: string;
  readonly wsUrl: string;
  readonly adminToken: string;
}

export async function startTestServer(dataDir: string, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const server = await startServer({ dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: () => undefined, ...options });
  const url = server.url;
  const adminToken = await login(url, 'admin', options.adminPassword ?? ADMIN_PASSWORD);
  return { server, url, wsUrl: wsUrlOf(url), adminToken };
}

export const wsUrlOf = (url: string): string => `${url.replace(/^http/, 'ws')}/sync`;

export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly headers: Headers;
}

export async function api(url: string, method: string, path: string, options: { token?: string; json?: unknown; body?: BodyInit | Uint8Array; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body as BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(url + path, { method, headers, body, ...(body && typeof body !== 'string' && !(body instanceof Uint8Array) ? { duplex: 'half' } : {}) } as RequestInit);
  const text = method === 'HEAD' ? '' : await res.text();
  let json: Record<string, unknown> = {};
  if (text && (res.headers.get('content-type') ?? '').startsWith('application/json')) json = JSON.parse(text) as Record<string, unknown>;
  return { status: res.status, json, headers: res.headers };
}

export async function login(url: string, name: string, password: string): Promise<string> {
  const answer = await api(url, 'POST', '/api/login', { json: { name, password } });
  if (answer.status !== 200) throw new Error(`login ${name}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json.token as string;
}

/** Creates a user as admin and logs them in; returns their token. */
export async function userWithToken(t: TestServer, name: string, role: Role): Promise<string> {
  const password = `${name}-mật-khẩu-dài`;
  const created = await api(t.url, 'POST', '/api/users', { token: t.adminToken, json: { name, role, password } });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.json)}`);
  return login(t.url, name, password);
}

/** A desk's connection: one WebSocket, one provider per article. */
export class SyncClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly providers: HocuspocusProvider[] = [];

  constructor(
    wsUrl: string,
    readonly token: string,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket, minDelay: 50, maxDelay: 500, delay: 50, jitter: false, messageReconnectTimeout: 10_000 });
  }

  open(name: string, document: Y.Doc = new Y.Doc()): HocuspocusProvider {
    const provider = new HocuspocusProvider({ websocketProvider: this.socket, name, document, token: this.token });
    provider.attach();
    this.providers.push(provider);
    return provider;
  }

  destroy(): void {
    // A socket destroyed while it is still connecting (to a server just killed) makes ws emit
    // 'WebSocket was closed before the connection was established' with nobody listening.
    const ws = (this.socket as unknown as { webSocket?: { on?: (event: string, listener: () => void) => void } | null }).webSocket;
    ws?.on?.('error', () => undefined);
    for (const p of this.providers.splice(0)) p.destroy();
    this.socket.destroy();
  }
}

export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the provider is synced and the server has acknowledged every update it sent. */
export function acknowledged(provider: HocuspocusProvider, timeoutMs = 15_000): Promise<void> {
  return until(() => provider.isSynced && provider.unsyncedChanges === 0, `${provider.configuration.name} to be acknowledged`, timeoutMs);
}

/** The reason the server gave for refusing the provider's authentication. */
export function refusedWith(provider: HocuspocusProvider, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${provider.configuration.name} was not refused`)), timeoutMs);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** The reason given when the server closed the provider's article connection. */
export function closedWith(provider: HocuspocusProvider, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${provider.configuration.name} was not closed`)), timeoutMs);
    provider.on('close', ({ event }: { event: { reason: string } }) => {
      clearTimeout(timer);
      resolve(String(event.reason));
    });
  });
}

/** The server's current document for an article, as a fresh Y.Doc read through a new client. */
export async function readThroughServer(wsUrl: string, token: string, name: string): Promise<Y.Doc> {
  const client = new SyncClient(wsUrl, token);
  try {
    const provider = client.open(name);
    await acknowledged(provider);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider.document));
    return copy;
  } finally {
    client.destroy();
  }
}

/** The server as a child process (its bundle, `dist/server.cjs`), as `npm run server` runs it. */
export interface ServerChild {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Lines;
  readonly url: string;
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnServer(dataDir: string, env: Record<string, string> = {}, port = 0): Promise<ServerChild> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawnBuilt('dist/server.cjs', ['--data', dataDir, '--port', String(port)]);
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const lines = new Lines(child);
  const stderr = stderrOf(child);
  let line: string;
  try {
    line = await lines.next((l) => l.startsWith('Newsroom server listening on '));
  } catch (err) {
    throw new Error(`${(err as Error).message}\nstderr:\n${stderr()}`, { cause: err });
  }
  const url = /listening on (http:\/\/[^ ]+)/.exec(line)![1]!;
  return {
    child,
    lines,
    url,
    stderr,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited(child);
    },
  };
}

/**
 * The fixtures a server test file repeats, tracked and cleaned up after each test: call at a
 * test file's top level. `temp()` makes a data folder, `start()` a server in this process (in a
 * fresh folder unless given one), `spawn()` a server child (killed with SIGKILL), `client()` a
 * sync client; afterEach destroys the clients, closes the servers, kills the children and
 * removes the folders, in that order.
 */
export function serverFixtures(): {
  temp(prefix?: string): Promise<string>;
  start(options?: Partial<ServerOptions>, dir?: string): Promise<TestServer>;
  spawn(dir: string, env?: Record<string, string>): Promise<ServerChild>;
  client(s: TestServer | string, token: string): SyncClient;
} {
  const temp = tempDirs();
  const servers: TestServer[] = [];
  const children: ServerChild[] = [];
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all(servers.splice(0).map((s) => s.server.close()));
    await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
    await temp.cleanup();
  });
  return {
    temp: (prefix = 'bantin-server-') => temp.make(prefix),
    async start(options = {}, dir) {
      const s = await startTestServer(dir ?? (await temp.make('bantin-server-')), options);
      servers.push(s);
      return s;
    },
    async spawn(dir, env = {}) {
      const c = await spawnServer(dir, env);
      children.push(c);
      return c;
    },
    client(s, token) {
      const c = new SyncClient(typeof s === 'string' ? s : s.wsUrl, token);
      clients.push(c);
      return c;
    },
  };
}
