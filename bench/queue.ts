/**
 * The editors' queue with 10,000 articles on the newsroom server, 2,000 of them waiting for an
 * editor (queue-seed.ts), seen from an editor's web-mode desk in Chromium that holds every
 * article, received through its own first sync at login: against the library list of the same
 * articles on the same desk, in the same run.
 *
 * - First paint of the queue: from the route changing to `#/queue` (from the settings page, as
 *   the header link does) to the first task after the animation frame in which the table shows
 *   its rows — the page asks main (`workflow:queue`), main asks the server (GET /api/queue),
 *   React renders the rows.
 * - A new arrival: a reporter submits a complete draft through the API; from the request sent
 *   to the frame that paints its row on the queue page left open (no reload): the server's move
 *   reaches the desk through sync, the desk tells the page (`workflow:changed`), the page asks
 *   for the queue again. The pages' clocks are put on this process's clock by round trips.
 * - The baseline: first paint of the library (`#/`), its 10,000 rows read from the desk's own
 *   index, no server involved.
 *
 * Also printed: the server's GET /api/queue alone, the first after its start and then, against
 * GET /api/directory of the same articles; and the desk's `workflow:queue` and `library:list`
 * calls from the page, and the desk's first sync of the 10,000 articles (from the login to
 * synced, every article held). It needs the built renderer (`npm run build`) and Chromium.
 *
 * Setup (seeding, then that first sync: minutes) is made once and kept in a cache folder
 * (BENCH_QUEUE_CACHE, by default in the system's temporary folder; made again when queue-seed.ts
 * changes, or with BENCH_QUEUE_FRESH=1): the server's data folder and the editor's desk as its
 * first sync left it, with the server's port (the desk's account names it). Each run works on a
 * copy of both: the server restarted on that port, the desk restarted and synced again against
 * it (every article checked against the server's directory), as an editor's desk is the next
 * morning.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { decodeWire } from '../src-shared/wire';
import { launchChromium, newPage } from '../test/e2e/support/browser';
import { startWebDesk, type WebDesk } from '../test/e2e/support/web-desk';
import { api, login, spawnServer, type ServerChild } from '../test/support/server';
import { ARTICLES, EDITOR, REPORTER_PASSWORD, seedNewsroom, type Seeded } from './queue-seed';

/** Measured runs of each page, taking turns, after WARM_UP unmeasured ones. */
const RUNS = Number(process.env.BENCH_QUEUE_RUNS) || 9;
const WARM_UP = 2;
/** Server and desk calls timed directly. */
const CALLS = 15;
const SYNC_TIMEOUT_MS = 20 * 60_000;
const CACHE = process.env.BENCH_QUEUE_CACHE || path.join(os.tmpdir(), 'bantin-bench-queue-cache');

const exec = promisify(execFile);
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: readonly number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const f0 = (n: number) => n.toFixed(0);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
/** Where the setup is, on stderr: it takes minutes. */
const progress = (what: string) => process.stderr.write(`queue bench: ${what} (${new Date().toISOString().slice(11, 19)})\n`);
const line = (label: string, values: readonly number[]) => `  ${label.padEnd(58)} p50 ${f0(pct(values, 0.5)).padStart(6)} ms  p95 ${f0(pct(values, 0.95)).padStart(6)} ms  (${values.length} runs)`;

/** tsx keeps function names (`__name(fn, "name")`); the functions below run in the page, where that helper must exist too. */
const KEEP_NAMES = 'globalThis.__name ??= (fn) => fn;';

/**
 * In the page: changes the route to `hash` and resolves, on the page's clock, with the first
 * task after the frame that paints an element matching `selector` (looked for at every DOM
 * change), and the time the route changed.
 */
function paintAfterRoute([hash, selector]: readonly [string, string]): Promise<{ start: number; painted: number }> {
  const now = () => performance.timeOrigin + performance.now();
  return new Promise((resolve) => {
    let start = 0;
    const seen = () => {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ start, painted: now() });
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => document.querySelector(selector) && seen());
    observer.observe(document.body, { childList: true, subtree: true });
    start = now();
    location.hash = hash;
  });
}

