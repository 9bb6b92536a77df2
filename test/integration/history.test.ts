/**
 * Version history through the desk's door: snapshots on a timer while an article is edited,
 * on demand and before a restore; the list, a version's state and the diff with now; files
 * that are durable, damaged ones skipped, and version names that cannot leave their folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { headline, readArticle, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import type { Envelope, EventName, EventPayload } from '../../src-shared/contract';
import type { HistoryDiff, HistoryItem } from '../../src-shared/history';
import type { ArticleSummary } from '../../src-shared/models';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { countWords } from '../../src-shared/text/vietnamese';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, replicaOf, TEST_VERSION, updateFrom } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';

const temp = tempDirs();
const opened: Desk[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close().catch(() => undefined)));
  await temp.cleanup();
});

/** A desk whose timer snapshots fall due after `intervalMs` (an hour unless a test says). */
async function openWith(dir: string, intervalMs = 60 * 60 * 1000): Promise<Desk> {
  const desk = await openDesk({ dataDir: dir, mode: 'web', version: TEST_VERSION, history: { intervalMs } });
  opened.push(desk);
  return desk;
}

async function closeDesk(desk: Desk): Promise<void> {
  opened.splice(opened.indexOf(desk), 1);
  await desk.close();
}

async function article(desk: Desk): Promise<{ id: string; doc: Y.Doc; edit(change: (doc: Y.Doc) => void): Promise<void> }> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  const doc = replicaOf(state);
  return { id, doc, edit: async (change) => void (await call(desk, 'article:update', { id, update: updateFrom(doc, change) })) };
}

const list = (desk: Desk, id: string) => call<HistoryItem[]>(desk, 'history:list', { id });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

describe('timer snapshots', () => {
  it('are taken while an article is edited, at most once per interval, and not when nothing changed', async () => {
    const dir = await temp.make();
    const desk = await openWith(dir, 600);
    const events: string[] = [];
    desk.hub.connect('watcher', <E extends EventName>(event: E, payload: EventPayload<E>) => void (event === 'history:changed' && events.push((payload as { id: string }).id)));
    const a = await article(desk);

    // The first save of an article without versions is snapshotted at once.
    await a.edit((d) => setText(headline(d), 'Lũ về Yên Bái'));
    const first = await waitFor(() => list(desk, a.id), (l) => l.length === 1);
    expect(first[0]!.reason).toBe('timer');
    await waitFor(async () => events, (e) => e.length === 1);
    expect(events).toEqual([a.id]);

    // Edits within the interval wait for it; then one snapshot holds them all.
    await a.edit((d) => setText(headline(d), 'Lũ về Yên Bái, nước dâng'));
    await a.edit((d) => setText(sapo(d), 'Sáng nay nước sông Hồng dâng cao.'));
    expect(await list(desk, a.id)).toHaveLength(1);
    const second = await waitFor(() => list(desk, a.id), (l) => l.length === 2);
    expect(second[0]!.reason).toBe('timer');
    const { state } = await call<{ state: Uint8Array }>(desk, 'history:get', { id: a.id, version: second[0]!.version });
    expect(readArticle(replicaOf(state))).toMatchObject({ headline: 'Lũ về Yên Bái, nước dâng', sapo: 'Sáng nay nước sông Hồng dâng cao.' });

    // Nothing changed since: the interval passes without a new version.
    await sleep(900);
    expect(await list(desk, a.id)).toHaveLength(2);
    expect(events).toEqual([a.id, a.id]);
  });

  it('notices a deletion alone (the state vector stays the same) as a change', async () => {
    const desk = await openWith(await temp.make(), 150);
    const a = await article(desk);
    await a.edit((d) => setText(headline(d), 'Mưa lớn ở Hà Giang'));
    await waitFor(() => list(desk, a.id), (l) => l.length === 1);
    await a.edit((d) => headline(d).delete(0, 5));
    const l = await waitFor(() => list(desk, a.id), (x) => x.length === 2);
    const { state } = await call<{ state: Uint8Array }>(desk, 'history:get', { id: a.id, version: l[0]!.version });
    expect(headline(replicaOf(state)).toString()).toBe('ớn ở Hà Giang');
  });
});

