/**
 * Fifty desks editing one article through one newsroom server: how long each edit takes to
 * reach every other desk (p50/p95/p99/max), against a plain `ws` relay that forwards each
 * message to the 49 others, carrying the same messages (same clients, same schedule, same
 * sizes) in the same run.
 *
 * Where things run (two cores): the server is a child process (`src-server/main.ts`, as
 * `npm run server` runs it) and the relay is one too, so the server's work has a core of its
 * own; the 50 clients (each its own socket and provider) share this process, so a send time and
 * a delivery time are read on one clock. The cost is that the clients' own work (50 Yjs
 * documents applying every edit) queues on one event loop: the figures are an upper bound of
 * what 50 machines would see, and the table says how busy this loop and the server were.
 *
 * Each desk types a word into a random paragraph every 200–500 ms (seeded jitter) for 20 s.
 * An edit is delivered to a desk when that desk's document has integrated it: its clock for
 * the sender reaches the clock the edit ended at (read from each update's metadata, so the
 * text stays an ordinary article).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { body } from '../src-shared/article-doc';
import { exited, Lines, spawnTs } from '../test/support/child';
import { seededRandom } from '../test/support/seeded';
import { ADMIN_PASSWORD, login, spawnServer, until, wsUrlOf } from '../test/support/server';
import { articleDoc, articleText, insertWord, int, pct, tmp, Traffic, userToken, wordSource } from './sync-support';

const DESKS = 50;
const EDIT_MS = Number(process.env.BENCH_SYNC_EDIT_MS) || 20_000;
const DRAIN_MS = 15_000;
const ARTICLE = 'bai-chung-toa-soan-0001';

/** When each desk edits (ms from the start): every 200–500 ms, seeded per desk. */
function schedules(): number[][] {
  return Array.from({ length: DESKS }, (_, i) => {
    const rand = seededRandom(7000 + i);
    const times: number[] = [];
    for (let t = rand() * 500; t < EDIT_MS; t += 200 + rand() * 300) times.push(t);
    return times;
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

interface Run {
  readonly delays: number[];
  readonly expected: number;
  readonly edits: number;
  readonly spanMs: number;
  /** This process's event-loop utilisation while the desks edited (0–1). */
  readonly clientLoop: number;
  /** The server's (or relay's) CPU while the desks edited, as a share of one core. */
  readonly serverCpu: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs each desk's schedule: `edit(desk, k)` at its times, from one shared start. */
async function play(plan: readonly (readonly number[])[], edit: (desk: number, k: number) => void): Promise<void> {
  const start = performance.now();
  await Promise.all(
    plan.map(async (times, desk) => {
      for (const [k, t] of times.entries()) {
        const wait = start + t - performance.now();
        if (wait > 0) await sleep(wait);
        edit(desk, k);
      }
    }),
  );
}

/** Measures the span from the first edit until every delivery arrived (or the drain timed out). */
async function measure(pid: number, expected: () => number, delivered: () => number, run: () => Promise<void>): Promise<Omit<Run, 'delays' | 'edits'>> {
  const loop0 = performance.eventLoopUtilization();
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await run();
  const editEnd = performance.now();
  const loop = performance.eventLoopUtilization(loop0).utilization;
  const cpu = (cpuSeconds(pid) - cpu0) / ((editEnd - t0) / 1000);
  await until(() => delivered() >= expected(), 'every delivery', DRAIN_MS).catch(() => undefined);
  return { expected: expected(), spanMs: performance.now() - t0, clientLoop: loop, serverCpu: cpu };
}

/** The newsroom server in a child process, 50 editors each with a desk (socket + provider) in the article. */
async function throughServer(plan: readonly (readonly number[])[]): Promise<{ run: Run; sizes: number[][]; docBytes: number }> {
  const dir = await tmp();
  const child = await spawnServer(dir, { BANTIN_ADMIN_PASSWORD: ADMIN_PASSWORD });
  const desks: Array<{ traffic: Traffic; socket: HocuspocusProviderWebsocket; provider: HocuspocusProvider }> = [];
  try {
    const admin = await login(child.url, 'admin', ADMIN_PASSWORD);
    const tokens = await Promise.all(Array.from({ length: DESKS }, (_, i) => userToken(child.url, admin, `biên tập ${i + 1}`, 'editor')));
    const rand = seededRandom(20261128);
    const word = wordSource(rand);
    const open = (i: number, document: Y.Doc): void => {
      const traffic = new Traffic();
      const socket = new HocuspocusProviderWebsocket({ url: wsUrlOf(child.url), WebSocketPolyfill: traffic.WebSocket });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: ARTICLE, document, token: tokens[i]! });
      provider.attach();
      provider.awareness!.setLocalStateField('user', { name: `Biên tập ${i + 1}`, color: '#2471a3' });
      desks.push({ traffic, socket, provider });
    };
    // The first desk brings the article (~420 words); the 49 others open it.
    open(0, articleDoc(ARTICLE, articleText(rand, word, 420)));
    await until(() => desks[0]!.provider.isSynced && desks[0]!.provider.unsyncedChanges === 0, 'the article on the server', 30_000);
    for (let i = 1; i < DESKS; i++) open(i, new Y.Doc());
    await until(() => desks.every((d) => d.provider.isSynced && d.provider.unsyncedChanges === 0 && body(d.provider.document).length > 0), 'every desk in the article', 60_000);
    await sleep(1000); // presence settles

    const owner = new Map(desks.map((d, i) => [d.provider.document.clientID, i]));
    const sent: Array<Array<{ end: number; t0: number }>> = desks.map(() => []);
    const next = desks.map(() => new Array<number>(DESKS).fill(0));
    const delays: number[] = [];
    for (const [r, d] of desks.entries()) {
      d.provider.document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== d.provider) return;
        const now = performance.now();
        for (const [client, clock] of Y.parseUpdateMeta(update).to) {
          const s = owner.get(client);
          if (s === undefined || s === r) continue;
          const edits = sent[s]!;
          let k = next[r]![s]!;
          while (k < edits.length && edits[k]!.end <= clock) delays.push(now - edits[k++]!.t0);
          next[r]![s] = k;
        }
      });
    }
    const sizes: number[][] = desks.map(() => []);
    const words = desks.map((_, i) => ({ rand: seededRandom(9000 + i), word: wordSource(seededRandom(9100 + i)) }));
    const measured = await measure(
      child.child.pid!,
      () => sent.reduce((n, e) => n + e.length, 0) * (DESKS - 1),
      () => delays.length,
      () =>
        play(plan, (i) => {
          const doc = desks[i]!.provider.document;
          const t0 = performance.now();
          insertWord(doc, words[i]!.rand, words[i]!.word());
          sent[i]!.push({ end: Y.getState(doc.store, doc.clientID), t0 });
          sizes[i]!.push(desks[i]!.traffic.lastSent);
        }),
    );
    const docBytes = Y.encodeStateAsUpdate(desks[0]!.provider.document).length;
    return { run: { ...measured, delays, edits: sent.reduce((n, e) => n + e.length, 0) }, sizes, docBytes };
  } finally {
    for (const d of desks) {
      d.provider.destroy();
      d.socket.destroy();
    }
    await child.kill('SIGTERM');
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The baseline: a `ws` relay in a child process; the same desks send the same-sized messages on the same schedule. */
async function throughRelay(plan: readonly (readonly number[])[], sizes: readonly (readonly number[])[]): Promise<Run> {
  const relay = spawnTs('bench/sync-fanout.ts', ['relay']);
  const sockets: WebSocket[] = [];
  try {
    const line = await new Lines(relay).next((l) => l.startsWith('relay listening on '));
    const url = line.slice('relay listening on '.length).trim();
    const sent: number[][] = plan.map(() => []);
    const delays: number[] = [];
    for (let i = 0; i < DESKS; i++) {
      const ws = new WebSocket(url);
      ws.binaryType = 'nodebuffer';
      ws.on('message', (data: Buffer) => {
        const now = performance.now();
        delays.push(now - sent[data.readUInt16LE(0)]![data.readUInt32LE(2)]!);
      });
      sockets.push(ws);
    }
    await until(() => sockets.every((s) => s.readyState === WebSocket.OPEN), 'the relay clients', 30_000);
    const measured = await measure(
      relay.pid!,
      () => sent.reduce((n, e) => n + e.length, 0) * (DESKS - 1),
      () => delays.length,
      () =>
        play(plan, (i, k) => {
          const message = Buffer.alloc(Math.max(6, sizes[i]![k] ?? 60), 0x61);
          message.writeUInt16LE(i, 0);
          message.writeUInt32LE(k, 2);
          sent[i]!.push(performance.now());
          sockets[i]!.send(message);
        }),
    );
    return { ...measured, delays, edits: sent.reduce((n, e) => n + e.length, 0) };
  } finally {
    for (const s of sockets) s.terminate();
    relay.kill('SIGTERM');
    await exited(relay);
  }
}

/** The relay child: forwards every message to every other client. */
function runRelay(): void {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      for (const other of wss.clients) if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
    });
  });
  wss.on('listening', () => {
    const address = wss.address();
    if (address === null || typeof address === 'string') throw new Error('relay: unexpected address');
    console.log(`relay listening on ws://127.0.0.1:${address.port}`);
  });
  process.on('SIGTERM', () => wss.close(() => process.exit(0)));
}

