/**
 * The articles service through the desk's door: replicas on two clients, trash and restore,
 * the library index across restarts, and saves that are on disk when the call resolves.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyLines, headline, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import type { EventName, EventPayload } from '../../src-shared/contract';
import { DEFAULT_READING_RATES, DEFAULT_SECTIONS, type ArticleSummary, type Settings } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});
const { open, close } = desks;

type Received = { event: EventName; payload: unknown };

/** A client of the hub (a window or a WebSocket), recording what it receives. */
function client(desk: Desk, id: string): Received[] {
  const got: Received[] = [];
  desk.hub.connect(id, <E extends EventName>(event: E, payload: EventPayload<E>) => void got.push({ event, payload }));
  return got;
}

async function createOpened(desk: Desk, clientId: string): Promise<{ id: string; doc: Y.Doc }> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' }, clientId);
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id }, clientId);
  return { id, doc: replicaOf(state) };
}

function readDisk(dir: string, id: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readFileSync(path.join(dir, 'articles', `${id}.ydoc`)));
  return doc;
}

describe('two clients on one article', () => {
  it('an update from A reaches B as article:changed, but not A, nor a client without the article open', async () => {
    const desk = await open(await temp.make());
    const gotA = client(desk, 'A');
    const gotB = client(desk, 'B');
    const gotC = client(desk, 'C');
    const { id, doc: a } = await createOpened(desk, 'A');
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'B');
    const b = replicaOf(state);
    gotA.length = gotB.length = gotC.length = 0;

    await call(desk, 'article:update', { id, update: updateFrom(a, (d) => setText(headline(d), 'Hà Giang: hội nghị dân vận')) }, 'A');
    const toB = gotB.filter((r) => r.event === 'article:changed');
    expect(toB).toHaveLength(1);
    const payload = toB[0]!.payload as { id: string; update: Uint8Array };
    expect(payload.id).toBe(id);
    Y.applyUpdate(b, payload.update);
    expect(headline(b).toString()).toBe('Hà Giang: hội nghị dân vận');
    expect(gotA.filter((r) => r.event === 'article:changed')).toEqual([]);
    expect(gotC.filter((r) => r.event === 'article:changed')).toEqual([]);

    // B answers; A receives it; both replicas converge with main.
    await call(desk, 'article:update', { id, update: updateFrom(b, (d) => setBodyLines(d, ['Đoạn của B.'])) }, 'B');
    const toA = gotA.filter((r) => r.event === 'article:changed');
    expect(toA).toHaveLength(1);
    Y.applyUpdate(a, (toA[0]!.payload as { update: Uint8Array }).update);
    expect(bodyLines(a)).toEqual(['Đoạn của B.']);
    const { state: mainState } = await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'C');
    const main = replicaOf(mainState);
    expect(Y.encodeStateVector(main)).toEqual(Y.encodeStateVector(a));
    expect(headline(main).toString()).toBe(headline(a).toString());

    // After B closes the article it no longer receives its updates.
    await call(desk, 'article:close', { id }, 'B');
    gotB.length = 0;
    await call(desk, 'article:update', { id, update: updateFrom(a, (d) => setText(sapo(d), 'Sa-pô.')) }, 'A');
    expect(gotB.filter((r) => r.event === 'article:changed')).toEqual([]);
  });

  it('concurrent offline edits from both replicas merge', async () => {
    const desk = await open(await temp.make());
    client(desk, 'A');
    client(desk, 'B');
    const { id, doc: a } = await createOpened(desk, 'A');
    await call(desk, 'article:update', { id, update: updateFrom(a, (d) => setBodyLines(d, ['Một.', 'Hai.', 'Ba.'])) }, 'A');
    const b = replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'B')).state);
    const ua = updateFrom(a, (d) => setBodyLines(d, ['Một, từ A.', 'Hai.', 'Ba.']));
    const ub = updateFrom(b, (d) => setBodyLines(d, ['Một.', 'Hai.', 'Ba, từ B.']));
    await Promise.all([call(desk, 'article:update', { id, update: ua }, 'A'), call(desk, 'article:update', { id, update: ub }, 'B')]);
    expect(bodyLines(readDisk(desk.dataDir, id))).toEqual(['Một, từ A.', 'Hai.', 'Ba, từ B.']);
  });
});

