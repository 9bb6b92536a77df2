/**
 * Yjs sync through a real newsroom server with real Hocuspocus providers: two clients typing
 * at once converge; two replicas that made 1,000 random edits each offline converge to the same
 * document with every edit; a document unloading while clients leave and come back loses
 * nothing that was acknowledged, also across a server restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../../src-server/server';
import { seededRandom } from '../support/seeded';
import { acknowledged, login, readThroughServer, startTestServer, SyncClient, until, userWithToken, wsUrlOf, type TestServer } from '../support/server';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const servers: TestServer[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await temp.cleanup();
});

async function server(options: Parameters<typeof startTestServer>[1] = {}, dir?: string): Promise<TestServer> {
  const s = await startTestServer(dir ?? (await temp.make('bantin-server-')), options);
  servers.push(s);
  return s;
}

function client(s: TestServer, token: string): SyncClient {
  const c = new SyncClient(s.wsUrl, token);
  clients.push(c);
  return c;
}

const json = (doc: Y.Doc): string =>
  JSON.stringify({
    headline: doc.getText('headline').toString(),
    sapo: doc.getText('sapo').toString(),
    body: doc.getXmlFragment('body').toString(),
    meta: Object.entries(doc.getMap('meta').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1)), // key order is each replica's own
    photos: doc.getArray('photos').toJSON(),
  });

const WORDS = ['Hà Giang', 'lũ quét', 'Đắk Lắk', 'bão số 3', 'người dân', 'cứu hộ', 'UBND tỉnh', 'đường sạt lở', 'ước tính', 'thiệt hại'];

/** One random edit of the article's shape: headline, lead, body paragraphs, meta, photos. */
function randomEdit(doc: Y.Doc, rand: () => number, tag: string): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = `${pick(WORDS)}·${tag}`;
  doc.transact(() => {
    const r = rand();
    if (r < 0.25) {
      const t = doc.getText(rand() < 0.7 ? 'headline' : 'sapo');
      if (t.length > 40 && rand() < 0.4) t.delete(Math.floor(rand() * (t.length - 5)), 1 + Math.floor(rand() * 4));
      else t.insert(Math.floor(rand() * (t.length + 1)), ` ${word}`);
    } else if (r < 0.7) {
      const body = doc.getXmlFragment('body');
      if (body.length === 0 || rand() < 0.25) {
        const p = new Y.XmlElement(rand() < 0.85 ? 'paragraph' : 'heading');
        const text = new Y.XmlText();
        text.insert(0, word);
        p.insert(0, [text]);
        body.insert(Math.floor(rand() * (body.length + 1)), [p]);
      } else if (rand() < 0.1) {
        body.delete(Math.floor(rand() * body.length), 1);
      } else {
        const p = body.get(Math.floor(rand() * body.length)) as Y.XmlElement;
        const text = p.get(0) as Y.XmlText;
        if (rand() < 0.2 && text.length > 3) text.format(0, 3, { bold: true });
        else text.insert(Math.floor(rand() * (text.length + 1)), ` ${word}`);
      }
    } else if (r < 0.85) {
      doc.getMap('meta').set(pick(['section', 'byline', 'slug', 'language']), word);
    } else {
      const photos = doc.getArray<Y.Map<unknown>>('photos');
      if (photos.length > 0 && rand() < 0.3) photos.delete(Math.floor(rand() * photos.length), 1);
      else {
        const m = new Y.Map<unknown>();
        m.set('captionVi', word);
        photos.insert(Math.floor(rand() * (photos.length + 1)), [m]);
      }
    }
  });
}