export async function syncFanout(): Promise<void> {
  const plan = schedules();
  const server = await throughServer(plan);
  const relay = await throughRelay(plan, server.sizes);
  const allSizes = server.sizes.flat();
  const meanSize = allSizes.reduce((a, b) => a + b, 0) / allSizes.length;

  const row = (name: string, r: Run) =>
    `  ${name.padEnd(22)} ${[0.5, 0.95, 0.99, 1].map((p) => pct(r.delays, p).toFixed(1).padStart(7)).join(' ')} ${int(r.delays.length / (r.spanMs / 1000)).padStart(9)} ${`${int(r.delays.length)}/${int(r.expected)}`.padStart(15)} ${`${(r.clientLoop * 100).toFixed(0)}%`.padStart(7)} ${`${(r.serverCpu * 100).toFixed(0)}%`.padStart(7)}`;
  console.log(`sync: ${DESKS} desks editing one article through one server (a word every 200–500 ms each for ${EDIT_MS / 1000} s: ${int(server.run.edits)} edits, update messages ${meanSize.toFixed(0)} B on average; article state ${(server.docBytes / 1024).toFixed(1)} KiB; server and relay in child processes, the desks in this one)`);
  console.log(`  ${'delivery delay, ms'.padEnd(22)} ${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(7)).join(' ')} ${'deliv/s'.padStart(9)} ${'delivered'.padStart(15)} ${'desks'.padStart(7)} ${'server'.padStart(7)}`);
  console.log(row('newsroom server', server.run));
  console.log(row('baseline: ws relay', relay));
  console.log(`  ratio at p95 ${(pct(server.run.delays, 0.95) / pct(relay.delays, 0.95)).toFixed(2)}× (p50 ${(pct(server.run.delays, 0.5) / pct(relay.delays, 0.5)).toFixed(2)}×); desks = this process's event-loop use, server = its CPU as a share of one core, while the desks edited`);
}

if (process.argv[2] === 'relay' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runRelay();
