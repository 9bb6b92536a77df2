/**
 * Desks editing articles through one newsroom server — fifty on one article, and two hundred
 * on twenty (ten each) — how long each edit takes to reach every other desk in its article
 * (p50/p95/p99/max, and whether the delay grows through the run), against a plain `ws` relay
 * that forwards each message to the other desks of its article, in the same run: once carrying
 * the same desks (a provider and a Yjs document each, the same schedule), once carrying byte
 * clients that send and count messages of the same sizes. All run beside a fixed background
 * load the benchmark starts itself: one core kept busy by a spinning process (a newsroom
 * server is rarely alone on its machine; `BENCH_SYNC_BACKGROUND=0` leaves it out).
 * `npm run bench -- sync-ceiling` raises the number of desks (twenty articles) until the
 * server's p95 passes 250 ms: the ceiling of one instance on this machine.
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
 * Each desk types a word into a random paragraph every 200–500 ms (seeded jitter) for 20 s,
 * after 3 s of the same, unmeasured (WARM_MS).
 * An edit is delivered to a desk when that desk's document has integrated it: its clock for
 * the sender reaches the clock the edit ended at (read from each update's metadata, so the
 * text stays an ordinary article).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { body } from '../src-shared/article-doc';
import { ROOT } from '../test/support/child';
import { seededRandom } from '../test/support/seeded';
import { sendOwnPresenceOnly } from '../src-main/services/sync/own-presence';
import { startServer } from '../src-server/server';
import { ADMIN_PASSWORD, login, until, wsUrlOf } from '../test/support/server';
import { articleDoc, articleText, insertWord, int, pct, tmp, Traffic, userToken, wordSource } from './sync-support';
import { vocabulary, zipf } from './search';

/** How many desks, on how many articles (desk d edits article d mod articles). */
export interface Scenario {
  readonly desks: number;
  readonly articles: number;
}
export const SCENARIOS: Readonly<Record<string, Scenario>> = { '50x1': { desks: 50, articles: 1 }, '200x20': { desks: 200, articles: 20 } };
/**
 * Desk 0 alone in a process (its loop otherwise idle, as a desk on its own machine); the others
 * shared between two processes, which the two cores cannot keep idle.
 */
const groupsOf = (desks: number): ReadonlyArray<readonly number[]> => [[0], ...[1, 2].map((g) => Array.from({ length: desks - 1 }, (_, i) => i + 1).filter((i) => i % 2 === g % 2))];
const EDIT_MS = Number(process.env.BENCH_SYNC_EDIT_MS) || 20_000;
const QUIET_MS = 2_000;
const DRAIN_MS = 15_000;
const articleOf = (desk: number, sc: Scenario): string => `bai-chung-toa-soan-${String((desk % sc.articles) + 1).padStart(4, '0')}`;

/** Milliseconds on the machine's clock, comparable between processes. */
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The desks type for this long before the measured window, the same way, unmeasured: a
 * newsroom server runs for days, and in a fresh process the first second of typing went mostly
 * to compiling the code it runs (p95 of that second 3–10× the rest). `BENCH_SYNC_WARM_MS=0`
 * measures from the cold start.
 */
const WARM_MS = Number(process.env.BENCH_SYNC_WARM_MS ?? 3000);
/** Warm-up edits are numbered from here (relay mode), so that no measured edit matches them. */
const WARM_K = 2 ** 31;

/** When each desk edits (ms from the start): every 200–500 ms, seeded per desk. */
function schedules(desks: number, ms = EDIT_MS, seed = 7000): number[][] {
  return Array.from({ length: desks }, (_, i) => {
    const rand = seededRandom(seed + i);
    const times: number[] = [];
    for (let t = rand() * 500; t < ms; t += 200 + rand() * 300) times.push(t);
    return times;
  });
}

// ---- What the director and the desk processes tell each other (IPC). ----

/**
 * `server`: desks (HocuspocusProvider and a Yjs document each) through the newsroom server;
 * `desk-relay`: the same desks through a plain relay that forwards their messages; `relay`:
 * clients that only send and receive bytes of the same sizes, through the same relay.
 */
