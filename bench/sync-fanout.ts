/**
 * Fifty desks editing one article through one newsroom server: how long each edit takes to
 * reach every other desk (p50/p95/p99/max), against a plain `ws` relay that forwards each
 * message to the 49 others, carrying the same messages (same desks, same schedule, same sizes)
 * in the same run.
 *
 * Where things run (two cores). One process cannot play 50 desks at a human rate: each desk's
 * Yjs document integrates every other desk's edits (about 7,000 deliveries a second, some
 * 100–150 µs of CPU each), and on one event loop the desks queue behind each other, so the
 * benchmark would measure itself (a first version did: its desks' loop was 94–100% busy and
 * the delays grew through the run). So the desks are child processes, each desk its own socket
 * and provider: desk 1 alone in one (its loop otherwise idle, as a desk on its own machine),
 * the 49 others shared by two more. The server (`startServer`, as in the other benchmarks) or
 * the relay runs in this process, which does nothing else while the desks edit, so its
 * event-loop use and CPU are the server's. Send and delivery times are read as
 * `performance.timeOrigin + performance.now()` in the desk processes (one machine, one clock).
 * The table says how busy the desks' loops and the server were: on two cores the 49 desks
 * cannot be kept idle, and their backlog shows in the delays.
 *
 * Each desk types a word into a random paragraph every 200–500 ms (seeded jitter) for 20 s.
 * An edit is delivered to a desk when that desk's document has integrated it: its clock for
 * the sender reaches the clock the edit ended at (read from each update's metadata, so the
 * text stays an ordinary article).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { body } from '../src-shared/article-doc';
import { ROOT } from '../test/support/child';
import { seededRandom } from '../test/support/seeded';
import { startServer } from '../src-server/server';
import { ADMIN_PASSWORD, login, until, wsUrlOf } from '../test/support/server';
import { articleDoc, articleText, insertWord, int, pct, tmp, Traffic, userToken, wordSource } from './sync-support';
import { vocabulary, zipf } from './search';

const DESKS = 50;
/**
 * Desk 0 alone in a process (its loop otherwise idle, as a desk on its own machine); the other
 * 49 shared between two processes, which the two cores cannot keep idle.
 */
const GROUPS: ReadonlyArray<readonly number[]> = [[0], ...[1, 2].map((g) => Array.from({ length: DESKS - 1 }, (_, i) => i + 1).filter((i) => i % 2 === g % 2))];
const EDIT_MS = Number(process.env.BENCH_SYNC_EDIT_MS) || 20_000;
const QUIET_MS = 2_000;
const DRAIN_MS = 15_000;
const ARTICLE = 'bai-chung-toa-soan-0001';

/** Milliseconds on the machine's clock, comparable between processes. */
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** When each desk edits (ms from the start): every 200–500 ms, seeded per desk. */
function schedules(): number[][] {
  return Array.from({ length: DESKS }, (_, i) => {
    const rand = seededRandom(7000 + i);
    const times: number[] = [];
    for (let t = rand() * 500; t < EDIT_MS; t += 200 + rand() * 300) times.push(t);
    return times;
  });
}

// ---- What the director and the desk processes tell each other (IPC). ----

type Mode = 'server' | 'relay';
interface OpenCommand {
  readonly type: 'open';
  readonly mode: Mode;
  readonly url: string;
  /** Global desk numbers this process plays, and their tokens (server mode). */
  readonly desks: readonly number[];
  readonly tokens: readonly string[];
}
interface StartCommand {
  readonly type: 'start';
  readonly at: number;
  readonly plan: readonly (readonly number[])[];
  /** Relay mode: each desk's message sizes, those its updates had through the server. */
  readonly sizes: readonly (readonly number[])[];
}
/** An edit: [desk, k, send time, the sender's clock after it (server) or k (relay), message bytes]. */
type Edit = [number, number, number, number, number];
/** A receipt: [receiving desk, sender (Yjs client id, or desk in relay mode), clock or k reached, time]. */
type Receipt = [number, number, number, number];
type DeskReport =
  | { readonly type: 'ready'; readonly clients: ReadonlyArray<[number, number]> }
  | { readonly type: 'done'; readonly edits: readonly Edit[]; readonly receipts: readonly Receipt[]; readonly loop: number; readonly cpu: number; readonly cpuMs: number };