describe('manual snapshots and the list', () => {
  it('saves a version on demand, lists versions newest first with their size and words, and does not repeat an unchanged one', async () => {
    const dir = await temp.make();
    const desk = await openWith(dir);
    const a = await article(desk);
    await a.edit((d) => setText(headline(d), 'Hội nghị dân vận'));
    await waitFor(() => list(desk, a.id), (l) => l.length === 1);
    await a.edit((d) => setBodyLines(d, ['Sáng 13/1, tại Hà Giang diễn ra hội nghị.']));

    const manual = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    expect(manual.reason).toBe('manual');
    expect(manual.words).toBe(countWords('Hội nghị dân vận') + countWords('Sáng 13/1, tại Hà Giang diễn ra hội nghị.'));
    expect(manual.words).toBe(14);
    const again = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    expect(again).toEqual(manual);

    const items = await list(desk, a.id);
    expect(items.map((i) => i.reason)).toEqual(['manual', 'timer']);
    expect(items[0]).toEqual(manual);
    expect(Date.parse(items[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(items[1]!.createdAt));
    for (const item of items) {
      const file = path.join(dir, 'history', a.id, `${item.version}.ydoc`);
      expect((await fs.stat(file)).size).toBe(item.size);
    }
    expect(items[1]!.words).toBe(4);

    // Unchanged after a restart too: the last version is read back from disk.
    await closeDesk(desk);
    const reopened = await openWith(dir);
    expect(await call<HistoryItem>(reopened, 'history:snapshot', { id: a.id })).toEqual(manual);
    expect(await call<HistoryItem>(reopened, 'history:snapshot', { id: a.id, reason: 'restore' })).toEqual(manual);
    expect(await list(reopened, a.id)).toHaveLength(2);
  });

  it('takes a restore snapshot, kept like a manual one', async () => {
    const desk = await openWith(await temp.make());
    const a = await article(desk);
    await a.edit((d) => setText(headline(d), 'Trước khi khôi phục'));
    const item = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id, reason: 'restore' });
    expect(item.reason).toBe('restore');
    expect(item.version).toMatch(/^\d{8}T\d{9}Z-restore$/);
  });
});

describe('a version and the article now', () => {
  it('gives back the old state and the words added and removed since', async () => {
    const desk = await openWith(await temp.make());
    const a = await article(desk);
    await a.edit((d) => {
      setText(headline(d), 'Lũ về Yên Bái');
      setText(sapo(d), 'Nước sông Hồng dâng cao.');
      setBodyLines(d, ['Đoạn một.', 'Đoạn hai.']);
    });
    const v = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    await a.edit((d) => {
      setText(headline(d), 'Lũ về Lào Cai');
      setBodyLines(d, ['Đoạn một.', 'Đoạn hai, thêm chữ.']);
    });

    const { state } = await call<{ state: Uint8Array }>(desk, 'history:get', { id: a.id, version: v.version });
    expect(readArticle(replicaOf(state))).toMatchObject({ headline: 'Lũ về Yên Bái', body: 'Đoạn một.\n\nĐoạn hai.' });

    const diff = await call<HistoryDiff>(desk, 'history:diff', { id: a.id, version: v.version });
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'sapo', 'body']);
    const [head, lead, body] = diff.fields;
    expect(head!.segments).toEqual([
      { op: 'same', text: 'Lũ về ' },
      { op: 'removed', text: 'Yên Bái' },
      { op: 'added', text: 'Lào Cai' },
    ]);
    expect(lead!.segments).toEqual([{ op: 'same', text: 'Nước sông Hồng dâng cao.' }]);
    expect(body!.segments.filter((s) => s.op === 'added').map((s) => s.text)).toEqual([', thêm chữ']);
    expect(body!.segments.filter((s) => s.op === 'removed')).toEqual([]);
  });
});