type Mode = 'server' | 'desk-relay' | 'relay';
interface OpenCommand {
  readonly type: 'open';
  readonly mode: Mode;
  readonly url: string;
  readonly scenario: Scenario;
  /** Global desk numbers this process plays, and their tokens (server mode). */
  readonly desks: readonly number[];
  readonly tokens: readonly string[];
  /** Desk-relay mode: each article's state as the server holds it at the start (base64), which every desk starts from. */
  readonly seeds: readonly string[];
}
interface StartCommand {
  readonly type: 'start';
  readonly at: number;
  readonly plan: readonly (readonly number[])[];
  /** The warm-up's plan (ms from `at - WARM_MS`). */
  readonly warm: readonly (readonly number[])[];
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

/** Desks with a provider and a Yjs document each, through the server or (desk-relay mode) a relay, which needs no token and does not answer a sync. */
async function openServerDesks(cmd: OpenCommand, receipts: Receipt[]): Promise<{ players: Player[]; clients: Array<[number, number]> }> {
  const relayed = cmd.mode === 'desk-relay';
  const vocab = vocabulary(seededRandom(20261128), 4000);
  const players: Player[] = [];
  const clients: Array<[number, number]> = [];
  const providers: HocuspocusProvider[] = [];
  for (const [j, desk] of cmd.desks.entries()) {
    const traffic = new Traffic();
    const name = articleOf(desk, cmd.scenario);
    // Through the relay, one room per article (its path); every desk starts from the article as the server held it.
    const socket = new HocuspocusProviderWebsocket({ url: relayed ? `${cmd.url}/${name}` : cmd.url, WebSocketPolyfill: traffic.WebSocket });
    const document = new Y.Doc();
    if (relayed) Y.applyUpdate(document, Buffer.from(cmd.seeds[desk % cmd.scenario.articles]!, 'base64'), 'seed');
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token: cmd.tokens[j] ?? '' });
    sendOwnPresenceOnly(provider); // as the desk's sync service does
    provider.attach();
    // The account's own name, as the server wants it in presence (it drops any other).
    provider.awareness!.setLocalStateField('user', { name: deskName(desk), color: '#2471a3' });
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
  if (relayed) await until(() => providers.every((p) => p.configuration.websocketProvider.status === WebSocketStatus.Connected), 'every desk connected to the relay', 60_000);
  else await until(() => providers.every((p) => p.isSynced && p.unsyncedChanges === 0 && body(p.document).length > 0), 'every desk in the article', 60_000);
  return { players, clients };
}