describe('library', () => {
  it('trash and restore move an article between the two views, and tell every client', async () => {
    const desk = await open(await temp.make());
    const got = client(desk, 'A');
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const other = await call<ArticleSummary>(desk, 'article:create', { language: 'en' });
    const ids = (trashed: boolean) => call<ArticleSummary[]>(desk, 'library:list', { trashed }).then((l) => l.map((a) => a.id).sort());
    expect(await ids(false)).toEqual([id, other.id].sort());
    expect(await ids(true)).toEqual([]);

    got.length = 0;
    const trashed = await call<ArticleSummary>(desk, 'article:trash', { id });
    expect(trashed.trashedAt).not.toBeNull();
    expect(await ids(false)).toEqual([other.id]);
    expect(await ids(true)).toEqual([id]);
    expect(got.some((r) => r.event === 'library:changed')).toBe(true);
    // The document itself records it, so the index can be rebuilt with it.
    expect(readDisk(desk.dataDir, id).getMap('meta').get('trashedAt')).toBe(trashed.trashedAt);

    got.length = 0;
    const restored = await call<ArticleSummary>(desk, 'article:restore', { id });
    expect(restored.trashedAt).toBeNull();
    expect(await ids(false)).toEqual([id, other.id].sort());
    expect(await ids(true)).toEqual([]);
    expect(got.some((r) => r.event === 'library:changed')).toBe(true);
  });

  it('a change to the body alone reaches the library too, once for a burst of keys', async () => {
    const desk = await open(await temp.make());
    const { id, doc } = await createOpened(desk, 'A');
    const got = client(desk, 'B');
    const before = (await call<ArticleSummary[]>(desk, 'library:list', { trashed: false }))[0]!.updatedAt;
    const started = Date.now();
    for (const line of ['Mưa', 'Mưa lớn', 'Mưa lớn kéo dài']) {
      await call(desk, 'article:update', { id, update: updateFrom(doc, (d) => setBodyLines(d, [line])) }, 'A');
      await new Promise((r) => setTimeout(r, 300)); // past the index's own delay each time
    }
    await expect.poll(() => got.filter((r) => r.event === 'library:changed').length, { timeout: 5_000 }).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500); // held back while the keys came
    const found = await call<{ hits: Array<{ summary: ArticleSummary }> }>(desk, 'library:search', { query: 'keo dai' });
    expect(found.hits.map((h) => h.summary.id)).toEqual([id]);
    expect((await call<ArticleSummary[]>(desk, 'library:list', { trashed: false }))[0]!.updatedAt > before).toBe(true);
  });

  it('a trashed article stays trashed after a restart, even with the index rebuilt', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    await call(desk, 'article:trash', { id });
    await close(desk);
    await fs.rm(path.join(dir, 'desk.json'));
    await fs.rm(path.join(dir, 'desk.json.bak'));
    desk = await open(dir);
    expect((await call<ArticleSummary[]>(desk, 'library:list', { trashed: true })).map((a) => a.id)).toEqual([id]);
  });

  it('lists in Vietnamese order', async () => {
    const desk = await open(await temp.make());
    const titles = ['Yên Bái mùa lúa chín', 'Đường lên cửa khẩu', 'Ăn Tết an toàn', 'An toàn giao thông', 'Dân vận khéo'];
    for (const t of titles) {
      const { id, doc } = await createOpened(desk, 'A');
      await call(desk, 'article:update', { id, update: updateFrom(doc, (d) => setText(headline(d), t)) }, 'A');
      await call(desk, 'article:close', { id }, 'A');
    }
    await desk.articles.flush();
    const list = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(list.map((a) => a.headline)).toEqual(['An toàn giao thông', 'Ăn Tết an toàn', 'Dân vận khéo', 'Đường lên cửa khẩu', 'Yên Bái mùa lúa chín']);
  });

  it('the index survives a restart with headline, lead, words and language', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    const { id, doc } = await createOpened(desk, 'A');
    await call(desk, 'article:update', {
      id,
      update: updateFrom(doc, (d) => {
        setText(headline(d), 'Cầu treo mới ở xã vùng cao');
        setText(sapo(d), 'Người dân đã qua cầu.');
        setBodyLines(d, ['Cầu dài 60 mét.', 'Học sinh đến trường.']);
      }),
    }, 'A');
    // Close right away: the index write that was still pending must happen on close.
    await close(desk);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'desk.json'), 'utf8')) as { index: Record<string, ArticleSummary> };
    expect(onDisk.index[id]).toMatchObject({ headline: 'Cầu treo mới ở xã vùng cao', sapo: 'Người dân đã qua cầu.', words: 7 + 5 + 4 + 4, language: 'vi' });

    desk = await open(dir);
    expect(desk.notices()).toEqual([]);
    const [row] = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(row).toMatchObject({ id, headline: 'Cầu treo mới ở xã vùng cao', sapo: 'Người dân đã qua cầu.', words: 20, language: 'vi', status: 'draft', trashedAt: null });
  });

  it('the index catches up with an article file changed while the desk was closed', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    const { id, doc } = await createOpened(desk, 'A');
    await close(desk);
    // Another copy of the desk (a sync, a restore by hand) wrote a newer state of the file.
    setText(headline(doc), 'Tít mới từ bản sao khác');
    await fs.writeFile(path.join(dir, 'articles', `${id}.ydoc`), Y.encodeStateAsUpdate(doc));
    desk = await open(dir);
    const [row] = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(row!.headline).toBe('Tít mới từ bản sao khác');
  });

  it('settings are saved, broadcast and kept across a restart', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    const got = client(desk, 'A');
    expect(await call<Settings>(desk, 'settings:get', {})).toEqual({ language: 'vi', windowState: null, readingRates: DEFAULT_READING_RATES, stripGpsOnExport: true, sections: DEFAULT_SECTIONS });
    await call(desk, 'settings:update', { language: 'en' });
    expect(got.filter((r) => r.event === 'settings:changed').map((r) => r.payload)).toEqual([{ language: 'en', windowState: null, readingRates: DEFAULT_READING_RATES, stripGpsOnExport: true, sections: DEFAULT_SECTIONS }]);
    await close(desk);
    desk = await open(dir);
    expect((await call<Settings>(desk, 'settings:get', {})).language).toBe('en');
  });

  it('loads the sample article in Vietnamese', async () => {
    const desk = await open(await temp.make());
    const sample = await call<ArticleSummary>(desk, 'library:loadSample', {});
    expect(sample.language).toBe('vi');
    expect(sample.headline.length).toBeGreaterThan(10);
    expect(sample.headline).toBe(sample.headline.normalize('NFC'));
    expect(sample.words).toBeGreaterThan(50);
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id: sample.id });
    expect(bodyLines(replicaOf(state)).length).toBeGreaterThan(1);
  });
});

