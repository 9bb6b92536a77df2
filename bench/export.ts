/**
 * Exporting an article with 50 photos of about 5 MB against `zip -0` of the same stored files in
 * the same run (the goal: at most 1.3× its time, memory flat in the number of photos). Reports
 * the export's time and its peak memory above the process's resting size (RSS sampled every
 * 5 ms, and V8's heap), for 10 and for 50 photos, so a package held whole in memory would show
 * as growth with the count. The baseline's own peak memory is read from /usr/bin/time when
 * present. `BENCH_EXPORT_COUNTS=20` (comma-separated) measures other counts. When `zip` is not installed, the baseline is a plain stream copy of the same bytes
 * into one file (said so in the output).
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { headline, setBodyLines, setText } from '../src-shared/article-doc';
import { addPhoto } from '../src-shared/article-photos';
import type { PhotoFacts } from '../src-shared/photos';
import { openDesk, type Desk } from '../src-main/services/desk';
import { exportPackage, exportServicesOf } from '../src-main/services/export/package';

const TARGET_BYTES = 5 * 1024 * 1024;
const COUNTS = (process.env.BENCH_EXPORT_COUNTS ? process.env.BENCH_EXPORT_COUNTS.split(",").map(Number) : [10, 50]) as readonly number[];
const run = promisify(execFile);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
const f1 = (n: number) => n.toFixed(1);
const RUNS = 3;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A noisy JPEG of about TARGET_BYTES, then `n` distinct copies (a JPEG comment after SOI names each). */
async function photos(dir: string, n: number): Promise<string[]> {
  let side = 2600;
  let base: Buffer;
  for (;;) {
    base = await sharp({ create: { width: side, height: Math.round(side * 0.66), channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 120, sigma: 45 } } }).jpeg({ quality: 92 }).toBuffer();
    if (base.length >= TARGET_BYTES * 0.9) break;
    side = Math.round(side * Math.sqrt((TARGET_BYTES / base.length) * 1.05));
  }
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const note = Buffer.from(`bench export photo ${i}`);
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(note.length + 2, 2);
    const file = path.join(dir, `DSC_${String(1000 + i)}.JPG`);
    await fs.writeFile(file, Buffer.concat([base.subarray(0, 2), com, note, base.subarray(2)]));
    files.push(file);
  }
  return files;
}