/** In the page: from now on, notes (on the page's clock) the paint of the first frame showing `selector`. */
function watchFor(selector: string): void {
  const w = window as unknown as { __arrived?: number };
  delete w.__arrived;
  const now = () => performance.timeOrigin + performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (w.__arrived = now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
}

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

/** Calls an operation of the desk from its page, as the page's transport does; throws on a refusal. */
async function call<T>(page: Page, op: string, input: unknown): Promise<T> {
  const text = await page.evaluate(
    async ([o, i]) => (await fetch(`/api/call/${o}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).text(),
    [op, input] as const,
  );
  const envelope = decodeWire(text) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${op}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Waits until the desk is synced (every article checked against the server) and holds every article. */
async function syncedWithAll(page: Page): Promise<void> {
  const t0 = Date.now();
  let told = 0;
  for (;;) {
    const status = await call<{ state: string; pending: string[] }>(page, 'sync:status', {});
    if (status.state === 'synced' && status.pending.length === 0) {
      const held = (await call<unknown[]>(page, 'library:list', { trashed: false })).length;
      if (held >= ARTICLES) return;
      throw new Error(`the desk is synced with ${held} articles`);
    }
    if (Date.now() - told > 30_000) {
      told = Date.now();
      progress(`syncing: ${(await call<unknown[]>(page, 'library:list', { trashed: false })).length} articles held`);
    }
    if (status.state === 'error' || Date.now() - t0 > SYNC_TIMEOUT_MS) throw new Error(`the desk did not sync: ${JSON.stringify({ ...status, pending: status.pending.length })}`);
    await sleep(2_000);
  }
}

async function settingsShown(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.waitForSelector('.page--settings');
}

/**
 * Times a call of the desk `times` times in the page, as its transport makes one: the request,
 * the answer read and parsed (ms). (Handing the answer, megabytes, back to this process would
 * add its own time.)
 */
async function timedInPage(page: Page, times: number, op: string, input: unknown): Promise<number[]> {
  return page.evaluate(
    async ([o, i, n]) => {
      const out: number[] = [];
      for (let k = 0; k < n; k++) {
        const t0 = performance.now();
        JSON.parse(await (await fetch(`/api/call/${o}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).text());
        out.push(performance.now() - t0);
      }
      return out;
    },
    [op, input, times] as const,
  );
}

/** Times one call `times` times (ms). */
async function timed(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = clock();
    await work();
    out.push(clock() - t0);
  }
  return out;
}

