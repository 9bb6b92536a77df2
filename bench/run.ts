/**
 * Benchmarks of the store and the editor, each against a baseline measured in the same run.
 * Prints figures and ratios; never fails on a timing. `npm run bench`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { body, headline, setBodyLines, setText } from '../src-shared/article-doc';
import { openDesk } from '../src-main/services/desk';
import { DESK_FILE } from '../src-main/services/desk-store';
import { searchBench } from './search';
import { photoImport } from './photos';
import { exportBench } from './export';
import { keystrokeLatency } from './keystroke';
import { syncCeiling, syncFanout } from './sync-fanout';
import { syncReconnect } from './sync-reconnect';
import { liveTyping } from './live-typing';
import { queueBench } from './queue';
import { spellcheckBench } from './spellcheck';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const WORDS = 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm mới tại các xã vùng cao'.split(' ');

function paragraphs(words: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words; i += 80) out.push(Array.from({ length: 80 }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' '));
  return out;
}

async function tmp(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-'));
}

/** Keystroke saves on a 10,000-word article: ack latency vs a bare write+fsync of the same bytes. */
async function saveLatency(): Promise<void> {
  const dir = await tmp();
  const desk = await openDesk({ dataDir: dir, mode: 'cli', version: 'bench' });
  const { id } = await desk.articles.create({ language: 'vi' }, (doc) => setBodyLines(doc, paragraphs(10_000)));
  const opened = await desk.dispatch('article:open', { id }, { client: 'bench' });
  if (!opened.ok) throw new Error('open failed');
  const replica = new Y.Doc();
  Y.applyUpdate(replica, (opened.value as { state: Uint8Array }).state, 'remote');
  const updates: Uint8Array[] = [];
  replica.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && updates.push(u));
  const acks: number[] = [];
  for (let i = 0; i < 200; i++) {
    setText(headline(replica), `Tít ${i}`);
    const update = updates.pop()!;
    const t0 = process.hrtime.bigint();
    const res = await desk.dispatch('article:update', { id, update }, { client: 'bench' });
    if (!res.ok) throw new Error('update failed');
    acks.push(ms(t0));
  }
  const bytes = Y.encodeStateAsUpdate(replica);
  const raw: number[] = [];
  const file = path.join(dir, 'raw.bin');
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    const h = await fs.open(file, 'w');
    await h.writeFile(bytes);
    await h.sync();
    await h.close();
    raw.push(ms(t0));
  }
  console.log(`save ack, 10,000-word article (${(bytes.length / 1024).toFixed(0)} KiB state, ${body(replica).length} paragraphs), 200 edits`);
  console.log(`  desk  p50 ${pct(acks, 0.5).toFixed(2)} ms  p95 ${pct(acks, 0.95).toFixed(2)} ms`);
  console.log(`  baseline write+fsync  p50 ${pct(raw, 0.5).toFixed(2)} ms  p95 ${pct(raw, 0.95).toFixed(2)} ms`);
  console.log(`  ratio p50 ${(pct(acks, 0.5) / pct(raw, 0.5)).toFixed(2)}×`);
  await desk.close();
  await fs.rm(dir, { recursive: true, force: true });
}

/** Opening a library of 2,000 articles, with its index and after losing it, vs reading the files raw. */
async function libraryOpen(): Promise<void> {
  const dir = await tmp();
  const n = 2000;
  const desk = await openDesk({ dataDir: dir, mode: 'cli', version: 'bench' });
  for (let i = 0; i < n; i++) {
    await desk.articles.create({ language: 'vi' }, (doc) => {
      setText(headline(doc), `${WORDS[i % WORDS.length]} ${i}`);
      setBodyLines(doc, paragraphs(400));
    });
  }
  await desk.close();

  let t0 = process.hrtime.bigint();
  const names = await fs.readdir(path.join(dir, 'articles'));
  await Promise.all(names.map((f) => fs.stat(path.join(dir, 'articles', f))));
  JSON.parse(await fs.readFile(path.join(dir, DESK_FILE), 'utf8'));
  const baseIndexed = ms(t0);

  t0 = process.hrtime.bigint();
  const warm = await openDesk({ dataDir: dir, mode: 'cli', version: 'bench' });
  const listed = warm.articles.list(false).length;
  const indexed = ms(t0);
  await warm.close();

  t0 = process.hrtime.bigint();
  for (const f of names.filter((x) => x.endsWith('.ydoc'))) Y.applyUpdate(new Y.Doc(), await fs.readFile(path.join(dir, 'articles', f)));
  const baseRebuild = ms(t0);

  await fs.rm(path.join(dir, DESK_FILE));
  await fs.rm(path.join(dir, DESK_FILE + '.bak'));
  t0 = process.hrtime.bigint();
  const cold = await openDesk({ dataDir: dir, mode: 'cli', version: 'bench' });
  const rebuilt = ms(t0);
  await cold.close();

  console.log(`library open, ${n} articles (${listed} listed)`);
  console.log(`  with index ${indexed.toFixed(0)} ms vs baseline readdir+stat+parse ${baseIndexed.toFixed(0)} ms: ${(indexed / baseIndexed).toFixed(2)}×`);
  console.log(`  index lost ${rebuilt.toFixed(0)} ms vs baseline decoding every file ${baseRebuild.toFixed(0)} ms: ${(rebuilt / baseRebuild).toFixed(2)}×`);
  await fs.rm(dir, { recursive: true, force: true });
}

const sync = async (): Promise<void> => {
  await syncReconnect();
  await syncFanout();
};

/** Each benchmark's steps; a step named by two benchmarks runs once. */
const BENCHMARKS = {
  save: [saveLatency],
  library: [libraryOpen],
  // Needs the built renderer (`npm run build`) and Chromium, as the end-to-end tests do.
  keystroke: [keystrokeLatency],
  search: [searchBench],
  photos: [photoImport],
  export: [exportBench],
  // The newsroom server: a reconnect after 1,000 offline edits; 50 desks on one article and 200 on 20, beside one busy core.
  sync: [sync],
  'sync-ceiling': [syncCeiling],
  // Live co-editing, desk to desk through the server (built renderer and Chromium too); then the
  // keystroke benchmark, since what makes the other desk see a key sooner must not slow the typist.
  live: [liveTyping, keystrokeLatency],
  // The editors' queue with 10,000 articles on the server, on an editor's desk in Chromium (built renderer).
  queue: [queueBench],
  // The spellchecker's engine on the 10,000-word article: building it, the whole article on opening, the work per key.
  spellcheck: [spellcheckBench],
} as const;
type BenchName = keyof typeof BENCHMARKS;
const isBench = (name: string): name is BenchName => Object.hasOwn(BENCHMARKS, name);

// `npm run bench` runs them all; `npm run bench -- keystroke search` only those named.
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !isBench(a));
if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
const chosen = asked.length > 0 ? asked.filter(isBench) : (Object.keys(BENCHMARKS) as BenchName[]);
const steps = new Set<() => Promise<void>>(chosen.flatMap((name) => BENCHMARKS[name]));
for (const step of steps) await step();