async function openRelayDesks(cmd: OpenCommand, receipts: Receipt[], sizes: () => StartCommand['sizes']): Promise<Player[]> {
  const players: Player[] = [];
  const sockets: WebSocket[] = [];
  for (const desk of cmd.desks) {
    // One room per article: the relay forwards within it.
    const ws = new WebSocket(`${cmd.url}/${articleOf(desk, cmd.scenario)}`);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => {
      if (data.readUInt32LE(2) < WARM_K) receipts.push([desk, data.readUInt16LE(0), data.readUInt32LE(2), clock()]);
    });
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
    if (cmd.mode !== 'relay') {
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
    const warmFrom = cmd.at - WARM_MS;
    await sleep(Math.max(0, warmFrom - clock()));
    const warming = Promise.all(
      players.map(async (player, j) => {
        for (const [i, t] of cmd.warm[desks[j]!]!.entries()) {
          const wait = warmFrom + t - clock();
          if (wait > 0) await sleep(wait);
          if (clock() >= cmd.at) return;
          player.edit(WARM_K + i);
        }
      }),
    );
    await sleep(Math.max(0, cmd.at - clock()));
    receipts.length = 0; // presence, joining and the warm-up before the start are not measured
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
    await warming;
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

/** Reads a varuint of a Hocuspocus message at `at`: [value, where the next field starts]. */
function varUint(data: Buffer, at: number): [number, number] {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = data[at++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80 || at >= data.length) return [value, at];
  }
}

/**
 * What a plain relay of desks forwards: Yjs updates and presence, as they came. It leaves out a
 * desk's token (nobody checks it), the first step of a sync (nobody answers: every desk starts
 * from the same state) and the rest of the server's side of the protocol (closing, statuses).
 * The desks send their own presence only, as the desk does (own-presence.ts): a provider as it
 * comes sends back every presence it receives, and relayed, those echoes would each go to
 * every desk again.
 */
function forwarded(data: Buffer): boolean {
  const [nameLength, afterLength] = varUint(data, 0);
  const [type, afterType] = varUint(data, afterLength + nameLength);
  return type === 1 || (type === 0 && varUint(data, afterType)[0] !== 0);
}

/** `desks`: the clients are desks (Hocuspocus messages), not byte senders. */
async function startRelay(desks: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws, req) => {
    const name = req.url ?? '/';
    const room = rooms.get(name) ?? new Set<WebSocket>();
    rooms.set(name, room);
    room.add(ws);
    ws.on('close', () => room.delete(ws));
    ws.on('message', (data: Buffer, isBinary) => {
      if (desks && !forwarded(data)) return;
      for (const other of room) if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
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
  /** Delays of the edits sent in each sixth of the edit window (growth through the run). */
  readonly parts: number[][];
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

const PARTS = 6;
/** p95 of the edits sent in the first third and in the last third of the edit window. */
const thirds = (r: Run): [number, number] => [pct(r.parts.slice(0, PARTS / 3).flat(), 0.95), pct(r.parts.slice((2 * PARTS) / 3).flat(), 0.95)];
/** p95 of each sixth of the edit window, as "a · b · … ms". */
const bySixth = (r: Run): string => `${r.parts.map((d) => pct(d, 0.95).toFixed(1)).join(' · ')} ms`;

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
async function play(mode: Mode, url: string, scenario: Scenario, tokens: readonly string[], plan: readonly (readonly number[])[], sizes: readonly (readonly number[])[], seeds: readonly string[] = []): Promise<Run> {
  const groups = groupsOf(scenario.desks);
  const procs = groups.map(() => child('desks'));
  const background = startBackground();
  try {
    const ready = procs.map((proc) => nextMessage<Extract<DeskReport, { type: 'ready' }>>(proc, 'ready'));
    procs.forEach((proc, p) => proc.send({ type: 'open', mode, url, scenario, desks: groups[p]!, tokens: groups[p]!.map((i) => tokens[i] ?? ''), seeds } satisfies OpenCommand));
    const owner = new Map<number, number>();
    for (const r of await Promise.all(ready)) for (const [desk, client] of r.clients) owner.set(client, desk);
    await sleep(1000); // presence settles

    const done = procs.map((proc) => nextMessage<Extract<DeskReport, { type: 'done' }>>(proc, 'done', EDIT_MS + DRAIN_MS + 60_000));
    const at = Date.now() + 1000 + WARM_MS;
    const warm = schedules(scenario.desks, WARM_MS, 7500);
    procs.forEach((proc) => proc.send({ type: 'start', at, plan, warm, sizes } satisfies StartCommand));
    await sleep(at - Date.now());
    // The server (or relay) is all this process does while the desks edit (measured after the warm-up).
    const cpu0 = process.cpuUsage();
    const loop0 = performance.eventLoopUtilization();
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
    /** Delays by when the edit was sent: each sixth of the edit window. */
    const parts: number[][] = Array.from({ length: PARTS }, () => []);
    let last = 0;
    const receipts = reports.flatMap((r) => r.receipts).sort((a, b) => a[3] - b[3]);
    const next = new Map<string, number>();
    for (const [receiver, sender, reached, t] of receipts) {
      const desk = mode !== 'relay' ? owner.get(sender) : sender;
      if (desk === undefined || desk === receiver) continue;
      const list = edits.get(desk) ?? [];
      const key = `${receiver}:${desk}`;
      let k = next.get(key) ?? 0;
      // Server mode: `reached` is the clock the receiver now has (every edit ending at or below it
      // has arrived). Relay mode: it is the one message's number.
      while (k < list.length && (mode !== 'relay' ? list[k]![3] <= reached : list[k]![1] <= reached)) {
        const delay = t - list[k]![2];
        delays.push(delay);
        if (receiver === 0) alone.push(delay);
        const part = Math.floor(((list[k]![2] - at) / EDIT_MS) * PARTS);
        if (part >= 0 && part < PARTS) parts[part]!.push(delay);
        last = Math.max(last, t);
        k++;
      }
      next.set(key, k);
    }
    const editCount = [...edits.values()].reduce((n, l) => n + l.length, 0);
    const first = Math.min(...[...edits.values()].map((l) => l[0]?.[2] ?? Infinity));
    const sizesOut = Array.from({ length: scenario.desks }, (_, d) => (edits.get(d) ?? []).map((e) => e[4]));
    // Each edit is expected at every other desk of its article.
    const perArticle = new Map<string, number>();
    for (let d = 0; d < scenario.desks; d++) perArticle.set(articleOf(d, scenario), (perArticle.get(articleOf(d, scenario)) ?? 0) + 1);
    const expected = [...edits.entries()].reduce((n, [d, l]) => n + l.length * ((perArticle.get(articleOf(d, scenario)) ?? 1) - 1), 0);
    return {
      delays,
      alone,
      parts,
      expected,
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
    background?.kill('SIGKILL');
  }
}

/** One core kept busy for the length of a run (none with BENCH_SYNC_BACKGROUND=0). */
function startBackground(): ChildProcess | null {
  if (process.env.BENCH_SYNC_BACKGROUND === '0') return null;
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}
const backgroundNote = (): string => (process.env.BENCH_SYNC_BACKGROUND === '0' ? 'no background load' : 'one core kept busy by a spinning process throughout (BENCH_SYNC_BACKGROUND=0: none)');

const deskName = (desk: number): string => `biên tập ${desk + 1}`;

/** Each article's state at the start (~420 words, as one writer left it): the same in every run. */
function seedArticles(scenario: Scenario): Uint8Array[] {
  const rand = seededRandom(20261128);
  return Array.from({ length: scenario.articles }, (_, a) => {
    const doc = articleDoc(articleOf(a, scenario), articleText(rand, wordSource(rand), 420));
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  });
}

async function throughServer(scenario: Scenario, plan: readonly (readonly number[])[], seeds: readonly Uint8Array[]): Promise<Run & { docBytes: number; commits: Calls; compactions: Calls }> {
  const dir = await tmp();
  const server = await startServer({ dataDir: dir, port: 0, adminPassword: ADMIN_PASSWORD, log: () => undefined });
  // Watched, not changed: how long each update waits to be durable, and each compaction takes.
  const commits: Calls = [];
  const compactions: Calls = [];
  const storage = server.storage;
  storage.appendUpdate = timed(storage.appendUpdate.bind(storage), commits);
  storage.compact = timed(storage.compact.bind(storage), compactions);
  try {
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const tokens: string[] = [];
    for (let i = 0; i < scenario.desks; i += 10) tokens.push(...(await Promise.all(Array.from({ length: Math.min(10, scenario.desks - i) }, (_, j) => userToken(server.url, admin, deskName(i + j), 'editor')))));
    // Each article is on the server before the desks open it, as one writer left it.
    for (let a = 0; a < scenario.articles; a++) {
      const socket = new HocuspocusProviderWebsocket({ url: wsUrlOf(server.url), WebSocketPolyfill: WebSocket });
      const document = new Y.Doc();
      Y.applyUpdate(document, seeds[a]!);
      const writer = new HocuspocusProvider({ websocketProvider: socket, name: articleOf(a, scenario), document, token: tokens[0]! });
      writer.attach();
      await until(() => writer.isSynced && writer.unsyncedChanges === 0, 'the article on the server', 30_000);
      writer.destroy();
      socket.destroy();
    }

    const run = await play('server', wsUrlOf(server.url), scenario, tokens, plan, []);
    const reader = new HocuspocusProviderWebsocket({ url: wsUrlOf(server.url), WebSocketPolyfill: WebSocket });
    const copy = new HocuspocusProvider({ websocketProvider: reader, name: articleOf(0, scenario), token: tokens[0]! });
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

/** Through a plain relay: the same desks (`desk-relay`), or byte senders of the server's message sizes (`relay`). */
async function throughRelay(mode: 'desk-relay' | 'relay', scenario: Scenario, plan: readonly (readonly number[])[], sizes: readonly (readonly number[])[], seeds: readonly Uint8Array[]): Promise<Run> {
  const relay = await startRelay(mode === 'desk-relay');
  try {
    return await play(mode, relay.url, scenario, [], plan, sizes, seeds.map((seed) => Buffer.from(seed).toString('base64')));
  } finally {
    await relay.close();
  }
}

const GOAL_P95_MS = 100;
const GOAL_RATIO = 5;
const CEILING_P95_MS = 250;

async function scenarioRun(name: string, scenario: Scenario): Promise<void> {
  const load = os.loadavg()[0]!.toFixed(1);
  const plan = schedules(scenario.desks);
  const seeds = seedArticles(scenario);
  const server = await throughServer(scenario, plan, seeds);
  const deskRelay = await throughRelay('desk-relay', scenario, plan, server.sizes, seeds);
  const relay = await throughRelay('relay', scenario, plan, server.sizes, seeds);
  const allSizes = server.sizes.flat();
  const meanSize = allSizes.reduce((a, b) => a + b, 0) / allSizes.length;

  const cols = (cells: readonly string[], widths: readonly number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  const widths = [26, 7, 7, 7, 7, 8, 16, 11, 11];
  const quantiles = (delays: readonly number[]) => [0.5, 0.95, 0.99, 1].map((p) => pct(delays, p).toFixed(1));
  const rows = (label: string, r: Run) => [
    cols([label, ...quantiles(r.delays), int(r.deliveriesPerSecond), `${int(r.delays.length)}/${int(r.expected)}`, `${(r.deskLoop * 100).toFixed(0)}% ${r.deskCpu.toFixed(2)}`, `${(r.serverLoop * 100).toFixed(0)}% ${r.serverCpu.toFixed(2)}`], widths),
    cols(['  to desk 1, alone', ...quantiles(r.alone), '', int(r.alone.length), '', ''], widths),
  ];
  const ratio = (base: Run, p: number) => pct(server.delays, p) / pct(base.delays, p);
  const ratioAlone = (base: Run, p: number) => (pct(server.alone, p) / pct(base.alone, p)).toFixed(1);
  const perArticle = scenario.desks / scenario.articles;
  console.log(
    `sync ${name}: ${scenario.desks} desks on ${scenario.articles} article${scenario.articles > 1 ? 's' : ''} (${perArticle} each) through one server (a word every 200–500 ms each for ${EDIT_MS / 1000} s: ${int(server.edits)} edits, update messages ${meanSize.toFixed(0)} B on average, article state at the end ${(server.docBytes / 1024).toFixed(1)} KiB; server or relay in this process and nothing else, desk 1 alone in a child process, the others in two more; ${backgroundNote()}; load average at the start ${load})`,
  );
  console.log(`  ${cols(['delivery delay, ms', 'p50', 'p95', 'p99', 'max', 'deliv/s', 'delivered', 'desks', 'server'], widths)}`);
  for (const line of [...rows('newsroom server', server), ...rows('baseline: relay, same desks', deskRelay), ...rows('  relay, byte clients', relay)]) console.log(`  ${line}`);
  const p95 = pct(server.delays, 0.95);
  const goal = (base: Run) => (p95 < GOAL_P95_MS && ratio(base, 0.95) <= GOAL_RATIO ? 'met' : 'NOT met');
  for (const [label, base] of [
    ['the relay of the same desks', deskRelay],
    ['the relay of byte clients', relay],
  ] as const) {
    console.log(
      `  ratio to ${label}: p95 ${ratio(base, 0.95).toFixed(1)}×, p50 ${ratio(base, 0.5).toFixed(1)}× (to desk 1 alone: p95 ${ratioAlone(base, 0.95)}×, p50 ${ratioAlone(base, 0.5)}×) — goal p95 < ${GOAL_P95_MS} ms and ≤ ${GOAL_RATIO}×: ${goal(base)}`,
    );
  }
  const growth = (r: Run) => `${thirds(r)[0].toFixed(1)} → ${thirds(r)[1].toFixed(1)} ms (by sixths ${bySixth(r)})`;
  console.log(`  growth through the run, p95 of edits sent in the first third → last third: server ${growth(server)}; relay of the same desks ${growth(deskRelay)}; of byte clients ${growth(relay)}`);
  const [from, to] = server.window;
  const inWindow = (calls: Calls) => calls.filter(([end]) => end >= from && end <= to).map(([, took]) => took);
  const commits = inWindow(server.commits);
  const compactions = inWindow(server.compactions);
  console.log(
    `  the server's storage while the desks edited (its writes on their own thread): ${int(commits.length)} updates stored, from handing over to durable (what the sender's acknowledgement waits for) p50 ${pct(commits, 0.5).toFixed(2)} ms, p95 ${pct(commits, 0.95).toFixed(2)} ms, max ${pct(commits, 1).toFixed(1)} ms; ${compactions.length} compactions${compactions.length ? `, max ${pct(compactions, 1).toFixed(1)} ms` : ''}`,
  );
  console.log(
    `  desks = the busier process of desks: event-loop use, and the desks' CPU in cores; server = the same for the server or relay; both while the desks edited. CPU: ${int(server.deskCpuPerDelivery)} µs a delivery in the desks (the same desks through the relay ${int(deskRelay.deskCpuPerDelivery)} µs, byte clients ${int(relay.deskCpuPerDelivery)} µs), ${int(server.serverCpuPerEdit)} µs an edit in the server (relay ${int(deskRelay.serverCpuPerEdit)} µs a message of the desks, ${int(relay.serverCpuPerEdit)} µs of the byte clients)`,
  );
}

/** `npm run bench -- sync` (BENCH_SYNC_SCENARIO=50x1|200x20 for one). */
export async function syncFanout(): Promise<void> {
  const only = process.env.BENCH_SYNC_SCENARIO;
  if (only && !SCENARIOS[only]) throw new Error(`BENCH_SYNC_SCENARIO: one of ${Object.keys(SCENARIOS).join(', ')}`);
  for (const [name, scenario] of Object.entries(SCENARIOS)) if (!only || only === name) await scenarioRun(name, scenario);
}

/**
 * `npm run bench -- sync-ceiling`: twenty articles, ever more desks, until the server's p95
 * passes 250 ms. The ceiling is the last level under it: its desks and edits per second.
 */
export async function syncCeiling(): Promise<void> {
  const levels = (process.env.BENCH_SYNC_LEVELS ?? '40,80,160,240,320,400').split(',').map(Number);
  let below: { desks: number; editsPerSecond: number; p95: number } | null = null;
  console.log(`sync ceiling: one server, twenty articles, each desk a word every 200–500 ms for ${EDIT_MS / 1000} s; ${backgroundNote()}; load average at the start ${os.loadavg()[0]!.toFixed(1)}`);
  for (const desks of levels) {
    const scenario = { desks, articles: 20 };
    const run = await throughServer(scenario, schedules(desks), seedArticles(scenario));
    const p95 = pct(run.delays, 0.95);
    const editsPerSecond = run.edits / (EDIT_MS / 1000);
    console.log(`  ${String(desks).padStart(4)} desks, ${editsPerSecond.toFixed(0).padStart(5)} edits/s, ${int(run.delays.length / (EDIT_MS / 1000)).padStart(7)} deliveries/s: p50 ${pct(run.delays, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, first third → last third p95 ${thirds(run)[0].toFixed(1)} → ${thirds(run)[1].toFixed(1)} ms (by sixths ${bySixth(run)}); server CPU ${run.serverCpu.toFixed(2)} cores, ${int(run.serverCpuPerEdit)} µs an edit`);
    if (p95 > CEILING_P95_MS) break;
    below = { desks, editsPerSecond, p95 };
  }
  console.log(below ? `  ceiling: ${below.desks} desks (${below.editsPerSecond.toFixed(0)} edits/s) with p95 ${below.p95.toFixed(0)} ms; the next level passed ${CEILING_P95_MS} ms` : `  even the first level passed ${CEILING_P95_MS} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === 'desks') runDesks();
}
