/**
 * Live co-editing: how long a key typed on one desk takes to be painted on another desk that
 * has the same article open, through everything a newsroom uses — desk A's page, A's main
 * (web mode), the newsroom server, B's main, B's page — against the same keys carried by a
 * plain WebSocket relay between two bare pages, in the same run and the same browser.
 *
 * Setup: a newsroom server (a child process, as `npm run server` runs it), two web-mode desks
 * (child processes, as the end-to-end tests start them) logged in as two editors, and one
 * Chromium with a page on each desk showing the same 1,000-word article; each sees the other
 * in the article (presence). A types at the end of the body with real key events, a key every
 * 60–140 ms (seeded), in blocks of BLOCK keys taking turns with the baseline.
 *
 * Latency of a key: from its keydown event on A to the first task after the animation frame in
 * which B's body first shows that character (a MutationObserver on B's body notes the new
 * characters; the frame after it paints them), as the keystroke benchmark measures a key's
 * paint. The pages' clocks (`performance.timeOrigin + now()`) are put on this process's clock
 * by round trips (the one with the shortest trip of several, before and after).
 *
 * Where the time goes: A's page notes when each `article:update` call starts, B's page when
 * each `article:changed` event arrives; with BENCH_HOPS=1 the desks reach the server through
 * a proxy in this process (live-typing-proxy.ts) that notes when each frame carrying typed
 * characters passes, in both directions: the printout then splits each key's time into A's
 * page, A's main, the server, B's main and B's page.
 *
 * The desk's own key-to-paint on A while someone else is in the article is printed too, with
 * A's main-thread work per key: they show whether sending to the other desk sooner costs the
 * typist anything. BENCH_CPU_PROFILE=<path> writes a CPU profile of A's page while it types
 * (`<path>-live-desk-a.cpuprofile`).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { WebSocketServer, type WebSocket as RelayClient } from 'ws';
import { body, headline, setBodyLines, setText } from '../src-shared/article-doc';
import { decodeWire } from '../src-shared/wire';
import { openDesk } from '../src-main/services/desk';
import { seededRandom } from '../test/support/seeded';
import { ADMIN_PASSWORD, api, login, spawnServer, type ServerChild } from '../test/support/server';
import { launchChromium, newPage } from '../test/e2e/support/browser';
import { startWebDesk, type WebDesk } from '../test/e2e/support/web-desk';
import { startHopProxy, type HopProxy, type Passage } from './live-typing-proxy';

const WORDS = 'Sáng nay hội nghị trực tuyến toàn tỉnh Hà Giang triển khai nhiệm vụ công tác dân vận năm mới tại các xã vùng cao biên giới'.split(' ');
const ARTICLE_WORDS = 1_000;
/** Keys measured on each side, in blocks of BLOCK taking turns, after WARM_UP unmeasured ones. */
const KEYS = Number(process.env.BENCH_LIVE_KEYS) || 200;
const BLOCK = 50;
const WARM_UP = 10;
/** A key every 60–140 ms: a fast typist's pace (about 120 words a minute). */
const GAP_MIN_MS = 60;
const GAP_SPREAD_MS = 80;
// ASCII keys: each is one real keydown and one character (the keystroke benchmark's text).
const TYPED = 'mua lon keo dai khien nuoc song dang cao ';
const USERS = {
  a: { name: 'lan', password: 'lan-mật-khẩu-đủ-dài' },
  b: { name: 'minh', password: 'minh-mật-khẩu-đủ-dài' },
} as const;
const HOPS = process.env.BENCH_HOPS === '1';

/** Milliseconds on this process's clock. */
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: readonly number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const f1 = (n: number) => n.toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function paragraphs(words: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words; i += 80) out.push(Array.from({ length: Math.min(80, words - i) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' '));
  return out;
}

// ---- In the pages ----

/**
 * tsx compiles this file keeping function names (`__name(fn, "name")` around named inner
 * functions); the functions below run in the pages, where that helper must exist too.
 */
const KEEP_NAMES = 'globalThis.__name ??= (fn) => fn;';

/** What the probes keep in a page (times on the page's clock: timeOrigin + now). */
interface Probe {
  /** Per key typed here: the keydown's timestamp, when the keydown was dispatched, and when its frame painted. */
  keys: number[];
  handled: number[];
  painted: number[];
  /** Start and answer of each `article:update` call, and arrival of each `article:changed` event. */
  sends: number[];
  answers: number[];
  events: number[];
  /** Per character arrived in the watched element: when it was painted, and when the event that brought it arrived. */
  arrived: number[];
  arrivedBy: number[];
}
type ProbeWindow = Window & { __probe: Probe };