describe('article:update durability', () => {
  it('resolves only once the file on disk contains the update', async () => {
    const desk = await open(await temp.make());
    const { id, doc } = await createOpened(desk, 'A');
    // Fire a burst without waiting: each call, when it resolves, must find its own word on disk.
    const checks: Array<Promise<void>> = [];
    for (let i = 0; i < 40; i++) {
      const word = `chữ${i}`;
      const update = updateFrom(doc, (d) => {
        const lines = bodyLines(d);
        setBodyLines(d, [...lines, word]);
      });
      checks.push(
        call(desk, 'article:update', { id, update }, 'A').then(() => {
          const onDisk = bodyLines(readDisk(desk.dataDir, id));
          expect(onDisk, `after the call for ${word} resolved`).toContain(word);
        }),
      );
    }
    await Promise.all(checks);
    expect(bodyLines(readDisk(desk.dataDir, id))).toHaveLength(40);
  });

  it('an update that races with the last close is neither lost nor hidden from the next reader', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    client(desk, 'A');
    client(desk, 'B');
    const { id, doc: a } = await createOpened(desk, 'A');
    // Let the index catch up, so closing the article really unloads it.
    await desk.articles.flush();
    await new Promise((r) => setTimeout(r, 300));
    const u1 = updateFrom(a, (d) => headline(d).insert(0, 'một'));
    // A closes its window while its last keystrokes are still on their way.
    const closing = desk.dispatch('article:close', { id }, { client: 'A' });
    const saving = desk.dispatch('article:update', { id, update: u1 }, { client: 'A' });
    await new Promise((r) => setImmediate(r));
    // B opens the article at that moment, then types.
    const b = replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'B')).state);
    expect(headline(b).toString()).toBe('một');
    expect((await saving).ok).toBe(true);
    await closing;
    await call(desk, 'article:update', { id, update: updateFrom(b, (d) => headline(d).insert(headline(d).length, ' hai')) }, 'B');
    await close(desk);
    desk = await open(dir);
    const after = replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'C')).state);
    expect(headline(after).toString()).toBe('một hai');
  });

  it('keeps the desk\'s section list: trimmed and NFC, a repeated name refused, kept across a restart', async () => {
    const dir = await temp.make();
    let desk = await open(dir);
    const saved = await call<Settings>(desk, 'settings:update', { sections: ['  Thời sự ', 'Văn hoá'.normalize('NFD'), 'Du lịch'] });
    expect(saved.sections).toEqual(['Thời sự', 'Văn hoá', 'Du lịch']);
    const res = await desk.dispatch('settings:update', { sections: ['Du lịch', 'du lịch'] }, { client: 'A' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    await close(desk);
    desk = await open(dir);
    expect((await call<Settings>(desk, 'settings:get', {})).sections).toEqual(['Thời sự', 'Văn hoá', 'Du lịch']);
  });

  it('an update to an unknown article is refused with notFound and writes nothing', async () => {
    const dir = await temp.make();
    const desk = await open(dir);
    const update = updateFrom(new Y.Doc(), (d) => d.getText('headline').insert(0, 'x'));
    const res = await desk.dispatch('article:update', { id: 'a1b2c3d4-0000-4000-8000-00000000dead', update }, { client: 'A' });
    expect(res).toEqual({ ok: false, error: { code: 'notFound', params: { id: 'a1b2c3d4-0000-4000-8000-00000000dead' } } });
    expect(await fs.readdir(path.join(dir, 'articles'))).toEqual([]);
  });
});

describe('a closed desk', () => {
  it('refuses every call, since it no longer holds the folder', async () => {
    const desk = await open(await temp.make());
    await call(desk, 'article:create', { language: 'vi' });
    await close(desk);
    expect(await desk.dispatch('article:create', { language: 'vi' }, { client: 'test' })).toEqual({ ok: false, error: { code: 'unreachable' } });
    expect(await desk.dispatch('library:list', { trashed: false }, { client: 'test' })).toMatchObject({ ok: false });
  });
});
