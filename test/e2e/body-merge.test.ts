/**
 * Two desks' body editors in Chromium, written on with real keys while apart, then merged: an
 * edit in the body is recorded where the writer made it, so a sentence deleted on one desk and
 * a word changed inside it on the other never leave a fragment of a deleted word glued to the
 * next one ("Nhvậnững"). The editors are the desk's own (extensions.ts) on two Y.Docs; the
 * same run without the anchored-sync extension shows the splice, so the test can tell. Words
 * one desk writes in a paragraph the other joins, makes a heading or quotes are lost from the
 * merged text (y-tiptap replaces the paragraph's element); they are found and put back.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './support/browser';
import { SENTENCES_ALIKE } from '../support/sentences';

const PARAGRAPH = 'Câu một giữ nguyên. Nhiều xã đã huy động dân làm đường. Những kết quả rất tốt.';
const SENTENCE = 'Nhiều xã đã huy động dân làm đường. ';


let browser: Browser;
let page: Page;
let script: string;

beforeAll(async () => {
  // The body's extensions bring their stylesheets (not needed here) and the spellcheck's worker,
  // whose address is made from import.meta.url (given one here; the worker is stood in for below).
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'support/two-editors-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
    loader: { '.css': 'empty' },
    define: { 'import.meta.url': JSON.stringify('http://127.0.0.1/two-editors/') },
  });
  script = bundle.outputFiles[0]!.text;
  browser = await launchChromium();
  ({ page } = await newPage(browser));
  await page.setContent('<!doctype html><html lang="vi"><body></body></html>');
  // This page serves no spellcheck worker (it has no origin to load one from): a Worker that
  // answers nothing stands in, so the checker marks nothing and the editors are what is tested.
  await page.evaluate(() => {
    (window as unknown as { Worker: unknown }).Worker = class {
      addEventListener(): void {}
      removeEventListener(): void {}
      postMessage(): void {}
      terminate(): void {}
    };
  });
  await page.addScriptTag({ content: script });
});

afterAll(async () => {
  await browser?.close();
});

interface Trial {
  readonly paragraph: string;
  /** What desk A deletes, [from, to) of the paragraph, and how. */
  readonly cut: readonly [number, number];
  readonly how: 'Delete' | 'Backspace';
  /** The word desk B replaces, [from, to), and what B types over it. */
  readonly word: readonly [number, number];
  readonly typed: string;
}

/** Desk A deletes, desk B retypes a word, both with real keys and apart; then they merge. */
async function offlineMerge(t: Trial, anchored: boolean): Promise<string[]> {
  await page.evaluate(([p, a]) => window.startEditors([p], a), [t.paragraph, anchored] as const);
  if (t.how === 'Delete') {
    await page.evaluate(([from, to]) => window.selectText(0, 0, from, to), t.cut);
    await page.keyboard.press('Delete');
  } else {
    // The caret after the cut, then one Backspace per character.
    await page.evaluate(([to]) => window.selectText(0, 0, to, to), [t.cut[1]] as const);
    for (let i = t.cut[0]; i < t.cut[1]; i++) await page.keyboard.press('Backspace');
  }
  await page.evaluate(([from, to]) => window.selectText(1, 0, from, to), t.word);
  await page.keyboard.type(t.typed);
  const a = await page.evaluate(() => window.bodyOf(0));
  expect(a).toEqual([t.paragraph.slice(0, t.cut[0]) + t.paragraph.slice(t.cut[1])]);
  const b = await page.evaluate(() => window.bodyOf(1));
  expect(b).toEqual([t.paragraph.slice(0, t.word[0]) + t.typed + t.paragraph.slice(t.word[1])]);
  await page.evaluate(() => window.exchange());
  const merged = await page.evaluate(() => window.bodyOf(0));
  expect(await page.evaluate(() => window.bodyOf(1))).toEqual(merged);
  return merged;
}

function reported(): Trial {
  const at = PARAGRAPH.indexOf(SENTENCE);
  const huy = PARAGRAPH.indexOf('huy');
  return { paragraph: PARAGRAPH, cut: [at, at + SENTENCE.length], how: 'Delete', word: [huy, huy + 3], typed: 'vận' };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function trials(count: number): Trial[] {
  const rnd = random(13012022);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const sentences = Array.from({ length: 3 + Math.floor(rnd() * 2) }, () => pick(SENTENCES_ALIKE));
    const paragraph = sentences.join(' ');
    const i = 1 + Math.floor(rnd() * (sentences.length - 2)); // a middle sentence, with the space after it
    const start = sentences.slice(0, i).join(' ').length + 1;
    const words = [...sentences[i]!.matchAll(/\p{L}+/gu)];
    const w = pick(words);
    return {
      paragraph,
      cut: [start, start + sentences[i]!.length + 1] as const,
      how: n % 2 === 0 ? ('Delete' as const) : ('Backspace' as const),
      word: [start + w.index!, start + w.index! + w[0].length] as const,
      typed: `mới${n}`,
    };
  });
}

describe('the body merges offline edits where they were made', () => {
  it('a sentence deleted on one desk and a word changed in it on the other: the words stay whole (the reported case)', async () => {
    const t = reported();
    const [merged] = await offlineMerge(t, true);
    expect(merged).not.toContain('Nhvận');
    expect(merged!.replace('vận', '')).toBe('Câu một giữ nguyên. Những kết quả rất tốt.');
  });

  it('over random paragraphs of sentences sharing their first letters, typed with real keys: only the untouched text and what someone typed', async () => {
    for (const t of trials(12)) {
      const [merged] = await offlineMerge(t, true);
      expect(merged!.includes(t.typed), JSON.stringify(t)).toBe(true);
      expect(merged!.replace(t.typed, ''), JSON.stringify(t)).toBe(t.paragraph.slice(0, t.cut[0]) + t.paragraph.slice(t.cut[1]));
    }
  });

  it('words written in a paragraph the other desk joined to the one above, made a heading or quoted are lost from the merge (no move in Yjs), found, and put back', async () => {
    const first = 'Đoàn cứu hộ đã đến xã Lũng Cú.';
    const second = 'Nhiều hộ dân phải sơ tán.';
    const typed = ' Đường đã sạt lở.';
    for (const change of ['Backspace', 'Control+Alt+2', 'Control+Shift+B']) {
      await page.evaluate(([p1, p2]) => window.startEditors([p1, p2], true), [first, second] as const);
      // Desk A acts at the start of the second paragraph; desk B writes at its end.
      await page.evaluate(() => window.selectText(0, 1, 0, 0));
      await page.keyboard.press(change);
      await page.evaluate(([end]) => window.selectText(1, 1, end, end), [second.length] as const);
      await page.keyboard.type(typed);
      await page.evaluate(() => window.exchange());
      const merged = (await page.evaluate(() => window.bodyOf(0))).join('\n');
      expect(merged, change).not.toContain(typed.trim());
      expect(await page.evaluate(() => window.lostOnMerge()), change).toEqual([typed]);
      await page.evaluate(() => window.putLostBack());
      for (const desk of [0, 1]) expect((await page.evaluate((d) => window.bodyOf(d), desk)).join('\n'), change).toContain(`${second}${typed}`);
    }
  });

  it('without the anchored-sync extension the same keys splice the words (what it prevents)', async () => {
    const [merged] = await offlineMerge(reported(), false);
    expect(merged).toContain('Nhvậnững');
  });
});
