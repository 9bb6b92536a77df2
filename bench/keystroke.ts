/**
 * Keystroke-to-paint latency in Chromium for a 10,000-word article: the desk's rich editor
 * (Tiptap + y-tiptap on the replica, through web mode) against plain ProseMirror without Yjs on
 * the same text, in the same run and the same browser, taking turns in blocks of keys. Also
 * the main-thread work per key of each, and the renderer's JS heap with that article open.
 * Prints figures; never fails on a timing.
 *
 * Latency of one key: from the keydown event's timestamp to the first task after the next
 * animation frame (the frame that paints the change), measured inside the page.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import * as Y from 'yjs';
import { body, bodyText, setBodyLines, setText, headline } from '../src-shared/article-doc';
import { addComment, anchorAt } from '../src-shared/comments';
import { SUGGEST_DELETE, SUGGEST_INSERT } from '../src-shared/suggestions';
import { openDesk } from '../src-main/services/desk';
import { launchChromium, newPage } from '../test/e2e/support/browser';
import { startWebDesk } from '../test/e2e/support/web-desk';

const WORDS = 'Sáng nay hội nghị trực tuyến toàn tỉnh Hà Giang triển khai nhiệm vụ công tác dân vận năm mới tại các xã vùng cao biên giới'.split(' ');
/** Keys measured in each editor, in blocks of BLOCK taking turns, after WARM_UP unmeasured ones. */
const KEYS = 300;
const BLOCK = 50;
const WARM_UP = 20;
// ASCII keys: each is one real keydown (Vietnamese letters arrive through an input method, without one).
const TYPED = 'mua lon keo dai khien nuoc song dang cao ';

function paragraphs(words: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words; i += 80) out.push(Array.from({ length: Math.min(80, words - i) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' '));
  return out;
}

const pct = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface Work {
  /** Main-thread time per key in scripts, style recalculation and layout (Chromium's own counters). */
  readonly script: number;
  readonly style: number;
  readonly layout: number;
  /** All the main thread's tasks, painting included. */
  readonly task: number;
}

type Metric = 'ScriptDuration' | 'RecalcStyleDuration' | 'LayoutDuration' | 'TaskDuration';

async function metrics(cdp: CDPSession): Promise<Record<Metric, number>> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  const pick = (name: string) => (all.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { ScriptDuration: pick('ScriptDuration'), RecalcStyleDuration: pick('RecalcStyleDuration'), LayoutDuration: pick('LayoutDuration'), TaskDuration: pick('TaskDuration') };
}

/**
 * Types into one editor and measures each key: its latency (from the keydown event's timestamp
 * to the first task after the next animation frame, measured inside the page) and, from
 * Chromium's own counters, how much main-thread work the keys cost (less sensitive to a busy
 * machine than wall-clock latency). With BENCH_CPU_PROFILE set, also writes a CPU profile of
 * the typing to `<that path>-<label>.cpuprofile`.
 */
