/**
 * Kill -9 in the middle of saving, many times over, on one desk folder: every file must still
 * parse, no repair must be needed, and every word the desk acknowledged must be there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meta, readArticle } from '../../src-shared/article-doc';
import { countWords } from '../../src-shared/text/vietnamese';
import type { ArticleSummary } from '../../src-shared/models';
import { LOCK_FILE } from '../../src-main/services/lock';
import { exited, Lines, spawnTs, stderrOf } from '../support/child';
import { call, openTestDesk, replicaOf } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';
import { seededRandom } from '../support/seeded';

const WRITER = 'test/integration/fixtures/crash-writer.ts';
const RUNS = 16;
const SEED = Number(process.env.BANTIN_CRASH_SEED ?? 20220113);

const temp = tempDirs();
afterAll(() => temp.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 while saving', () => {
  it(`loses no acknowledged word over ${RUNS} kills (seed ${SEED})`, async () => {
    const rand = seededRandom(SEED);
    const dir = await temp.make('bantin-crash-');
    const acked = new Set<string>();
    const log: string[] = [];
    let killedMidWrite = 0;

    for (let run = 0; run < RUNS; run++) {
      const child = spawnTs(WRITER, [dir, String(run)]);
      const lines = new Lines(child);
      const stderr = stderrOf(child);
      // Most kills land while updates stream; every fourth may land during start-up
      // (lock take-over, stale temp clean-up, reconcile, backup refresh).
      const early = run % 4 === 3;
      if (early) {
        await sleep(200 + rand() * 900);
      } else {
        const ready = await Promise.race([lines.next((l) => l.startsWith('READY ')), exited(child).then(() => null)]);
        expect(ready, `run ${run}: writer did not start\n${stderr()}`).not.toBeNull();
        await sleep(20 + rand() * 500);
      }
      child.kill('SIGKILL');
      const end = await exited(child);
      expect(end.signal, `run ${run}: writer exited by itself (${end.code})\n${lines.all.join('\n')}\n${stderr()}`).toBe('SIGKILL');
      expect(lines.all.filter((l) => l.startsWith('ERROR')), `run ${run}`).toEqual([]);
      const ackedNow = lines.all.filter((l) => l.startsWith('ACK ')).flatMap((l) => l.slice(4).split(' '));
      for (const w of ackedNow) acked.add(w);
      const temps = (await listDir(path.join(dir, 'articles'))).filter((n) => n.endsWith('.tmp'));
      if (temps.length) killedMidWrite++;
      log.push(`run ${run}: ${early ? 'early' : 'streaming'} kill, ${ackedNow.length} words acked, ${temps.length} temp files left`);

      // Reopen in this process: the dead writer's lock is taken over.
      // (An early kill may come before the writer took the lock.)
      const lock = await fs.readFile(path.join(dir, LOCK_FILE), 'utf8').catch(() => null);
      if (!early) expect(lock, `run ${run}: the writer held no lock`).not.toBeNull();
      if (lock) expect(JSON.parse(lock).pid).toBe(child.pid);
      const desk = await openTestDesk(dir);
      try {
        expect(desk.notices(), `run ${run}: the store had to repair something\n${log.join('\n')}`).toEqual([]);
        // The reopened desk warms its search index in the background, and loading an article for
        // it refreshes that article's .bak (a temp file for a moment): wait for it before listing.
        await call(desk, 'library:search', { query: '' });
        // Every file parses.
        JSON.parse(await fs.readFile(path.join(dir, 'desk.json'), 'utf8'));
        JSON.parse(await fs.readFile(path.join(dir, 'desk.json.bak'), 'utf8'));
        const files = await listDir(path.join(dir, 'articles'));
        expect(files.filter((n) => n.includes('.corrupt-') || n.endsWith('.tmp')), `run ${run}`).toEqual([]);
        for (const name of files) {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, await fs.readFile(path.join(dir, 'articles', name)));
          expect(meta(doc).get('id'), `${name} names its article`).toBe(name.replace(/\.ydoc(\.bak)?$/, ''));
        }
        const list = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
        if (acked.size === 0) {
          expect(list.length).toBeLessThanOrEqual(1);
          continue;
        }
        expect(list).toHaveLength(1);
        const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id: list[0]!.id });
        const view = readArticle(replicaOf(state));
        const present = new Set(`${view.headline} ${view.body}`.split(/\s+/));
        const missing = [...acked].filter((w) => !present.has(w));
        expect(missing, `run ${run}: acknowledged words lost\n${log.join('\n')}`).toEqual([]);
        // The library index agrees with the document, even after a kill between the two writes.
        expect(list[0]!.words).toBe(countWords(view.headline) + countWords(view.sapo) + countWords(view.body));
        expect(list[0]!.headline).toBe(view.headline);
      } finally {
        await desk.close();
      }
    }
    console.info(`[crash] seed ${SEED}: ${acked.size} words acknowledged over ${RUNS} kills, ${killedMidWrite} kills left a half-written temp file\n${log.join('\n')}`);
    expect(acked.size).toBeGreaterThan(RUNS * 5);
    // Sixteen desk processes started through tsx one after another and a reopen after each:
    // 40 s on a quiet machine, past the default minute on a loaded one (seen in CI).
  }, 180_000);
});