// ---- A desk process: 25 desks, each its own socket and provider (or raw ws in relay mode). ----

interface Player {
  readonly edit: (k: number) => Edit;
  readonly close: () => void;
}

async function openServerDesks(cmd: OpenCommand, receipts: Receipt[]): Promise<{ players: Player[]; clients: Array<[number, number]> }> {
  const vocab = vocabulary(seededRandom(20261128), 4000);
  const players: Player[] = [];
  const clients: Array<[number, number]> = [];
  const providers: HocuspocusProvider[] = [];
  for (const [j, desk] of cmd.desks.entries()) {
    const traffic = new Traffic();
    const socket = new HocuspocusProviderWebsocket({ url: cmd.url, WebSocketPolyfill: traffic.WebSocket });
    const document = new Y.Doc();
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: ARTICLE, document, token: cmd.tokens[j]! });
    provider.attach();
    provider.awareness!.setLocalStateField('user', { name: `Biên tập ${desk + 1}`, color: '#2471a3' });
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) return;
      const t = clock();
      for (const [client, reached] of Y.parseUpdateMeta(update).to) receipts.push([desk, client, reached, t]);
    });
    const rand = seededRandom(9000 + desk);
    const word = zipf(seededRandom(9100 + desk), vocab);
    providers.push(provider);
    clients.push([desk, document.clientID]);
    players.push({
      edit: (k) => {
        const t0 = clock();
        insertWord(document, rand, word());
        return [desk, k, t0, Y.getState(document.store, document.clientID), traffic.lastSent];
      },
      close: () => {
        provider.destroy();
        socket.destroy();
      },
    });
  }
  await until(() => providers.every((p) => p.isSynced && p.unsyncedChanges === 0 && body(p.document).length > 0), 'every desk in the article', 60_000);
  return { players, clients };
}

async function openRelayDesks(cmd: OpenCommand, receipts: Receipt[], sizes: () => StartCommand['sizes']): Promise<Player[]> {
  const players: Player[] = [];
  const sockets: WebSocket[] = [];
  for (const desk of cmd.desks) {
    const ws = new WebSocket(cmd.url);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => receipts.push([desk, data.readUInt16LE(0), data.readUInt32LE(2), clock()]));
    sockets.push(ws);
    players.push({
      edit: (k) => {
        const size = Math.max(6, sizes()[desk]?.[k] ?? 60);
        const message = Buffer.alloc(size, 0x61);
        message.writeUInt16LE(desk, 0);
        message.writeUInt32LE(k, 2);
        const t0 = clock();
        ws.send(message);
        return [desk, k, t0, k, size];
      },
      close: () => ws.terminate(),
    });
  }
  await until(() => sockets.every((s) => s.readyState === WebSocket.OPEN), 'the relay clients', 30_000);
  return players;
}

