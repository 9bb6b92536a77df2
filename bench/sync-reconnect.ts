/**
 * Reconnecting after 1,000 articles were each changed offline by one word: what the desk sends
 * and how long until the server has acknowledged everything, against sending every article's
 * full state the same way, in the same run.
 *
 * The client works as the desk's sync service (src-main/services/sync/service.ts): one
 * `HocuspocusProviderWebsocket` (one socket) and a `HocuspocusProvider` per changed article,
 * named by the article's id, with the login token, at most 32 at once, each let go once the
 * server has acknowledged it. A second pattern keeps a provider per article attached across
 * the disconnection (the edits made offline queue in the socket and are sent again by the sync
 * handshake). The server is the newsroom server started in this process on 127.0.0.1 with a
 * temporary data folder, so the times include both sides' work on one event loop. Bytes are
 * counted at the client's WebSocket: message payloads as handed to `send`, and TCP bytes
 * written (the HTTP upgrade and WebSocket framing included).
 *
 * Baseline: the same 1,000 edited documents under new ids the server has never seen, so each
 * provider's sync answer is the document's whole state (`Y.encodeStateAsUpdate`).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { bodyText } from '../src-shared/article-doc';
import { startServer, type NewsroomServer } from '../src-server/server';
import { seededRandom } from '../test/support/seeded';
import { ADMIN_PASSWORD, login, until, wsUrlOf } from '../test/support/server';
import { articleDoc, articleText, insertWord, int, kib, ms, tmp, Traffic, userToken, wordSource } from './sync-support';

const ARTICLES = 1000;
const WAIT_MS = 120_000;
/** The desk's sync service attaches at most this many providers at once for articles no window has open. */
const CONCURRENCY = 32;

interface Result {
  readonly ms: number;
  readonly sent: number;
  readonly messages: number;
  readonly wire: number;
  readonly kinds: string;
}

interface Desk {
  readonly traffic: Traffic;
  readonly socket: HocuspocusProviderWebsocket;
  readonly providers: readonly HocuspocusProvider[];
}

/** The desk's connection, not yet connected: one socket, one attached provider per article. */
function desk(wsUrl: string, token: string, docs: ReadonlyMap<string, Y.Doc>): Desk {
  const traffic = new Traffic();
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: traffic.WebSocket, autoConnect: false });
  const providers = [...docs].map(([name, document]) => {
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token });
    provider.attach();
    return provider;
  });
  return { traffic, socket, providers };
}

const allAcknowledged = (d: Desk): boolean => d.providers.every((p) => p.isSynced && p.unsyncedChanges === 0);

/** Connects and waits until every provider is synced and has every update it sent acknowledged. */
async function connectAndSettle(d: Desk, what: string): Promise<Result> {
  const before = d.traffic.snapshot();
  const t0 = process.hrtime.bigint();
  void d.socket.connect();
  await until(() => allAcknowledged(d), what, WAIT_MS);
  const took = ms(t0);
  const after = d.traffic.snapshot();
  return { ms: took, sent: after.sent - before.sent, messages: after.messages - before.messages, wire: after.wire - before.wire, kinds: d.traffic.describeKinds() };
}

function checkServerHas(server: NewsroomServer, name: string, doc: Y.Doc): void {
  const held = server.hocuspocus.documents.get(name);
  if (!held || bodyText(held) !== bodyText(doc)) throw new Error(`the server's ${name} differs from the desk's`);
}

/**
 * As the desk's sync service does it (src-main/services/sync/service.ts): a fresh socket, a
 * provider for each article with changes, at most `CONCURRENCY` at once, each let go once the
 * server has acknowledged everything.
 */
async function pump(server: NewsroomServer, wsUrl: string, token: string, docs: ReadonlyMap<string, Y.Doc>): Promise<Result> {
  const traffic = new Traffic();
  const t0 = process.hrtime.bigint();
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: traffic.WebSocket });
  const queue = [...docs];
  let active = 0;
  let failure: Error | null = null;
  await new Promise<void>((resolve) => {
    const next = (): void => {
      if (failure || (queue.length === 0 && active === 0)) return resolve();
      while (active < CONCURRENCY && queue.length > 0) {
        const [name, document] = queue.shift()!;
        active++;
        const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token });
        let done = false;
        const check = (): void => {
          if (done || !provider.isSynced || provider.unsyncedChanges !== 0) return;
          done = true;
          try {
            checkServerHas(server, name, document);
          } catch (err) {
            failure = err as Error;
          }
          setImmediate(() => {
            provider.destroy();
            active--;
            next();
          });
        };
        provider.on('synced', check);
        provider.on('unsyncedChanges', check);
        provider.attach();
      }
    };
    next();
  });
  const took = ms(t0);
  socket.destroy();
  if (failure) throw failure;
  return { ms: took, ...traffic.snapshot(), kinds: traffic.describeKinds() };
}