/** What the cache folder holds besides the two data folders (written last: a cache without it is not used). */
interface Made {
  /** The seed's source it was made from. */
  readonly key: string;
  readonly port: number;
  readonly seeded: Seeded;
  /** The seeding and the desk's first sync when the cache was made (ms), and when. */
  readonly seeding: number;
  readonly syncing: number;
  readonly madeAt: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The cache (seeded server, editor's desk after its first sync), made now when missing or stale. */
async function prepared(browser: Browser): Promise<Made & { fresh: boolean }> {
  const key = createHash('sha256')
    .update(await fs.readFile(new URL('./queue-seed.ts', import.meta.url)))
    .update(String(WARM_UP + RUNS))
    .digest('hex');
  const meta = path.join(CACHE, 'made.json');
  if (!process.env.BENCH_QUEUE_FRESH) {
    const kept = await fs.readFile(meta, 'utf8').then((t) => JSON.parse(t) as Made, () => null);
    if (kept?.key === key) return { ...kept, fresh: false };
  }
  progress(`making the cache in ${CACHE}: seeding, then the desk's first sync (minutes)`);
  await fs.rm(CACHE, { recursive: true, force: true });
  const dirs = { server: path.join(CACHE, 'server'), desk: path.join(CACHE, 'desk') };
  await Promise.all(Object.values(dirs).map((d) => fs.mkdir(d, { recursive: true })));
  let t0 = Date.now();
  const seeded = await seedNewsroom(dirs.server, WARM_UP + RUNS);
  const seeding = Date.now() - t0;
  progress('seeded');
  const port = await freePort();
  const server = await spawnServer(dirs.server, {}, port);
  let desk: WebDesk | null = null;
  try {
    // The editor's desk, empty, logged in: its first sync brings every article.
    desk = await startWebDesk(dirs.desk);
    const { page } = await newPage(browser);
    // On a light page while it syncs: the library is read again at every batch received.
    await page.goto(`${desk.url}#/settings`);
    t0 = Date.now();
    await call(page, 'sync:login', { server: server.url, user: EDITOR.name, password: EDITOR.password });
    await syncedWithAll(page);
    const syncing = Date.now() - t0;
    progress('desk synced');
    await page.close();
    await desk.stop();
    desk = null;
    const made: Made = { key, port, seeded, seeding, syncing, madeAt: new Date().toISOString() };
    await fs.writeFile(meta, JSON.stringify(made));
    return { ...made, fresh: true };
  } finally {
    await desk?.stop().catch(() => undefined);
    await server.kill('SIGTERM');
  }
}

export async function queueBench(): Promise<void> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-queue-'));
  const dirs = { server: path.join(temp, 'server'), desk: path.join(temp, 'desk') };
  let server: ServerChild | null = null;
  let desk: WebDesk | null = null;
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const made = await prepared(browser);
    const { seeded } = made;
    // A copy of both: the run's submissions leave the cache as it was. `cp -a`: the files' times
    // to the nanosecond (the desk re-reads every article whose file's time differs from its index
    // entry's; fs.cp's preserveTimestamps rounds them).
    for (const d of ['server', 'desk'] as const) await exec('cp', ['-a', path.join(CACHE, d), dirs[d]]);
    try {
      server = await spawnServer(dirs.server, {}, made.port);
    } catch (err) {
      throw new Error(`the server could not start on port ${made.port}, which the cached desk's account names: free it, or make the cache again (BENCH_QUEUE_FRESH=1)`, { cause: err });
    }
    const url = server.url;
    const editor = await login(url, EDITOR.name, EDITOR.password);

    // The server alone: its first queue after starting, then again, against the directory.
    let t0 = Date.now();
    const first = await api(url, 'GET', '/api/queue', { token: editor });
    const firstQueue = Date.now() - t0;
    const listed = (first.json.articles as unknown[] | undefined)?.length ?? 0;
    if (first.status !== 200 || listed !== seeded.waiting) throw new Error(`GET /api/queue: ${first.status}, ${listed} articles (expected ${seeded.waiting})`);
    const serverQueue = await timed(CALLS, () => api(url, 'GET', '/api/queue', { token: editor }));
    const serverDirectory = await timed(CALLS, () => api(url, 'GET', '/api/directory', { token: editor }));

    // The editor's desk, started again: it checks every article against the server.
    t0 = Date.now();
    desk = await startWebDesk(dirs.desk);
    const { page } = await newPage(browser);
    page.setDefaultTimeout(120_000);
    await page.addInitScript(KEEP_NAMES);
    await page.goto(`${desk.url}#/settings`);
    await syncedWithAll(page);
    const restarted = Date.now() - t0;
    progress('desk synced');

    const deskQueue = await timedInPage(page, CALLS, 'workflow:queue', {});
    const deskLibrary = await timedInPage(page, CALLS, 'library:list', { trashed: false });

    // First paints, the queue and the library taking turns.
    const queuePaints: number[] = [];
    const libraryPaints: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      for (const [hash, selector, into] of run % 2 === 0
        ? ([['#/queue', '.queue__table tbody tr:not([data-spacer])', queuePaints], ['#/', '.page--library table.articles tbody tr:not([data-spacer])', libraryPaints]] as const)
        : ([['#/', '.page--library table.articles tbody tr:not([data-spacer])', libraryPaints], ['#/queue', '.queue__table tbody tr:not([data-spacer])', queuePaints]] as const)) {
        await settingsShown(page);
        await sleep(300);
        const { start, painted } = await Promise.race([
          page.evaluate(paintAfterRoute, [hash, selector] as const),
          sleep(120_000).then(async () => {
            // What the desk answers now, to tell a slow answer from answers the page drops.
            const asked = clock();
            await call(page, hash === '#/queue' ? 'workflow:queue' : 'library:list', hash === '#/queue' ? {} : { trashed: false });
            const answered = clock() - asked;
            const status = await call<{ state: string; pending: string[] }>(page, 'sync:status', {});
            throw new Error(`${selector} not shown on ${hash} within 2 minutes (the page's call answered now in ${f0(answered)} ms; sync ${status.state}, ${status.pending.length} pending; load ${load()}): ${await page.evaluate(() => document.body.innerText.slice(-300))}`);
          }),
        ]);
        if (run >= WARM_UP) into.push(painted - start);
      }
    }
    progress('first paints measured');