function runDesks(): void {
  const send = (report: DeskReport): void => void process.send!(report);
  const receipts: Receipt[] = [];
  let desks: readonly number[] = [];
  let players: Player[] = [];
  let sizes: StartCommand['sizes'] = [];
  const open = async (cmd: OpenCommand): Promise<void> => {
    desks = cmd.desks;
    if (cmd.mode === 'server') {
      const opened = await openServerDesks(cmd, receipts);
      players = opened.players;
      send({ type: 'ready', clients: opened.clients });
    } else {
      players = await openRelayDesks(cmd, receipts, () => sizes);
      send({ type: 'ready', clients: [] });
    }
  };
  const start = async (cmd: StartCommand): Promise<void> => {
    sizes = cmd.sizes;
    await sleep(Math.max(0, cmd.at - clock()));
    receipts.length = 0; // presence and joining before the start are not edits
    const loop0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const t0 = clock();
    const edits: Edit[] = [];
    await Promise.all(
      players.map(async (player, j) => {
        for (const [k, t] of cmd.plan[desks[j]!]!.entries()) {
          const wait = cmd.at + t - clock();
          if (wait > 0) await sleep(wait);
          edits.push(player.edit(k));
        }
      }),
    );
    const windowMs = clock() - t0;
    const loop = performance.eventLoopUtilization(loop0).utilization;
    const cpu = process.cpuUsage(cpu0);
    // Then the other desks' last edits arrive: wait until nothing has come for a while.
    const drainEnd = clock() + DRAIN_MS;
    for (let seen = -1; seen !== receipts.length && clock() < drainEnd; ) {
      seen = receipts.length;
      await sleep(QUIET_MS);
    }
    const all = process.cpuUsage(cpu0);
    send({ type: 'done', edits, receipts, loop, cpu: (cpu.user + cpu.system) / 1000 / windowMs, cpuMs: (all.user + all.system) / 1000 });
    for (const p of players) p.close();
  };
  process.on('message', (cmd: OpenCommand | StartCommand) => {
    (cmd.type === 'open' ? open(cmd) : start(cmd)).catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

// ---- The relay: forwards every message to every other client. ----

async function startRelay(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      for (const other of wss.clients) if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
    });
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('relay: unexpected address');
  return { url: `ws://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => wss.close(() => resolve())) };
}

// ---- The director (this process). ----

function child(role: 'desks'): ChildProcess {
  // BENCH_CPU_PROFILE=<dir> writes a CPU profile of each desk process there.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  return spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/sync-fanout.ts', role], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage<T>(proc: ChildProcess, type: string, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from a child in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`a child exited (${code}) before its ${type}`));
    };
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

interface Run {
  readonly delays: number[];
  /** Delays of the deliveries to desk 0, the desk alone in its process. */
  readonly alone: number[];
  readonly expected: number;
  readonly edits: number;
  readonly deliveriesPerSecond: number;
  /** The desk processes' event-loop utilisation while they edited (the busier one), 0–1. */
  readonly deskLoop: number;
  /** The desk processes' CPU while they edited, in cores (both together). */
  readonly deskCpu: number;
  /** The server's (or relay's) CPU while the desks edited, in cores, and its event-loop use (0–1). */
  readonly serverCpu: number;
  readonly serverLoop: number;
  /** CPU per delivery in the desk processes, and per edit in the server, from the start until every delivery arrived (µs). */
  readonly deskCpuPerDelivery: number;
  readonly serverCpuPerEdit: number;
  readonly sizes: number[][];
  /** The edit window, in Date.now() milliseconds. */
  readonly window: readonly [number, number];
}

/** Calls of an async storage method: when each ended (Date.now()) and how long it took (ms). */
type Calls = Array<[number, number]>;
function timed<A extends unknown[], R>(fn: (...args: A) => Promise<R>, into: Calls): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    const t0 = performance.now();
    try {
      return await fn(...args);
    } finally {
      into.push([Date.now(), performance.now() - t0]);
    }
  };
}

/** Opens the desks in two processes against `url`, plays the plan, and matches every edit with its receipts. */
async function play(mode: Mode, url: string, tokens: readonly string[], plan: readonly (readonly number[])[], sizes: readonly (readonly number[])[]): Promise<Run> {
  const procs = GROUPS.map(() => child('desks'));
  try {
    const groups = GROUPS;
    const ready = procs.map((proc) => nextMessage<Extract<DeskReport, { type: 'ready' }>>(proc, 'ready'));
    procs.forEach((proc, p) => proc.send({ type: 'open', mode, url, desks: groups[p]!, tokens: groups[p]!.map((i) => tokens[i] ?? '') } satisfies OpenCommand));
    const owner = new Map<number, number>();
    for (const r of await Promise.all(ready)) for (const [desk, client] of r.clients) owner.set(client, desk);
    await sleep(1000); // presence settles

    const done = procs.map((proc) => nextMessage<Extract<DeskReport, { type: 'done' }>>(proc, 'done', EDIT_MS + DRAIN_MS + 60_000));
    const at = Date.now() + 1000;
    // The server (or relay) is all this process does while the desks edit.
    const cpu0 = process.cpuUsage();
    const loop0 = performance.eventLoopUtilization();
    procs.forEach((proc) => proc.send({ type: 'start', at, plan, sizes } satisfies StartCommand));
    await sleep(at + EDIT_MS - Date.now());
    const windowCpu = process.cpuUsage(cpu0);
    const serverCpu = (windowCpu.user + windowCpu.system) / 1000 / (Date.now() - at);
    const serverLoop = performance.eventLoopUtilization(loop0).utilization;
    const reports = await Promise.all(done);
    const allCpu = process.cpuUsage(cpu0);
    const serverCpuAll = (allCpu.user + allCpu.system) / 1e6;

    // Each desk's edits in order, and for every receiver the first time each sender's clock reached them.
    const edits = new Map<number, Edit[]>();
    for (const e of reports.flatMap((r) => r.edits)) edits.set(e[0], [...(edits.get(e[0]) ?? []), e]);
    for (const list of edits.values()) list.sort((a, b) => a[1] - b[1]);
    const delays: number[] = [];
    const alone: number[] = [];
    let last = 0;
    const receipts = reports.flatMap((r) => r.receipts).sort((a, b) => a[3] - b[3]);
    const next = new Map<string, number>();
    for (const [receiver, sender, reached, t] of receipts) {
      const desk = mode === 'server' ? owner.get(sender) : sender;
      if (desk === undefined || desk === receiver) continue;
      const list = edits.get(desk) ?? [];
      const key = `${receiver}:${desk}`;
      let k = next.get(key) ?? 0;
      // Server mode: `reached` is the clock the receiver now has (every edit ending at or below it
      // has arrived). Relay mode: it is the one message's number.
      while (k < list.length && (mode === 'server' ? list[k]![3] <= reached : list[k]![1] <= reached)) {
        delays.push(t - list[k]![2]);
        if (receiver === 0) alone.push(t - list[k]![2]);
        last = Math.max(last, t);
        k++;
      }
      next.set(key, k);
    }
    const editCount = [...edits.values()].reduce((n, l) => n + l.length, 0);
    const first = Math.min(...[...edits.values()].map((l) => l[0]?.[2] ?? Infinity));
    const sizesOut = Array.from({ length: DESKS }, (_, d) => (edits.get(d) ?? []).map((e) => e[4]));
    return {
      delays,
      alone,
      expected: editCount * (DESKS - 1),
      edits: editCount,
      deliveriesPerSecond: delays.length / ((last - first) / 1000),
      deskLoop: Math.max(...reports.slice(1).map((r) => r.loop)),
      deskCpu: reports.reduce((n, r) => n + r.cpu, 0),
      serverCpu,
      serverLoop,
      deskCpuPerDelivery: (reports.reduce((n, r) => n + r.cpuMs, 0) * 1000) / delays.length,
      serverCpuPerEdit: (serverCpuAll * 1e6) / editCount,
      sizes: sizesOut,
      window: [at, at + EDIT_MS],
    };
  } finally {
    for (const proc of procs) proc.kill('SIGTERM');
  }
}

async function throughServer(plan: readonly (readonly number[])[]): Promise<Run & { docBytes: number; commits: Calls; compactions: Calls }> {
  const dir = await tmp();
  const server = await startServer({ dataDir: dir, port: 0, adminPassword: ADMIN_PASSWORD, log: () => undefined });
  // Watched, not changed: how long the server's event loop spends in each durable commit (SQLite is synchronous).
  const commits: Calls = [];
  const compactions: Calls = [];
  const storage = server.storage;
  storage.appendUpdate = timed(storage.appendUpdate.bind(storage), commits);
  storage.compact = timed(storage.compact.bind(storage), compactions);
  try {
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const tokens = await Promise.all(Array.from({ length: DESKS }, (_, i) => userToken(server.url, admin, `biên tập ${i + 1}`, 'editor')));
    // The article (~420 words) is on the server before the desks open it, as one writer left it.
    const socket = new HocuspocusProviderWebsocket({ url: wsUrlOf(server.url), WebSocketPolyfill: WebSocket });
    const rand = seededRandom(20261128);
    const writer = new HocuspocusProvider({ websocketProvider: socket, name: ARTICLE, document: articleDoc(ARTICLE, articleText(rand, wordSource(rand), 420)), token: tokens[0]! });
    writer.attach();
    await until(() => writer.isSynced && writer.unsyncedChanges === 0, 'the article on the server', 30_000);
    writer.destroy();
    socket.destroy();

    const run = await play('server', wsUrlOf(server.url), tokens, plan, []);
    const reader = new HocuspocusProviderWebsocket({ url: wsUrlOf(server.url), WebSocketPolyfill: WebSocket });
    const copy = new HocuspocusProvider({ websocketProvider: reader, name: ARTICLE, token: tokens[0]! });
    copy.attach();
    await until(() => copy.isSynced, 'the article read back', 30_000);
    const docBytes = Y.encodeStateAsUpdate(copy.document).length;
    copy.destroy();
    reader.destroy();
    return { ...run, docBytes, commits, compactions };
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function throughRelay(plan: readonly (readonly number[])[], sizes: readonly (readonly number[])[]): Promise<Run> {
  const relay = await startRelay();
  try {
    return await play('relay', relay.url, [], plan, sizes);
  } finally {
    await relay.close();
  }
}

export async function syncFanout(): Promise<void> {
  const load = os.loadavg()[0]!.toFixed(1);
  const plan = schedules();
  const server = await throughServer(plan);
  const relay = await throughRelay(plan, server.sizes);
  const allSizes = server.sizes.flat();
  const meanSize = allSizes.reduce((a, b) => a + b, 0) / allSizes.length;

  const cols = (cells: readonly string[], widths: readonly number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  const widths = [26, 7, 7, 7, 7, 8, 16, 11, 11];
  const quantiles = (delays: readonly number[]) => [0.5, 0.95, 0.99, 1].map((p) => pct(delays, p).toFixed(1));
  const rows = (name: string, r: Run) => [
    cols([name, ...quantiles(r.delays), int(r.deliveriesPerSecond), `${int(r.delays.length)}/${int(r.expected)}`, `${(r.deskLoop * 100).toFixed(0)}% ${r.deskCpu.toFixed(2)}`, `${(r.serverLoop * 100).toFixed(0)}% ${r.serverCpu.toFixed(2)}`], widths),
    cols(['  to desk 1, alone', ...quantiles(r.alone), '', int(r.alone.length), '', ''], widths),
  ];
  const ratio = (p: number) => (pct(server.delays, p) / pct(relay.delays, p)).toFixed(1);
  const ratioAlone = (p: number) => (pct(server.alone, p) / pct(relay.alone, p)).toFixed(1);
  console.log(
    `sync: ${DESKS} desks editing one article through one server (a word every 200–500 ms each for ${EDIT_MS / 1000} s: ${int(server.edits)} edits, update messages ${meanSize.toFixed(0)} B on average, article state at the end ${(server.docBytes / 1024).toFixed(1)} KiB; server or relay in this process and nothing else, desk 1 alone in a child process, the 49 others in two more; load average at the start ${load})`,
  );
  console.log(`  ${cols(['delivery delay, ms', 'p50', 'p95', 'p99', 'max', 'deliv/s', 'delivered', 'desks', 'server'], widths)}`);
  for (const line of [...rows('newsroom server', server), ...rows('baseline: ws relay', relay)]) console.log(`  ${line}`);
  console.log(`  ratio to the relay: p95 ${ratio(0.95)}×, p50 ${ratio(0.5)}× (to desk 1 alone: p95 ${ratioAlone(0.95)}×, p50 ${ratioAlone(0.5)}×)`);
  const [from, to] = server.window;
  const inWindow = (calls: Calls) => calls.filter(([end]) => end >= from && end <= to).map(([, took]) => took);
  const commits = inWindow(server.commits);
  const compactions = inWindow(server.compactions);
  const blocked = [...commits, ...compactions].reduce((a, b) => a + b, 0) / (to - from);
  console.log(
    `  the server's storage while the desks edited: ${int(commits.length)} update commits, p50 ${pct(commits, 0.5).toFixed(2)} ms, p95 ${pct(commits, 0.95).toFixed(2)} ms, max ${pct(commits, 1).toFixed(1)} ms; ${compactions.length} compactions, max ${pct(compactions, 1).toFixed(1)} ms; ${(blocked * 100).toFixed(0)}% of the window spent in them`,
  );
  console.log(
    `  desks = the busier process of 24–25 desks: event-loop use, and the desks' CPU in cores; server = the same for the server or relay; both while the desks edited. CPU: ${int(server.deskCpuPerDelivery)} µs a delivery in the desks (relay clients ${int(relay.deskCpuPerDelivery)} µs), ${int(server.serverCpuPerEdit)} µs an edit in the server (relay ${int(relay.serverCpuPerEdit)} µs a message)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === 'desks') runDesks();
}
