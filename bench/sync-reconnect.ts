/**
 * Reconnecting after 1,000 articles were each changed offline by one word: what the desk sends
 * and how long until the server has acknowledged everything, against sending every article's
 * full state through the same kind of connection, in the same run.
 *
 * The client is the desk's: one `HocuspocusProviderWebsocket` (one socket) with one
 * `HocuspocusProvider` per article, named by the article's id, with the login token. The
 * server is the newsroom server started in this process on 127.0.0.1 with a temporary data
 * folder, so the times include both sides' work on one event loop. Bytes are counted at the
 * client's WebSocket: message payloads as handed to `send`, and TCP bytes written (the HTTP
 * upgrade and WebSocket framing included).
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
async function connectAndSettle(d: Desk, what: string): Promise<{ ms: number; sent: number; messages: number; wire: number }> {
  const before = d.traffic.snapshot();
  const t0 = process.hrtime.bigint();
  void d.socket.connect();
  await until(() => allAcknowledged(d), what, WAIT_MS);
  const took = ms(t0);
  const after = d.traffic.snapshot();
  return { ms: took, sent: after.sent - before.sent, messages: after.messages - before.messages, wire: after.wire - before.wire };
}

function checkServerHas(server: NewsroomServer, docs: ReadonlyMap<string, Y.Doc>): void {
  for (const [name, doc] of docs) {
    const held = server.hocuspocus.documents.get(name);
    if (!held || bodyText(held) !== bodyText(doc)) throw new Error(`the server's ${name} differs from the desk's`);
  }
}

export async function syncReconnect(): Promise<void> {
  const load = os.loadavg()[0]!.toFixed(1);
  const dir = await tmp();
  const server = await startServer({ dataDir: dir, port: 0, adminPassword: ADMIN_PASSWORD, log: () => undefined });
  const wsUrl = wsUrlOf(server.url);
  const token = await userToken(server.url, await login(server.url, 'admin', ADMIN_PASSWORD), 'thư ký tòa soạn', 'editor');

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

  // Every article on the server, then the desk goes offline and the server unloads them all.
  const d = desk(wsUrl, token, docs);
  const upload = await connectAndSettle(d, 'the first upload');
  d.socket.disconnect();
  await until(() => server.hocuspocus.getConnectionsCount() === 0 && server.hocuspocus.documents.size === 0, 'the server to unload every article', WAIT_MS);

  // One word typed offline in each article.
  const before = [...docs.values()].map((doc) => Y.encodeStateAsUpdate(doc).length).reduce((a, b) => a + b, 0);
  for (const doc of docs.values()) insertWord(doc, rand, word());
  const full = [...docs.values()].map((doc) => Y.encodeStateAsUpdate(doc).length).reduce((a, b) => a + b, 0);

  d.traffic.kinds.clear();
  const reconnect = await connectAndSettle(d, 'the reconnection');
  const kinds = d.traffic.describeKinds();
  checkServerHas(server, docs);
  for (const p of d.providers) p.destroy();
  d.socket.destroy();

  // Baseline: the same edited documents under ids the server has never seen.
  const fresh = new Map<string, Y.Doc>();
  for (const [id, doc] of docs) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    fresh.set(`${id}-full`, copy);
  }
  const b = desk(wsUrl, token, fresh);
  const baseline = await connectAndSettle(b, 'the baseline upload');
  checkServerHas(server, fresh);
  for (const p of b.providers) p.destroy();
  b.socket.destroy();

  await server.close();
  await fs.rm(dir, { recursive: true, force: true });

  const row = (name: string, r: typeof reconnect) => `  ${name.padEnd(34)} ${kib(r.sent).padStart(10)} ${kib(r.wire).padStart(10)} ${int(r.messages).padStart(9)} ${`${int(r.ms)} ms`.padStart(9)}`;
  console.log(`sync: reconnect after ${int(ARTICLES)} articles changed offline by one word each (one socket, a provider per article; ~${int(words / ARTICLES)} body words, full state ${kib(full / ARTICLES)} an article, ${kib(full)} in all; server in this process; load average at the start ${load})`);
  console.log(`  ${''.padEnd(34)} ${'payload'.padStart(10)} ${'on TCP'.padStart(10)} ${'messages'.padStart(9)} ${'time'.padStart(9)}`);
  console.log(row('reconnect, 1,000 one-word edits', reconnect));
  console.log(row('baseline: full states, new ids', baseline));
  console.log(row('(first upload, before the edits)', upload));
  console.log(`  ratio reconnect/baseline: bytes ${(reconnect.sent / baseline.sent).toFixed(3)}× (TCP ${(reconnect.wire / baseline.wire).toFixed(3)}×), time ${(reconnect.ms / baseline.ms).toFixed(2)}×`);
  console.log(`  per changed article: ${int(reconnect.sent / ARTICLES)} B payload, ${int(reconnect.wire / ARTICLES)} B on TCP (full state ${int(full / ARTICLES)} B; the edit grew it by ${int((full - before) / ARTICLES)} B)`);
  console.log(`  reconnect messages by kind: ${kinds}`);
}