    // New arrivals, on the queue page left open.
    await settingsShown(page);
    await page.evaluate(() => (location.hash = '#/queue'));
    await page.waitForSelector('.queue__table tbody tr:not([data-spacer])');
    const rowsShown = await page.evaluate(() => document.querySelectorAll('.queue__table tbody tr:not([data-spacer])').length);
    const tokens = new Map<string, string>();
    const arrivals: number[] = [];
    const answers: number[] = [];
    for (const [k, draft] of seeded.drafts.entries()) {
      const token = tokens.get(draft.reporter) ?? (await login(url, draft.reporter, REPORTER_PASSWORD));
      tokens.set(draft.reporter, token);
      await sleep(1_000); // the previous arrival's refreshes are over
      const offset = await clockOffset(page);
      await page.evaluate(watchFor, `.queue__table tbody tr[data-id="${draft.id}"]`);
      const sent = clock();
      const answer = await api(url, 'POST', `/api/articles/${draft.id}/transitions`, { token, json: { to: 'submitted', expected: 'draft' } });
      const answered = clock();
      if (answer.status !== 200) throw new Error(`submit ${draft.id}: ${answer.status} ${JSON.stringify(answer.json)}`);
      const painted = await page.waitForFunction(() => (window as unknown as { __arrived?: number }).__arrived, undefined, { polling: 20, timeout: 60_000 });
      if (k >= WARM_UP) {
        arrivals.push(((await painted.jsonValue()) as number) - offset - sent);
        answers.push(answered - sent);
      }
    }

    const ratio = (a: readonly number[], b: readonly number[], p: number) => (pct(a, p) / pct(b, p)).toFixed(2);
    console.log(
      `editors' queue: ${ARTICLES.toLocaleString('en')} articles on the server, ${seeded.waiting.toLocaleString('en')} waiting (${rowsShown.toLocaleString('en')} rows in the page, the others stood in for); an editor's web-mode desk in Chromium holding them all; load ${load()}`,
    );
    console.log(
      `  setup${made.fresh ? '' : ` (cached, made ${made.madeAt.slice(0, 16).replace('T', ' ')} UTC)`}: seeding ${f0(made.seeding / 1000)} s; the desk's first sync of every article (login → synced) ${f0(made.syncing / 1000)} s`,
    );
    console.log(`  the desk started again with every article: start → synced (every article checked against the server) ${f0(restarted / 1000)} s`);
    console.log(`  server: first GET /api/queue after its start ${f0(firstQueue)} ms${made.fresh ? ' (its data just made: the cache was made by this run)' : ''}`);
    console.log(line('server: GET /api/queue', serverQueue));
    console.log(line('server: GET /api/directory (10,000 articles)', serverDirectory));
    console.log(line("desk: workflow:queue in the page (main asks the server)", deskQueue));
    console.log(line('desk: library:list in the page', deskLibrary));
    console.log(line('(a) first paint of the queue (#/queue → rows painted)', queuePaints));
    console.log(line('(b) a new arrival (submitted by API → its row painted)', arrivals));
    console.log(line('    of which the server answering the submission', answers));
    console.log(line('(c) baseline: first paint of the library (#/ → rows painted)', libraryPaints));
    console.log(`  ratio queue/library p50 ${ratio(queuePaints, libraryPaints, 0.5)}×, p95 ${ratio(queuePaints, libraryPaints, 0.95)}×; arrival/library p50 ${ratio(arrivals, libraryPaints, 0.5)}×, p95 ${ratio(arrivals, libraryPaints, 0.95)}×`);
  } finally {
    await browser?.close();
    await desk?.stop().catch(() => undefined);
    await server?.kill('SIGTERM');
    await fs.rm(temp, { recursive: true, force: true });
  }
}