describe('newsroom server: sync', () => {
  it('two clients typing in the same article at once converge, and the server holds the same', async () => {
    const s = await server();
    const thu = await userWithToken(s, 'minhthu', 'editor');
    const nam = await userWithToken(s, 'vannam', 'editor');
    const a = client(s, thu).open('bai-chung-0001');
    const b = client(s, nam).open('bai-chung-0001');
    await Promise.all([acknowledged(a), acknowledged(b)]);
    const ra = seededRandom(11);
    const rb = seededRandom(12);
    for (let i = 0; i < 60; i++) {
      randomEdit(a.document, ra, `a${i}`);
      randomEdit(b.document, rb, `b${i}`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    // Random edits delete too (also what the other typed), so each ends with a word nobody deletes.
    a.document.getText('sapo').insert(0, '[A-HẾT]');
    b.document.getText('sapo').insert(0, '[B-HẾT]');
    await Promise.all([acknowledged(a), acknowledged(b)]);
    await until(() => json(a.document) === json(b.document), 'the two clients to converge');
    expect(Y.encodeStateVector(a.document)).toEqual(Y.encodeStateVector(b.document));
    expect(json(await readThroughServer(s.wsUrl, thu, 'bai-chung-0001'))).toBe(json(a.document));
    // Both last words are there. (Not necessarily side by side at the start: a word either one
    // inserted at 0 before theirs, not yet seen by the other, may sit between them.)
    const sapo = a.document.getText('sapo').toString();
    expect(sapo).toContain('[A-HẾT]');
    expect(sapo).toContain('[B-HẾT]');
  });

  it('an update that only repeats what the article holds (the deletions a desk sends at every sync) is not stored: no new version, nothing told', async () => {
    const s = await server();
    const token = await userWithToken(s, 'bientap', 'editor');
    const name = 'bai-lap-lai-0001';
    const a = client(s, token).open(name);
    await acknowledged(a);
    a.document.getText('headline').insert(0, 'Lũ quét ở Hà Giang');
    a.document.getText('headline').delete(0, 4);
    await acknowledged(a);
    const version = (await s.server.storage.article(name))!.version;
    // A second desk holding the same article connects: its answer to the server's state is no
    // structs and every deletion it knows, all of which the server has.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.document));
    const repeat = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(a.document));
    expect(Y.decodeUpdate(repeat).ds.clients.size).toBe(1);
    const b = client(s, token).open(name, copy);
    await acknowledged(b);
    expect((await s.server.storage.article(name))!.version).toBe(version);
    // Something new from it is stored as ever.
    copy.getText('headline').insert(0, 'Tin: ');
    await acknowledged(b);
    expect((await s.server.storage.article(name))!.version).toBeGreaterThan(version);
    expect((await readThroughServer(s.wsUrl, token, name)).getText('headline').toString()).toBe('Tin: uét ở Hà Giang');
  });

  it('carries presence: each client sees who else is in the article, and sees them leave', async () => {
    const s = await server();
    // The name in a presence state is the account's (the server drops any other).
    const thu = await userWithToken(s, 'Minh Thư', 'editor');
    const nam = await userWithToken(s, 'Văn Nam', 'editor');
    const a = client(s, thu).open('bai-chung-0002');
    const bClient = client(s, nam);
    const b = bClient.open('bai-chung-0002');
    await Promise.all([acknowledged(a), acknowledged(b)]);
    a.awareness!.setLocalStateField('user', { name: 'Minh Thư', color: '#c0392b' });
    b.awareness!.setLocalStateField('user', { name: 'Văn Nam', color: '#2471a3' });
    const names = (p: typeof a): string[] =>
      [...p.awareness!.getStates().values()].map((st) => (st.user as { name?: string } | undefined)?.name ?? '').filter(Boolean).sort();
    await until(() => names(a).join() === 'Minh Thư,Văn Nam' && names(b).join() === 'Minh Thư,Văn Nam', 'both to see each other');
    bClient.destroy();
    await until(() => names(a).join() === 'Minh Thư', 'the one who left to disappear');
  });

  it('property: two replicas make 1,000 random seeded edits each offline, then sync through the server — identical, every edit kept', async () => {
    const s = await server();
    const token = await userWithToken(s, 'bientap', 'editor');
    const name = 'bai-ngoai-tuyen-01';
    // A common starting point, on the server and in both replicas.
    const start = client(s, token).open(name);
    await acknowledged(start);
    start.document.getText('headline').insert(0, 'Tít ban đầu');
    start.document.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    (start.document.getXmlFragment('body').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Đoạn đầu')]);
    await acknowledged(start);
    const base = Y.encodeStateAsUpdate(start.document);

    for (const seed of [1, 2]) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, base);
      Y.applyUpdate(b, base);
      const ra = seededRandom(seed * 1000 + 1);
      const rb = seededRandom(seed * 1000 + 2);
      for (let i = 0; i < 1000; i++) randomEdit(a, ra, `s${seed}a${i}`);
      for (let i = 0; i < 1000; i++) randomEdit(b, rb, `s${seed}b${i}`);
      // What they must become: both replicas' changes merged locally.
      const expected = new Y.Doc();
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(start.document));
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(a));
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(b));

      const pa = client(s, token).open(name, a);
      const pb = client(s, token).open(name, b);
      await Promise.all([acknowledged(pa, 30_000), acknowledged(pb, 30_000)]);
      await until(() => json(a) === json(b) && json(a) === json(start.document), `seed ${seed}: replicas to converge`, 30_000);
      expect(json(a), `seed ${seed}`).toBe(json(expected));
      expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(expected));
      expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(expected));
      expect(json(await readThroughServer(s.wsUrl, token, name))).toBe(json(expected));
    }
  });

  it('a client left holding a document that was unloaded under it (the Hocuspocus race) is made to reconnect, and its edit is stored and acknowledged', async () => {
    const s = await server();
    const token = await userWithToken(s, 'bientap', 'editor');
    const name = 'bai-bi-do-lai-001';
    const p = client(s, token).open(name);
    await acknowledged(p);
    p.document.getText('headline').insert(0, 'Trước');
    await acknowledged(p);
    // What the race leaves behind: the server dropped and destroyed the document while this
    // connection still points at it.
    const zombie = s.server.hocuspocus.documents.get(name)!;
    s.server.hocuspocus.documents.delete(name);
    zombie.destroy();
    p.document.getText('headline').insert(5, ' và sau');
    await acknowledged(p);
    const live = s.server.hocuspocus.documents.get(name);
    expect(live).toBeDefined();
    expect(live).not.toBe(zombie);
    const stored = new Y.Doc();
    for (const part of await s.server.storage.documentParts(name)) Y.applyUpdate(stored, part);
    expect(stored.getText('headline').toString()).toBe('Trước và sau');
  });

  it('a document unloading while its last client leaves and another comes back at that moment loses nothing acknowledged, also after a restart', async () => {
    const dir = await temp.make('bantin-server-');
    // A pause before each unload widens the window in which the next client arrives.
    const s = await server({ unloadDelayMs: 25, debounceMs: 10, maxDebounceMs: 40 }, dir);
    const token = await userWithToken(s, 'bientap', 'editor');
    const name = 'bai-dong-mo-00001';
    const written: string[] = [];
    const rand = seededRandom(7);
    for (let i = 0; i < 25; i++) {
      const c = client(s, token);
      const p = c.open(name);
      await acknowledged(p);
      const word = ` từ${i}`;
      p.document.getText('headline').insert(p.document.getText('headline').length, word);
      await acknowledged(p);
      written.push(word.trim());
      // Acknowledged means stored: the word is in the database already, whatever happens next.
      const stored = new Y.Doc();
      for (const part of await s.server.storage.documentParts(name)) Y.applyUpdate(stored, part);
      expect(stored.getText('headline').toString()).toContain(word.trim());
      // Leave (the document starts unloading: compaction, then the delayed unload) and come back
      // after 0–30 ms, before, during or after the unload.
      c.destroy();
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 30)));
    }
    const text = (await readThroughServer(s.wsUrl, token, name)).getText('headline').toString();
    for (const w of written) expect(text).toContain(w);

    await s.server.close();
    servers.splice(servers.indexOf(s), 1);
    const again = await startServer({ dataDir: dir, port: 0, log: () => undefined });
    try {
      const token2 = await login(again.url, 'bientap', 'bientap-mật-khẩu-dài');
      const after = (await readThroughServer(wsUrlOf(again.url), token2, name)).getText('headline').toString();
      expect(after).toBe(text);
    } finally {
      await again.close();
    }
  });
});