/** An article holding `files` as its photos, each with captions in both languages and a credit. */
async function article(desk: Desk, files: readonly string[]): Promise<{ id: string; stored: string[] }> {
  const stored: string[] = [];
  const facts: PhotoFacts[] = [];
  for (const file of files) {
    const f = await desk.photos.put(await fs.readFile(file), path.basename(file));
    facts.push(f);
    stored.push(desk.photos.originalPath(f.id, f.kind));
  }
  const { id } = await desk.articles.create({ language: 'vi', byline: 'Minh Thư', section: 'Thời sự' }, (doc) => {
    setText(headline(doc), 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026');
    setBodyLines(doc, Array.from({ length: 12 }, (_, i) => `Đoạn ${i + 1}: các tổ công nghệ số cộng đồng hướng dẫn người dân sử dụng dịch vụ công trực tuyến.`));
    facts.forEach((f, i) => addPhoto(doc, f, { captions: { vi: `Ảnh ${i + 1} tại hội nghị`, en: `Photo ${i + 1} at the conference` }, credit: 'Minh Thư', creator: 'Minh Thư' }, 'vi'));
  });
  return { id, stored };
}

/**
 * Runs `fn` while sampling RSS every 5 ms; returns its time, the CPU time of the whole process
 * (every thread: user + system), and the peak RSS and heap above what they were before.
 */
async function measured(fn: () => Promise<unknown>): Promise<{ ms: number; cpu: number; rss: number; heap: number }> {
  global.gc?.();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  let rss = rss0;
  let heap = heap0;
  const timer = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const took = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  rss = Math.max(rss, process.memoryUsage.rss());
  return { ms: took, cpu: (cpu.user + cpu.system) / 1000, rss: rss - rss0, heap: Math.max(0, heap - heap0) };
}

/** The baseline over the same stored files: `zip -0` (with its CPU time and peak RSS from /usr/bin/time), or a stream copy when zip is absent. */
async function baseline(files: readonly string[], out: string): Promise<{ what: string; ms: number; cpu: number | null; rss: number | null }> {
  const zip = ['/usr/bin/zip', '/bin/zip'].find((p) => existsSync(p));
  if (zip) {
    const time = existsSync('/usr/bin/time');
    const t0 = process.hrtime.bigint();
    const { stderr } = time ? await run('/usr/bin/time', ['-f', '%M %U %S', zip, '-0', '-q', '-j', out, ...files]) : await run(zip, ['-0', '-q', '-j', out, ...files]);
    const took = ms(t0);
    const [kb, user, system] = time ? (stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
    return { what: 'zip -0', ms: took, cpu: user !== undefined && system !== undefined && Number.isFinite(user + system) ? (user + system) * 1000 : null, rss: kb !== undefined && Number.isFinite(kb) ? kb * 1024 : null };
  }
  const t0 = process.hrtime.bigint();
  const sink = createWriteStream(out);
  for (const f of files) await pipeline(createReadStream(f), sink, { end: false });
  sink.end();
  await new Promise<void>((r) => sink.on('close', () => r()));
  return { what: 'stream copy (zip is not installed)', ms: ms(t0), cpu: null, rss: null };
}

export async function exportBench(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-export-'));
  const desk = await openDesk({ dataDir: path.join(root, 'desk'), mode: 'cli', version: 'bench' });
  try {
    const source = path.join(root, 'source');
    await fs.mkdir(source);
    const all = await photos(source, Math.max(...COUNTS));
    const size = (await fs.stat(all[0]!)).size;
    const services = exportServicesOf(desk, 'bench');
    console.log(`\nexport: an article with photos of ${mib(size)} MB (XMP written into each JPEG's header by the desk, image data streamed from the stored original into the ZIP, stored, SHA-256 on two threads) vs the baseline on the same stored files`);
    for (const n of COUNTS) {
      const { id, stored } = await article(desk, all.slice(0, n));
      // Warm the page cache for both sides alike.
      for (const f of stored) await fs.readFile(f);
      // Three runs of each, alternating; the median time and the highest peak are reported.
      const bases: Array<Awaited<ReturnType<typeof baseline>>> = [];
      const runs: Array<Awaited<ReturnType<typeof measured>>> = [];
      const out = path.join(root, `export-${n}.zip`);
      for (let r = 0; r < RUNS; r++) {
        await fs.rm(path.join(root, `baseline-${n}.zip`), { force: true });
        bases.push(await baseline(stored, path.join(root, `baseline-${n}.zip`)));
        // Both start without their output file: replacing the last run's package made the
        // export's rename free its hundreds of megabytes inside the measured time (~0.3 s).
        await fs.rm(out, { force: true });
        runs.push(await measured(() => exportPackage(services, id, out)));
      }
      const base = { ...bases[0]!, ms: median(bases.map((b) => b.ms)), cpu: bases.every((b) => b.cpu !== null) ? median(bases.map((b) => b.cpu!)) : null, rss: bases.every((b) => b.rss !== null) ? Math.max(...bases.map((b) => b.rss!)) : null };
      const desk0 = { ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)), rss: Math.max(...runs.map((r) => r.rss)), heap: Math.max(...runs.map((r) => r.heap)) };
      const zipSize = (await fs.stat(out)).size;
      console.log(`  ${n} photos (${mib(zipSize)} MiB package): export ${f1(desk0.ms)} ms vs ${base.what} ${f1(base.ms)} ms (medians of ${RUNS}) → ${(desk0.ms / base.ms).toFixed(2)}×`);
      console.log(`    CPU time (all threads, user + system): export ${f1(desk0.cpu)} ms${base.cpu !== null ? ` vs ${base.what} ${f1(base.cpu)} ms → ${(desk0.cpu / base.cpu).toFixed(2)}×` : ''}; load average ${os.loadavg()[0]!.toFixed(2)}`);
      console.log(`    peak memory above rest: RSS +${mib(desk0.rss)} MiB, heap +${mib(desk0.heap)} MiB${base.rss !== null ? `; ${base.what} peak RSS ${mib(base.rss)} MiB` : ''}`);
      await fs.rm(out, { force: true });
      await fs.rm(path.join(root, `baseline-${n}.zip`), { force: true });
    }
  } finally {
    await desk.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}