const total = (docs: ReadonlyMap<string, Y.Doc>): number => [...docs.values()].reduce((n, doc) => n + Y.encodeStateAsUpdate(doc).length, 0);

export async function syncReconnect(): Promise<void> {
  const load = os.loadavg()[0]!.toFixed(1);
  const dir = await tmp();
  // A thousand new articles from one account in a minute: more than an account may create in an hour (access.ts).
  const server = await startServer({ dataDir: dir, port: 0, adminPassword: ADMIN_PASSWORD, log: () => undefined, limits: { articlesPerHour: 100_000 } });
  const wsUrl = wsUrlOf(server.url);
  const token = await userToken(server.url, await login(server.url, 'admin', ADMIN_PASSWORD), 'thư ký tòa soạn', 'editor');
  const unloaded = () => until(() => server.hocuspocus.getConnectionsCount() === 0 && server.hocuspocus.documents.size === 0, 'the server to unload every article', WAIT_MS);

  const rand = seededRandom(20261128);
  const word = wordSource(rand);
  const docs = new Map<string, Y.Doc>();
  let words = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const id = `bai-${String(i).padStart(4, '0')}-${Math.floor(rand() * 36 ** 6).toString(36)}`;
    const text = articleText(rand, word, 250 + Math.floor(rand() * 350));
    words += text.paragraphs.reduce((n, p) => n + p.split(' ').length, 0);
    docs.set(id, articleDoc(id, text));
  }
  const typeOneWordEach = (): void => {
    for (const doc of docs.values()) insertWord(doc, rand, word());
  };

  // Every article on the server, its provider kept attached; the desk goes offline and the server unloads them all.
  const d = desk(wsUrl, token, docs);
  const upload = await connectAndSettle(d, 'the first upload');
  d.socket.disconnect();
  await unloaded();

  // 1. Providers kept attached while offline: one word typed in each article, then the socket reconnects.
  typeOneWordEach();
  d.traffic.kinds.clear();
  const attached = await connectAndSettle(d, 'the reconnection');
  for (const [name, doc] of docs) checkServerHas(server, name, doc);
  for (const p of d.providers) p.destroy();
  d.socket.destroy();
  await unloaded();

  // 2. As the desk does: offline with no provider, one more word in each article, then a provider per changed article.
  const before = total(docs);
  typeOneWordEach();
  const full = total(docs);
  const service = await pump(server, wsUrl, token, docs);
  await unloaded();

  // Baseline: the same edited documents under ids the server has never seen, through the same pump.
  const fresh = new Map<string, Y.Doc>();
  for (const [id, doc] of docs) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    fresh.set(`${id}-full`, copy);
  }
  const baseline = await pump(server, wsUrl, token, fresh);

  await server.close();
  await fs.rm(dir, { recursive: true, force: true });

  const row = (name: string, r: Result) => `  ${name.padEnd(44)} ${kib(r.sent).padStart(10)} ${kib(r.wire).padStart(10)} ${int(r.messages).padStart(9)} ${`${int(r.ms)} ms`.padStart(9)}`;
  console.log(
    `sync: reconnect after ${int(ARTICLES)} articles changed offline by one word each (one socket; ~${int(words / ARTICLES)} body words, full state ${kib(full / ARTICLES)} an article, ${kib(full)} in all; server in this process; load average at the start ${load})`,
  );
  console.log(`  ${''.padEnd(44)} ${'payload'.padStart(10)} ${'on TCP'.padStart(10)} ${'messages'.padStart(9)} ${'time'.padStart(9)}`);
  console.log(row(`as the desk: a provider per changed article, ${CONCURRENCY} at once`, service));
  console.log(row('baseline: full states (new ids), same way', baseline));
  console.log(row('providers kept attached while offline', attached));
  console.log(row('  its baseline: the first upload (full states)', upload));
  console.log(`  ratio to the baseline, as the desk: bytes ${(service.sent / baseline.sent).toFixed(3)}× (TCP ${(service.wire / baseline.wire).toFixed(3)}×), time ${(service.ms / baseline.ms).toFixed(2)}×; kept attached: bytes ${(attached.sent / upload.sent).toFixed(3)}×, time ${(attached.ms / upload.ms).toFixed(2)}×`);
  console.log(
    `  per changed article, as the desk: ${int(service.sent / ARTICLES)} B payload, ${int(service.wire / ARTICLES)} B on TCP (kept attached: ${int(attached.sent / ARTICLES)} B, ${int(attached.wire / ARTICLES)} B); full state ${int(full / ARTICLES)} B, which the edit grew by ${int((full - before) / ARTICLES)} B`,
  );
  console.log(`  messages, as the desk: ${service.kinds}`);
  console.log(`  messages, kept attached: ${attached.kinds}`);
}