/**
 * Before any page script: note each `article:update` call and each `article:changed` event (the
 * page's transport uses `fetch` and one WebSocket; wrapping them adds a function call to each).
 */
function notePageTraffic(): void {
  const w = window as unknown as ProbeWindow;
  const now = () => performance.timeOrigin + performance.now();
  w.__probe = { keys: [], handled: [], painted: [], sends: [], answers: [], events: [], arrived: [], arrivedBy: [] };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const k = String(input instanceof Request ? input.url : input).includes('/api/call/article:update') ? w.__probe.sends.push(now()) - 1 : -1;
    const answer = nativeFetch(input, init);
    if (k >= 0) void answer.then(() => (w.__probe.answers[k] = now())).catch(() => undefined);
    return answer;
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the page's own listener, so it runs first.
      this.addEventListener('message', (m: MessageEvent<unknown>) => {
        if (typeof m.data === 'string' && m.data.includes('"article:changed"')) w.__probe.events.push(now());
      });
    }
  };
}

/** Notes every key typed in this page: its timestamp, its dispatch and the paint after it. */
function probeKeys(): void {
  const w = window as unknown as ProbeWindow;
  w.__probe ??= { keys: [], handled: [], painted: [], sends: [], answers: [], events: [], arrived: [], arrivedBy: [] };
  const now = () => performance.timeOrigin + performance.now();
  document.addEventListener(
    'keydown',
    (e) => {
      const k = w.__probe.keys.length;
      w.__probe.keys.push(performance.timeOrigin + e.timeStamp);
      w.__probe.handled.push(now());
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__probe.painted[k] = now());
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/**
 * Watches the last block of `selector` (where the other page types): each character that
 * appears in it is stamped with the first task after the next animation frame (its paint), and
 * with the arrival of the latest `article:changed` event (the one that brought it).
 */
function probeArrivals(selector: string): void {
  const w = window as unknown as ProbeWindow;
  w.__probe ??= { keys: [], handled: [], painted: [], sends: [], answers: [], events: [], arrived: [], arrivedBy: [] };
  const now = () => performance.timeOrigin + performance.now();
  const root = document.querySelector(selector)!;
  const length = () => root.lastElementChild?.textContent?.length ?? 0;
  const base = length();
  let seen = base;
  new MutationObserver(() => {
    const len = length();
    if (len <= seen) return;
    const from = seen - base;
    const to = len - base;
    seen = len;
    const by = w.__probe.events.at(-1) ?? NaN;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const at = now();
        for (let i = from; i < to; i++) {
          w.__probe.arrived[i] = at;
          w.__probe.arrivedBy[i] = by;
        }
      };
      channel.port2.postMessage(null);
    });
  }).observe(root, { subtree: true, childList: true, characterData: true });
}

/** The baseline's pages: A sends each character typed in a textarea to the relay; B appends what arrives. */
function baselinePage([relay, role]: readonly [string, 'a' | 'b']): Promise<void> {
  document.body.innerHTML = role === 'a' ? '<textarea id="typed" rows="10" cols="80"></textarea>' : '<div id="shown"><p></p></div>';
  const socket = new WebSocket(relay);
  if (role === 'a') {
    document.getElementById('typed')!.addEventListener('input', (e) => socket.send((e as InputEvent).data ?? ''));
  } else {
    socket.addEventListener('message', (m: MessageEvent) => document.querySelector('#shown p')!.append(String(m.data)));
  }
  return new Promise((resolve) => socket.addEventListener('open', () => resolve()));
}

// ---- Driving ----

/** How far ahead of this process's clock the page's clock is: from the shortest of several round trips. */
async function clockOffset(page: Page): Promise<number> {
  let best = { trip: Infinity, offset: 0 };
  for (let i = 0; i < 12; i++) {
    const t1 = clock();
    const there = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t2 = clock();
    if (t2 - t1 < best.trip) best = { trip: t2 - t1, offset: there - (t1 + t2) / 2 };
  }
  return best.offset;
}