describe('snapshot files', () => {
  it('are written durably (no temp files left) and a damaged one is skipped, never crashing the list', async () => {
    const dir = await temp.make();
    const desk = await openWith(dir);
    const a = await article(desk);
    await a.edit((d) => setText(headline(d), 'Bản một'));
    const one = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    await a.edit((d) => setText(headline(d), 'Bản hai'));
    const two = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    const folder = path.join(dir, 'history', a.id);
    expect(await listDir(folder)).toEqual([`${one.version}.ydoc`, `${two.version}.ydoc`].sort());

    // Damage one, add garbage and another article's state under version names, and a stray file.
    await fs.writeFile(path.join(folder, `${two.version}.ydoc`), Buffer.from('không phải Yjs'));
    await fs.writeFile(path.join(folder, '20200101T000000000Z-manual.ydoc'), new Uint8Array());
    const other = await article(desk);
    await other.edit((d) => setText(headline(d), 'Bài khác'));
    const otherVersion = await call<HistoryItem>(desk, 'history:snapshot', { id: other.id });
    await fs.copyFile(path.join(dir, 'history', other.id, `${otherVersion.version}.ydoc`), path.join(folder, '20210101T000000000Z-manual.ydoc'));
    await fs.writeFile(path.join(folder, 'ghi-chu.txt'), 'x');

    expect((await list(desk, a.id)).map((i) => i.version)).toEqual([one.version]);
    const refused = (await desk.dispatch('history:get', { id: a.id, version: two.version }, { client: 'test' })) as Envelope<unknown>;
    expect(refused).toEqual({ ok: false, error: { code: 'versionNotFound', params: { version: two.version } } });
  });

  it('refuses version names that are not exactly a version (no path traversal)', async () => {
    const dir = await temp.make();
    const desk = await openWith(dir);
    const a = await article(desk);
    const b = await article(desk);
    await b.edit((d) => setText(headline(d), 'Bài của người khác'));
    const theirs = await call<HistoryItem>(desk, 'history:snapshot', { id: b.id });
    await fs.writeFile(path.join(dir, 'secret.ydoc'), Buffer.from('bí mật'));

    for (const version of [`../${b.id}/${theirs.version}`, '../../secret', '../../articles/x', theirs.version + '/..', `${theirs.version}.ydoc`, '20220113T105300123Z-other', '20221313T105300123Z-manual', '']) {
      for (const op of ['history:get', 'history:diff']) {
        const res = (await desk.dispatch(op, { id: a.id, version }, { client: 'test' })) as Envelope<unknown>;
        expect(res.ok, `${op} ${version}`).toBe(false);
        if (!res.ok) expect(['invalidPayload', 'versionNotFound']).toContain(res.error.code);
      }
    }
    const bad = (await desk.dispatch('history:list', { id: '../articles' }, { client: 'test' })) as Envelope<unknown>;
    expect(bad.ok).toBe(false);
    // A well-formed version of another article is not this article's.
    const cross = (await desk.dispatch('history:get', { id: a.id, version: theirs.version }, { client: 'test' })) as Envelope<unknown>;
    expect(cross).toMatchObject({ ok: false, error: { code: 'versionNotFound' } });
  });

  it('an unknown article has no history', async () => {
    const desk = await openWith(await temp.make());
    const res = (await desk.dispatch('history:list', { id: 'khong-co-bai-nay' }, { client: 'test' })) as Envelope<unknown>;
    expect(res).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('over the wire', () => {
  it('a version travels as plain bytes, so web mode encodes it as bytes (not as a Buffer object)', async () => {
    const desk = await openWith(await temp.make());
    const a = await article(desk);
    await a.edit((d) => setText(headline(d), 'Qua mạng'));
    const v = await call<HistoryItem>(desk, 'history:snapshot', { id: a.id });
    const { state } = await call<{ state: Uint8Array }>(desk, 'history:get', { id: a.id, version: v.version });
    expect(Object.getPrototypeOf(state)).toBe(Uint8Array.prototype);
    const back = decodeWire(encodeWire({ state })) as { state: Uint8Array };
    expect(headline(replicaOf(back.state)).toString()).toBe('Qua mạng');
  });
});