class Typist {
  readonly latencies: number[] = [];
  private readonly work: Record<Metric, number> = { ScriptDuration: 0, RecalcStyleDuration: 0, LayoutDuration: 0, TaskDuration: 0 };
  private typed = 0;
  private measured = 0;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly label: string,
  ) {}

  /** Installs the in-page probe and puts the caret at the end of `selector`. */
  static async start(page: Page, selector: string, label: string): Promise<Typist> {
    await page.click(selector);
    await page.keyboard.press('Control+End');
    await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[] };
      w.__latencies = [];
      document.addEventListener(
        'keydown',
        (e) => {
          const t0 = e.timeStamp;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => w.__latencies.push(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        },
        true,
      );
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (process.env.BENCH_TRACE && label === 'desk') {
      const events: unknown[] = [];
      cdp.on('Tracing.dataCollected', (e) => void events.push(...e.value));
      (cdp as unknown as { traceEvents: unknown[] }).traceEvents = events;
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    if (process.env.BENCH_CPU_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    return new Typist(page, cdp, label);
  }

  /** Types `n` keys, one at a time, each once the previous one has painted, so no key waits behind another. */
  async type(n: number, measure: boolean): Promise<void> {
    const before = await metrics(this.cdp);
    const first = this.typed;
    for (let i = 0; i < n; i++, this.typed++) {
      const ch = TYPED[this.typed % TYPED.length]!;
      await this.page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await this.page.waitForFunction((k) => (window as unknown as { __latencies: number[] }).__latencies.length > k, this.typed, { polling: 5 });
    }
    if (!measure) return;
    const after = await metrics(this.cdp);
    for (const k of Object.keys(this.work) as Metric[]) this.work[k] += after[k] - before[k];
    this.measured += n;
    const all = await this.page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
    this.latencies.push(...all.slice(first, first + n));
  }

  perKey(): Work {
    const per = (k: Metric) => this.work[k] / Math.max(1, this.measured);
    return { script: per('ScriptDuration'), style: per('RecalcStyleDuration'), layout: per('LayoutDuration'), task: per('TaskDuration') };
  }

  async finish(): Promise<void> {
    const traceTo = process.env.BENCH_TRACE;
    if (traceTo && this.label === 'desk') {
      const done = new Promise<void>((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
      await this.cdp.send('Tracing.end');
      await done;
      await fs.writeFile(`${traceTo}-${this.label}.json`, JSON.stringify((this.cdp as unknown as { traceEvents: unknown[] }).traceEvents));
    }
    const profileTo = process.env.BENCH_CPU_PROFILE;
    if (profileTo) {
      const { profile } = await this.cdp.send('Profiler.stop');
      await fs.writeFile(`${profileTo}-${this.label}.cpuprofile`, JSON.stringify(profile));
    }
    await this.cdp.detach();
  }
}

const workLine = (w: Work) => `work per key: script ${w.script.toFixed(2)} ms, style ${w.style.toFixed(2)} ms, layout ${w.layout.toFixed(2)} ms; all tasks ${w.task.toFixed(2)} ms`;

async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * `count` open suggestions spread through the body, as suggestion mode stores them: every other
 * one a proposed word, the others a word proposed for removal, by two authors.
 */
function openSuggestions(doc: Y.Doc, count: number): void {
  const blocks = body(doc).length;
  for (let k = 0; k < count; k++) {
    const block = body(doc).get(Math.floor(((k + 0.5) * blocks) / count));
    const text = block instanceof Y.XmlElement ? block.get(0) : null;
    if (!(text instanceof Y.XmlText)) continue;
    const attrs = { id: `bench-${k}`, author: k % 3 ? 'bientap' : 'phongvien', at: Date.UTC(2022, 0, 13, 10, 53) };
    if (k % 2) text.format(10, 5, { [SUGGEST_DELETE]: attrs });
    else text.insert(10, ' đề xuất', { [SUGGEST_INSERT]: attrs });
  }
}

/** `count` open comment threads spread through the body, each on two words of a paragraph, by two authors. */
function openComments(doc: Y.Doc, count: number): void {
  const lines = bodyText(doc).split('\n\n');
  let offset = 0;
  const starts = lines.map((line) => {
    const at = offset;
    offset += line.length + 2;
    return at;
  });
  for (let k = 0; k < count; k++) {
    const n = Math.floor(((k + 0.5) * lines.length) / count);
    const line = lines[n] ?? '';
    const first = line.indexOf(' ') + 1;
    const end = line.indexOf(' ', line.indexOf(' ', first) + 1);
    const anchor = end > first ? anchorAt(doc, 'body', starts[n]! + first, starts[n]! + end) : null;
    if (anchor) addComment(doc, anchor, { author: k % 3 ? 'bientap' : 'phongvien', text: 'Kiểm tra lại số liệu này', at: '2022-01-13T10:53:00.000Z' });
  }
}

/** BENCH_OPEN_SUGGESTIONS=50: the article holds that many open suggestions while the keys are typed; BENCH_OPEN_COMMENTS=50, that many open comments. */
export async function keystrokeLatency(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-keys-'));
  const text = paragraphs(10_000);
  const suggestions = Number(process.env.BENCH_OPEN_SUGGESTIONS) || 0;
  const comments = Number(process.env.BENCH_OPEN_COMMENTS) || 0;
  const desk = await openDesk({ dataDir, mode: 'cli', version: 'bench' });
  const { id } = await desk.articles.create({ language: 'vi' }, (doc) => {
    setText(headline(doc), 'Bài dài mười nghìn từ');
    setBodyLines(doc, text);
    openSuggestions(doc, suggestions);
    openComments(doc, comments);
  });
  await desk.close();

  const bundle = await build({ entryPoints: [path.join(import.meta.dirname, 'keystroke-baseline-page.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' });
  const baselineScript = bundle.outputFiles[0]!.text;

  const web = await startWebDesk(dataDir);
  const browser = await launchChromium();
  try {
    const app = await newPage(browser);
    await app.page.goto(web.url);
    await app.page.goto(`${web.origin}/#/article/${id}`);
    await app.page.waitForSelector('.rich-body p');
    await app.page.waitForFunction((n) => document.querySelectorAll('.rich-body p').length >= n, text.length);
    const heap = await heapMiB(app.page);
    const base = await newPage(browser);
    await base.page.setContent('<!doctype html><html><body></body></html>');
    await base.page.addScriptTag({ content: baselineScript });
    await base.page.evaluate((p) => window.startBaseline(p), text);

    // Desk and baseline take turns, a block of keys each (which goes first alternating), so a
    // burst of load on the machine falls on both alike. The first keys of each warm up its code.
    const deskTypist = await Typist.start(app.page, '.rich-body', 'desk');
    const baseTypist = await Typist.start(base.page, '.baseline-body', 'baseline');
    await deskTypist.type(WARM_UP, false);
    await baseTypist.type(WARM_UP, false);
    for (let b = 0; b < KEYS / BLOCK; b++) {
      const order = b % 2 === 0 ? [deskTypist, baseTypist] : [baseTypist, deskTypist];
      for (const typist of order) await typist.type(BLOCK, true);
    }
    await deskTypist.finish();
    await baseTypist.finish();
    const desk = deskTypist.latencies;
    const baseline = baseTypist.latencies;
    const deskWork = deskTypist.perKey();
    const baseWork = baseTypist.perKey();

    console.log(`keystroke to paint, 10,000-word article (${text.length} paragraphs${suggestions ? `, ${suggestions} open suggestions` : ''}${comments ? `, ${comments} open comments` : ''}), ${desk.length} keys each, Chromium`);
    console.log(`  desk (Tiptap + Yjs)     p50 ${pct(desk, 0.5).toFixed(1)} ms  p95 ${pct(desk, 0.95).toFixed(1)} ms  p99 ${pct(desk, 0.99).toFixed(1)} ms`);
    console.log(`  baseline ProseMirror    p50 ${pct(baseline, 0.5).toFixed(1)} ms  p95 ${pct(baseline, 0.95).toFixed(1)} ms  p99 ${pct(baseline, 0.99).toFixed(1)} ms`);
    console.log(`  desk ${workLine(deskWork)}`);
    console.log(`  baseline ${workLine(baseWork)}`);
    console.log(`  ratio p95 ${(pct(desk, 0.95) / pct(baseline, 0.95)).toFixed(2)}× (goal: p95 < 16 ms and ≤ 1.5×)`);
    console.log(`renderer JS heap with the article open: ${heap.toFixed(1)} MiB`);
    await app.context.close();
    await base.context.close();
  } finally {
    await browser.close();
    await web.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