/** Calls an operation of a desk from its page, as the page's transport does; throws on a refusal. */
async function call<T>(page: Page, op: string, input: unknown): Promise<T> {
  const text = await page.evaluate(
    async ([o, i]) => (await fetch(`/api/call/${o}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).text(),
    [op, input] as const,
  );
  const envelope = decodeWire(text) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${op}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function syncedDesk(page: Page, what: string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const status = await call<{ state: string; pending: string[] }>(page, 'sync:status', {});
    if (status.state === 'synced') return;
    if (Date.now() - t0 > 60_000) throw new Error(`${what} did not sync: ${JSON.stringify(status)}`);
    await sleep(200);
  }
}

/** Types `n` keys into the page's focused field on the seeded schedule; returns once sent. */
async function typeKeys(page: Page, from: number, n: number, gap: () => number): Promise<void> {
  let next = clock();
  for (let i = from; i < from + n; i++) {
    const ch = TYPED[i % TYPED.length]!;
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    next += gap();
    const wait = next - clock();
    if (wait > 0) await sleep(wait);
  }
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__probe);
}

/** A side of the comparison: a typing page, a watching page, and how many keys each has typed. */
class Side {
  typed = 0;
  readonly measured: number[] = [];
  /** The typing page's main-thread time over the measured blocks (Chromium's counters, ms): scripts, and all tasks. */
  script = 0;
  tasks = 0;
  private readonly gap: () => number;

  private constructor(
    readonly typist: Page,
    readonly watcher: Page,
    private readonly cdp: CDPSession,
  ) {
    const rand = seededRandom(4242);
    this.gap = () => GAP_MIN_MS + rand() * GAP_SPREAD_MS;
  }

  static async of(typist: Page, watcher: Page): Promise<Side> {
    const cdp = await typist.context().newCDPSession(typist);
    await cdp.send('Performance.enable');
    return new Side(typist, watcher, cdp);
  }

  /** With BENCH_CPU_PROFILE=<path>: a CPU profile of the typing page from now to `stopProfile`. */
  async startProfile(): Promise<void> {
    if (!process.env.BENCH_CPU_PROFILE) return;
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await this.cdp.send('Profiler.start');
  }

  async stopProfile(label: string): Promise<void> {
    const to = process.env.BENCH_CPU_PROFILE;
    if (!to) return;
    const { profile } = await this.cdp.send('Profiler.stop');
    await fs.writeFile(`${to}-${label}.cpuprofile`, JSON.stringify(profile));
  }

  private async work(): Promise<{ script: number; tasks: number }> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const pick = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { script: pick('ScriptDuration'), tasks: pick('TaskDuration') };
  }

  /** Types a block, then waits until every key of it is painted on the watching page. */
  async block(n: number, measure: boolean): Promise<void> {
    const before = await this.work();
    await typeKeys(this.typist, this.typed, n, this.gap);
    const want = this.typed + n;
    await this.watcher.waitForFunction((k) => (window as unknown as ProbeWindow).__probe.arrived.filter((t) => t !== undefined).length >= k, want, { polling: 20, timeout: 60_000 });
    if (measure) {
      const after = await this.work();
      this.script += after.script - before.script;
      this.tasks += after.tasks - before.tasks;
      for (let k = this.typed; k < want; k++) this.measured.push(k);
    }
    this.typed = want;
  }

  /** Main-thread work of the typing page per key measured. */
  perKey(): string {
    const n = Math.max(1, this.measured.length);
    return `script ${(this.script / n).toFixed(2)} ms, all tasks ${(this.tasks / n).toFixed(2)} ms`;
  }
}

/** The relay of the baseline: each message to every other client. */
async function startRelay(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws: RelayClient) => {
    ws.on('message', (data, binary) => {
      for (const other of wss.clients) if (other !== ws && other.readyState === other.OPEN) other.send(data, { binary });
    });
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('relay: unexpected address');
  return { url: `ws://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => wss.close(() => resolve())) };
}

/** The first passage that brings the characters past `mark` to at least `n`. */
function passageOf(passages: readonly Passage[], mark: number, n: number): number {
  return passages.find((p) => p.total - mark >= n)?.at ?? NaN;
}

const line = (label: string, values: readonly number[]) => {
  const ok = values.filter((v) => Number.isFinite(v));
  return `  ${label.padEnd(44)} p50 ${f1(pct(ok, 0.5)).padStart(6)} ms  p95 ${f1(pct(ok, 0.95)).padStart(6)} ms  max ${f1(Math.max(...ok)).padStart(6)} ms`;
};

export async function liveTyping(): Promise<void> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-live-'));
  const dirs = { server: path.join(temp, 'server'), a: path.join(temp, 'desk-a'), b: path.join(temp, 'desk-b') };
  await Promise.all(Object.values(dirs).map((d) => fs.mkdir(d)));
  const loadBefore = load();

  // The article, written on desk A before it starts (it reaches the server at A's login).
  const text = paragraphs(ARTICLE_WORDS);
  const offline = await openDesk({ dataDir: dirs.a, mode: 'cli', version: 'bench' });
  const { id } = await offline.articles.create({ language: 'vi' }, (doc) => {
    setText(headline(doc), 'Gõ cùng lúc trên hai bàn');
    setBodyLines(doc, text);
  });
  const paragraphCount = await offline.articles.read(id, (doc) => body(doc).length);
  await offline.close();

  let server: ServerChild | null = null;
  const proxies: HopProxy[] = [];
  const desks: WebDesk[] = [];
  let browser: Browser | null = null;
  let relay: { url: string; close: () => Promise<void> } | null = null;
  try {
    server = await spawnServer(dirs.server, { BANTIN_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (const u of Object.values(USERS)) {
      const created = await api(server.url, 'POST', '/api/users', { token: admin, json: { name: u.name, role: 'editor', password: u.password } });
      if (created.status !== 201) throw new Error(`user ${u.name}: ${created.status}`);
    }
    const serverFor = async (): Promise<string> => {
      if (!HOPS) return server!.url;
      const proxy = await startHopProxy(server!.url, clock);
      proxies.push(proxy);
      return proxy.url;
    };
    const [serverA, serverB] = [await serverFor(), await serverFor()];
    desks.push(await startWebDesk(dirs.a), await startWebDesk(dirs.b));
    const [deskA, deskB] = desks as [WebDesk, WebDesk];
    browser = await launchChromium();

    const open = async (desk: WebDesk, at: string, user: { name: string; password: string }): Promise<Page> => {
      const { page } = await newPage(browser!);
      await page.addInitScript(KEEP_NAMES);
      await page.addInitScript(notePageTraffic);
      await page.goto(desk.url);
      await call(page, 'sync:login', { server: at, user: user.name, password: user.password });
      return page;
    };
    const pageA = await open(deskA, serverA, USERS.a);
    await syncedDesk(pageA, 'desk A');
    const pageB = await open(deskB, serverB, USERS.b);
    await syncedDesk(pageB, 'desk B');
    for (const page of [pageA, pageB]) {
      await page.goto(`${new URL(page.url()).origin}/#/article/${id}`);
      await page.waitForFunction((n) => document.querySelectorAll('.rich-body > *').length >= n, paragraphCount, { timeout: 60_000 });
    }
    // Each sees the other in the article: both providers are linked and presence flows.
    await pageA.waitForFunction((name) => Array.from(document.querySelectorAll('.presence__name')).some((e) => e.textContent?.trim() === name), USERS.b.name, { timeout: 60_000 });
    await pageB.waitForFunction((name) => Array.from(document.querySelectorAll('.presence__name')).some((e) => e.textContent?.trim() === name), USERS.a.name, { timeout: 60_000 });
    await pageA.click('.rich-body');
    await pageA.keyboard.press('Control+End');
    await pageB.evaluate(() => document.querySelector('.rich-body')!.lastElementChild!.scrollIntoView({ block: 'center' }));
    await pageA.evaluate(probeKeys);
    await pageB.evaluate(probeArrivals, '.rich-body');
    const marks = { up: proxies[0]?.up.at(-1)?.total ?? 0, down: proxies[1]?.down.at(-1)?.total ?? 0 };

    relay = await startRelay();
    const { page: baseA } = await newPage(browser);
    const { page: baseB } = await newPage(browser);
    for (const [page, role] of [[baseB, 'b'], [baseA, 'a']] as const) {
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.evaluate(KEEP_NAMES);
      await page.evaluate(baselinePage, [relay.url, role] as const);
    }
    await baseA.evaluate(probeKeys);
    await baseB.evaluate(probeArrivals, '#shown');
    await baseA.click('#typed');

    const desk = await Side.of(pageA, pageB);
    const baseline = await Side.of(baseA, baseB);
    const offsetsBefore = await Promise.all([pageA, pageB, baseA, baseB].map(clockOffset));
    await desk.block(WARM_UP, false);
    await baseline.block(WARM_UP, false);
    await desk.startProfile();
    for (let b = 0; b < KEYS / BLOCK; b++) {
      for (const side of b % 2 === 0 ? [desk, baseline] : [baseline, desk]) await side.block(BLOCK, true);
    }
    await desk.stopProfile('live-desk-a');
    const offsetsAfter = await Promise.all([pageA, pageB, baseA, baseB].map(clockOffset));
    const offset = offsetsBefore.map((o, i) => (o + offsetsAfter[i]!) / 2);
    const drift = Math.max(...offsetsBefore.map((o, i) => Math.abs(o - offsetsAfter[i]!)));
    const [offA, offB, offBaseA, offBaseB] = offset as [number, number, number, number];

    const [a, b, ba, bb] = await Promise.all([pageA, pageB, baseA, baseB].map(probe)) as [Probe, Probe, Probe, Probe];
    const latency = (typist: Probe, watcher: Probe, offT: number, offW: number, keys: readonly number[]) => keys.map((k) => watcher.arrived[k]! - offW - (typist.keys[k]! - offT));
    const deskLatency = latency(a, b, offA, offB, desk.measured);
    const baseLatency = latency(ba, bb, offBaseA, offBaseB, baseline.measured);
    const ownPaint = desk.measured.map((k) => a.painted[k]! - a.keys[k]!);
    const measuredSends = a.sends.filter((t) => t >= a.handled[desk.measured[0]!]! && t <= a.handled[desk.measured.at(-1)!]! + 1_000).length;

    console.log(
      `live typing: a key on desk A to its paint on desk B, same 1,000-word article (${paragraphCount} paragraphs) open on both, through A's main, the newsroom server and B's main (web mode, Chromium); ${desk.measured.length} keys each, a key every ${GAP_MIN_MS}–${GAP_MIN_MS + GAP_SPREAD_MS} ms; load ${loadBefore} before, ${load()} after${HOPS ? '; through the hop proxy' : ''}`,
    );
    console.log(line('desk A → desk B', deskLatency));
    console.log(line('baseline: page → ws relay → page', baseLatency));
    console.log(`  ratio p50 ${(pct(deskLatency, 0.5) / pct(baseLatency, 0.5)).toFixed(1)}×, p95 ${(pct(deskLatency, 0.95) / pct(baseLatency, 0.95)).toFixed(1)}× (goal: p95 < 150 ms)`);
    console.log(line("desk A's own key to paint meanwhile", ownPaint));
    console.log(`  desk A's page, main-thread work per key (its sends and their answers included): ${desk.perKey()}`);
    console.log(`  article:update calls from A while typing: ${measuredSends} for ${desk.measured.length} keys (clock skew between pages ≤ ${f1(drift)} ms over the run)`);

    // Where the time goes, key by key (each key's part of the path, on this process's clock).
    const parts = desk.measured.map((k) => {
      const key = a.keys[k]! - offA;
      const handled = a.handled[k]!;
      const sent = (a.sends.find((t) => t >= handled) ?? NaN) - offA;
      const up = proxies.length ? passageOf(proxies[0]!.up, marks.up, k + 1) : NaN;
      const down = proxies.length ? passageOf(proxies[1]!.down, marks.down, k + 1) : NaN;
      const received = b.arrivedBy[k]! - offB;
      const painted = b.arrived[k]! - offB;
      return { key, sent, up, down, received, painted };
    });
    console.log('  where the time goes (per key):');
    console.log(line("A's page: key → article:update call", parts.map((p) => p.sent - p.key)));
    console.log(line('  of which: key → its paint on A', ownPaint));
    const firstSend = a.sends.findIndex((t) => t >= a.handled[desk.measured[0]!]!);
    const acks = a.sends.slice(firstSend, firstSend + measuredSends).map((t, i) => a.answers[firstSend + i]! - t);
    console.log(line("  A's main: article:update answered (saved)", acks));
    if (proxies.length) {
      console.log(line("A's main: call → frame to the server", parts.map((p) => p.up - p.sent)));
      console.log(line('server: frame in → frame out to B (2 proxy hops)', parts.map((p) => p.down - p.up)));
      console.log(line("B's main: frame in → event at B's page", parts.map((p) => p.received - p.down)));
    } else {
      console.log(line("A's main → server → B's main → B's page", parts.map((p) => p.received - p.sent)));
    }
    console.log(line("B's page: event → painted", parts.map((p) => p.painted - p.received)));
  } finally {
    await browser?.close();
    await relay?.close();
    await Promise.all(desks.map((d) => d.stop().catch(() => undefined)));
    await Promise.all(proxies.map((p) => p.close()));
    await server?.kill('SIGTERM');
    await fs.rm(temp, { recursive: true, force: true });
  }
}
