/**
 * Importing a camera card: 100 photos of about 5 MB, one after another as the photos panel
 * sends them, against `cp` of the same files in the same run. Reports the time to the first
 * stored photo with its thumbnail, the total, and what a writer typing meanwhile sees: the
 * time for an edit to be acknowledged on disk (article:update) while the import runs, against
 * the same edits with the desk idle, and the main event loop's delay.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import sharp from 'sharp';
import * as Y from 'yjs';
import { headline, setText } from '../src-shared/article-doc';
import { openDesk, type Desk } from '../src-main/services/desk';

const PHOTOS = 100;
const TARGET_BYTES = 5 * 1024 * 1024;
const TYPE_EVERY_MS = 40;

const run = promisify(execFile);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const f1 = (n: number) => n.toFixed(1);

/** A noisy photo of about TARGET_BYTES, then PHOTOS distinct copies (a JPEG comment after SOI names each). */
async function card(dir: string): Promise<string[]> {
  let side = 2600;
  let base: Buffer;
  for (;;) {
    base = await sharp({ create: { width: side, height: Math.round(side * 0.66), channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 120, sigma: 45 } } })
      .jpeg({ quality: 92 })
      .toBuffer();
    if (base.length >= TARGET_BYTES * 0.9) break;
    side = Math.round(side * Math.sqrt((TARGET_BYTES / base.length) * 1.05));
  }
  const files: string[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const note = Buffer.from(`bench photo ${i}`);
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(note.length + 2, 2);
    const file = path.join(dir, `DSC_${String(1000 + i)}.JPG`);
    await fs.writeFile(file, Buffer.concat([base.subarray(0, 2), com, note, base.subarray(2)]));
    files.push(file);
  }
  return files;
}

/** Types one character every TYPE_EVERY_MS into an article until `stop` resolves; returns each edit's time to acknowledgement. */
async function typist(desk: Desk, id: string, stop: Promise<unknown>): Promise<number[]> {
  const opened = await desk.dispatch('article:open', { id }, { client: 'bench' });
  if (!opened.ok) throw new Error(opened.error.code);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (opened.value as { state: Uint8Array }).state);
  let done = false;
  void stop.then(() => (done = true));
  const latencies: number[] = [];
  let text = '';
  while (!done) {
    const before = Y.encodeStateVector(doc);
    text += 'a';
    setText(headline(doc), text);
    const update = Y.encodeStateAsUpdate(doc, before);
    const t0 = process.hrtime.bigint();
    const res = await desk.dispatch('article:update', { id, update }, { client: 'bench' });
    if (!res.ok) throw new Error(res.error.code);
    latencies.push(ms(t0));
    await new Promise((r) => setTimeout(r, TYPE_EVERY_MS));
  }
  return latencies;
}

export async function photoImport(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-photos-'));
  try {
    const cardDir = path.join(root, 'card');
    await fs.mkdir(cardDir);
    const files = await card(cardDir);
    const size = (await fs.stat(files[0]!)).size;

    // Baseline: cp of the same files into an empty folder.
    const copyDir = path.join(root, 'copy');
    await fs.mkdir(copyDir);
    const c0 = process.hrtime.bigint();
    await run('cp', [...files, copyDir]);
    const cpMs = ms(c0);

    const desk = await openDesk({ dataDir: path.join(root, 'desk'), mode: 'cli', version: 'bench' });
    try {
      const create = async () => {
        const res = await desk.dispatch('article:create', { language: 'vi' }, { client: 'bench' });
        if (!res.ok) throw new Error(res.error.code);
        return (res.value as { id: string }).id;
      };
      const photoArticle = await create();
      const typedArticle = await create();

      // Typing with the desk idle, for a baseline of the same edits.
      const idle = await typist(desk, typedArticle, new Promise((r) => setTimeout(r, 3000)));

      const loop = monitorEventLoopDelay({ resolution: 5 });
      let firstMs = NaN;
      const t0 = process.hrtime.bigint();
      loop.enable();
      const importing = (async () => {
        for (const file of files) {
          const bytes = await fs.readFile(file);
          const res = await desk.dispatch('photo:add', { id: photoArticle, name: path.basename(file), bytes }, { client: 'bench' });
          if (!res.ok) throw new Error(`${res.error.code} ${JSON.stringify(res.error.params)}`);
          if (Number.isNaN(firstMs)) firstMs = ms(t0);
        }
      })();
      const busy = await typist(desk, typedArticle, importing);
      await importing;
      const totalMs = ms(t0);
      loop.disable();

      console.log(`\nphoto import: ${PHOTOS} JPEGs of ${f1(size / 1024 / 1024)} MB, one at a time (hash, pixel check, full decode, WebP thumbnail, EXIF, durable writes)`);
      console.log(`  first photo stored with its thumbnail: ${f1(firstMs)} ms`);
      console.log(`  all ${PHOTOS}: ${f1(totalMs)} ms (${f1(totalMs / PHOTOS)} ms a photo) vs cp of the same files: ${f1(cpMs)} ms → ${f1(totalMs / cpMs)}×`);
      console.log(`  an edit acknowledged on disk while importing: p50 ${f1(pct(busy, 0.5))} ms, p95 ${f1(pct(busy, 0.95))} ms (${busy.length} edits) vs idle: p50 ${f1(pct(idle, 0.5))} ms, p95 ${f1(pct(idle, 0.95))} ms → ${f1(pct(busy, 0.95) / pct(idle, 0.95))}× at p95`);
      console.log(`  main event loop delay while importing: p50 ${f1(loop.percentile(50) / 1e6)} ms, p99 ${f1(loop.percentile(99) / 1e6)} ms, max ${f1(loop.max / 1e6)} ms`);
    } finally {
      await desk.close();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
