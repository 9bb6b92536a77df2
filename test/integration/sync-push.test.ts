/**
 * Desks learn of changes in seconds, and their status says what is true: two desks and a real
 * newsroom server, the desks' directory poll set to ten minutes so that nothing here can come
 * from it. A new article, a change and a photo reach the other desk through the server's
 * notices on the directory channel; after an outage the desk is back within 5 s of the server
 * answering (backoff capped), and at once when a window says the network is back (whatever
 * the backoff); a server that froze is shown offline within 5 s with no article
 * open (the heartbeat); a refused article leaves the desk online and says so; the library's
 * "updated" is when the text was written (the writers' stamps in the article, written.ts), not
 * when the server stored it nor when this desk's copy arrived.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../src-shared/models';
import { DIRECTORY_CHANNEL, type DirectoryResponse } from '../../src-shared/server-api';
import type { Desk } from '../../src-main/services/desk';
import { call } from '../support/desk';
import { makePhoto } from '../support/photos';
import { acknowledged, api, login, serverFixtures, userWithToken, type TestServer } from '../support/server';
import { addParagraph, addUser, allSynced, articleText, editAs, loginAs, newArticle, openSyncDesk, syncStatus, waitFor } from '../support/sync-desk';

const fx = serverFixtures();
const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close().catch(() => undefined)));
});

/** The desk's own backoff and heartbeat; only the directory poll is pushed out of reach. */
const NO_POLL = { pollMs: 10 * 60_000 } as const;

async function desk(dir?: string): Promise<Desk> {
  const d = await openSyncDesk(dir ?? (await fx.temp('bantin-desk-')), 'web', NO_POLL);
  desks.push(d);
  return d;
}

async function twoEditors(s: TestServer): Promise<[Desk, Desk]> {
  await addUser(s, 'biên-tập-1', 'editor');
  await addUser(s, 'biên-tap-2', 'editor');
  const a = await desk();
  const b = await desk();
  await loginAs(a, s, 'biên-tập-1');
  await loginAs(b, s, 'biên-tap-2');
  await syncStatus(a, allSynced, 'desk A synced');
  await syncStatus(b, allSynced, 'desk B synced');
  return [a, b];
}

const summaryOf = async (d: Desk, id: string): Promise<ArticleSummary | undefined> => (await call<ArticleSummary[]>(d, 'library:list', { trashed: false })).find((x) => x.id === id);

async function serverEntry(s: TestServer, id: string) {
  const listed = await api(s.url, 'GET', '/api/directory', { token: s.adminToken });
  return (listed.json as unknown as DirectoryResponse).articles.find((e) => e.id === id);
}

describe('the server tells desks at once', () => {
  it('a new article and then a change reach the other desk within seconds, dated when they were written', async () => {
    const s = await fx.start();
    const [a, b] = await twoEditors(s);

    const id = await newArticle(a, 'Sạt lở trên quốc lộ 4C');
    // Listed in B's library with no window open on B and the poll ten minutes away: told, not polled.
    await waitFor(async () => (await summaryOf(b, id))?.headline === 'Sạt lở trên quốc lộ 4C', 'the article in B’s library', 10_000);
    await syncStatus(a, allSynced, 'desk A synced');
    const stored = await serverEntry(s, id);
    const minute = async (d: Desk): Promise<string | undefined> => (await summaryOf(d, id))?.updatedAt.slice(0, 16);
    await waitFor(async () => (await minute(b)) === (await minute(a)), 'B’s "updated" to be A’s', 5_000);
    expect((await summaryOf(b, id))!.updatedAt <= stored!.updatedAt).toBe(true); // written before it was stored

    // A change made a while later: B's copy has it within seconds, and its time is A's.
    await new Promise((r) => setTimeout(r, 1_100));
    await editAs(a, 'writer', id, addParagraph('Đường đã thông xe lúc 17:53.'));
    await waitFor(async () => (await articleText(b, id)).body.includes('Đường đã thông xe lúc 17:53.'), 'the paragraph on B', 10_000);
    await syncStatus(a, allSynced, 'desk A synced again');
    const changed = await serverEntry(s, id);
    expect(changed!.updatedAt > stored!.updatedAt).toBe(true);
    await waitFor(async () => (await minute(b)) === (await minute(a)), 'B’s "updated" to follow the change', 5_000);
  });

  it('an article written offline an hour before it reaches the other desk is dated when it was written there, not when the server stored it', async () => {
    const dir = await fx.temp();
    const s = await fx.start({}, dir);
    const [a, b] = await twoEditors(s);
    const port = s.server.port;
    await s.server.close();
    await syncStatus(a, (st) => st.state === 'offline', 'desk A offline', 5_000);
    // Written offline, A's clock an hour back: the server stores it only when it is back, now.
    const written = new Date(Date.now() - 3_600_000);
    vi.useFakeTimers({ toFake: ['Date'], now: written });
    let id: string;
    try {
      id = await newArticle(a, 'Đường lên bản Lũng Cú');
      vi.setSystemTime(written.getTime() + 5 * 60_000);
      await editAs(a, 'writer', id, addParagraph('Xe đã qua được đoạn sạt.'));
    } finally {
      vi.useRealTimers();
    }
    const again = await fx.start({ port }, dir);
    await waitFor(async () => (await summaryOf(b, id)) !== undefined && (await articleText(b, id)).body.includes('Xe đã qua được đoạn sạt.'), 'the paragraph on B', 15_000);
    const stored = await serverEntry(again, id);
    const row = await summaryOf(b, id);
    expect(row!.updatedAt.slice(0, 16)).toBe(new Date(written.getTime() + 5 * 60_000).toISOString().slice(0, 16));
    expect(Date.parse(stored!.updatedAt) - Date.parse(row!.updatedAt)).toBeGreaterThan(50 * 60_000);
  });

  it('a desk that logs in later dates an article by when it was written, not by when its copy arrived', async () => {
    const s = await fx.start();
    await addUser(s, 'biên-tập-1', 'editor');
    await addUser(s, 'biên-tap-2', 'editor');
    const a = await desk();
    await loginAs(a, s, 'biên-tập-1');
    const id = await newArticle(a, 'Hội nghị trực tuyến toàn quốc');
    await syncStatus(a, (st) => allSynced(st) && !st.pending.includes(id), 'desk A synced');
    const stored = await serverEntry(s, id);
    await new Promise((r) => setTimeout(r, 1_100));

    const b = await desk();
    const loggedInAt = new Date().toISOString();
    await loginAs(b, s, 'biên-tap-2');
    await waitFor(async () => (await summaryOf(b, id)) !== undefined, 'the article on B');
    const row = await summaryOf(b, id);
    expect(row!.updatedAt.slice(0, 16)).toBe((await summaryOf(a, id))!.updatedAt.slice(0, 16));
    expect(row!.updatedAt <= stored!.updatedAt).toBe(true);
    expect(row!.updatedAt < loggedInAt).toBe(true);
  });

  it('a photo that reaches the server while the other desk has its article open is fetched there and the windows are told', async () => {
    const s = await fx.start();
    const [a, b] = await twoEditors(s);
    const id = await newArticle(a, 'Ảnh hiện trường');
    await waitFor(async () => (await summaryOf(b, id)) !== undefined, 'the article on B', 10_000);

    const arrived: string[] = [];
    b.hub.connect('window-b', (event, payload) => {
      if (event === 'photo:arrived') arrived.push((payload as { photo: string }).photo);
    });
    await call(b, 'article:open', { id }, 'window-b');

    const { bytes } = await makePhoto(await fx.temp('bantin-photo-'), 'hiện-trường.jpg');
    const { photo } = await call<{ photo: { id: string } }>(a, 'photo:add', { id, name: 'hiện-trường.jpg', bytes });
    await waitFor(() => arrived.includes(photo.id), 'photo:arrived on B’s window', 10_000);
    // B has it now: stored by B's fetch after the notice (nothing on B asked for it).
    await s.server.close();
    const original = await call<{ bytes: Uint8Array }>(b, 'photo:original', { photo: photo.id });
    expect(Buffer.from(original.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('reconnecting and being honest about it', () => {
  it('after an outage the desk is back within 5 s of the server answering on the same port', async () => {
    const dir = await fx.temp();
    const s = await fx.start({}, dir);
    const [a] = await twoEditors(s);
    const port = s.server.port;
    await s.server.close();
    await syncStatus(a, (st) => st.state === 'offline', 'desk A offline', 5_000);
    const id = await newArticle(a, 'Viết khi mất mạng');
    // Long enough for an uncapped doubling backoff (0.5 s, 1 s, 2 s, 4 s…) to be waiting 8 s.
    await new Promise((r) => setTimeout(r, 8_000));

    const again = await fx.start({ port }, dir);
    await syncStatus(a, (st) => st.state === 'synced' && !st.pending.includes(id), 'desk A back and synced', 5_000);
    expect((await serverEntry(again, id))?.id).toBe(id);
  });

  it('the system saying the network is back (a window’s online event) tries the server at once, whatever the backoff', async () => {
    const dir = await fx.temp();
    const s = await fx.start({}, dir);
    await addUser(s, 'biên-tập-1', 'editor');
    // A backoff of ten minutes: only the hint can bring this desk back within the test.
    const a = await openSyncDesk(await fx.temp('bantin-desk-'), 'web', { ...NO_POLL, minDelayMs: 10 * 60_000, maxDelayMs: 10 * 60_000 });
    desks.push(a);
    await loginAs(a, s, 'biên-tập-1');
    await syncStatus(a, allSynced, 'desk A synced');
    const port = s.server.port;
    await s.server.close();
    await syncStatus(a, (st) => st.state === 'offline', 'desk A offline', 5_000);
    const id = await newArticle(a, 'Viết khi mất mạng');

    await fx.start({ port }, dir);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(a.sync.status().state).toBe('offline');
    await call(a, 'sync:networkUp', {});
    await syncStatus(a, (st) => st.state === 'synced' && !st.pending.includes(id), 'desk A back and synced', 10_000);
  });

  it('a server that froze is shown offline within 5 s with no article open (the heartbeat)', async () => {
    const child = await fx.spawn(await fx.temp(), { BANTIN_ADMIN_PASSWORD: 'mật-khẩu-quản-trị-đủ-dài' });
    const admin = { url: child.url, adminToken: await login(child.url, 'admin', 'mật-khẩu-quản-trị-đủ-dài') };
    await addUser(admin, 'biên-tập-1', 'editor');
    const a = await desk();
    await loginAs(a, child.url, 'biên-tập-1');
    await syncStatus(a, allSynced, 'desk A synced');

    // Frozen, not stopped: its sockets stay open and nothing closes them (as with a link gone silent).
    child.child.kill('SIGSTOP');
    try {
      await syncStatus(a, (st) => st.state === 'offline', 'desk A offline', 5_000);
    } finally {
      child.child.kill('SIGCONT');
    }
  });

  it('a refused article leaves the desk online, and the status names the refusal', async () => {
    const s = await fx.start();
    await addUser(s, 'phóng-viên-1', 'reporter');
    await addUser(s, 'phóng-viên-2', 'reporter');
    const dirA = await fx.temp('bantin-desk-');
    const dirB = await fx.temp('bantin-desk-');
    const a = await desk(dirA);
    const id = await newArticle(a, 'Bài riêng của phóng viên 1');
    await loginAs(a, s, 'phóng-viên-1');
    await syncStatus(a, allSynced, 'desk A synced');

    // Desk B has a copy by other means, open in a window, and B's reporter has no right to it.
    await fs.mkdir(path.join(dirB, 'articles'), { recursive: true });
    await fs.copyFile(path.join(dirA, 'articles', `${id}.ydoc`), path.join(dirB, 'articles', `${id}.ydoc`));
    const b = await desk(dirB);
    b.hub.connect('window-b', () => undefined);
    await call(b, 'article:open', { id }, 'window-b');
    await loginAs(b, s, 'phóng-viên-2');
    await syncStatus(b, (st) => st.refused.some((r) => r.id === id), 'the refusal');

    // The server answers all along: the desk never says offline, and settles on synced with the refusal beside it.
    const seen = new Set<string>();
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      seen.add(b.sync.status().state);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect([...seen].filter((st) => st !== 'synced' && st !== 'syncing')).toEqual([]);
    const status = await syncStatus(b, (st) => st.state === 'synced', 'synced');
    expect(status.refused).toEqual([{ id, code: 'syncForbidden' }]);

    // Assigned to B's reporter: the server says so at once, the refusal goes and the article syncs.
    const assigned = await api(s.url, 'PUT', `/api/articles/${id}/assignees`, { token: s.adminToken, json: { users: ['phóng-viên-2'] } });
    expect(assigned.status).toBe(200);
    await syncStatus(b, (st) => st.refused.length === 0 && allSynced(st), 'B synced without refusal', 10_000);
  });
});

describe('the directory channel on the server', () => {
  it('tells only the users who may read the article, and carries nothing a desk sends', async () => {
    const s = await fx.start();
    const owner = await userWithToken(s, 'phóng-viên-1', 'reporter');
    const other = await userWithToken(s, 'phóng-viên-2', 'reporter');
    const editor = await userWithToken(s, 'biên-tập-1', 'editor');
    const heard = new Map<string, string[]>();
    const listen = (name: string, token: string): HocuspocusProvider => {
      // As a desk attaches it: no awareness (the server takes no presence on the channel).
      const channel = new HocuspocusProvider({ websocketProvider: fx.client(s, token).socket, name: DIRECTORY_CHANNEL, token, awareness: null });
      channel.attach();
      heard.set(name, []);
      channel.on('stateless', ({ payload }: { payload: string }) => heard.get(name)!.push(payload));
      return channel;
    };
    const channels = [listen('owner', owner), listen('other', other), listen('editor', editor)];
    await Promise.all(channels.map((c) => acknowledged(c)));

    // The owner writes an article: the owner's and the editor's desks are told, the other reporter's not.
    const id = 'bai-rieng-0001';
    const writer = fx.client(s, owner).open(id);
    writer.document.getText('headline').insert(0, 'Bài riêng');
    await acknowledged(writer);
    await waitFor(() => heard.get('editor')!.length > 0 && heard.get('owner')!.length > 0, 'the notices');
    expect(JSON.parse(heard.get('editor')![0]!)).toMatchObject({ kind: 'article', id });
    // A desk's broadcast on the channel reaches nobody, and its attempt to write to it is refused.
    const broadcast = encoding.createEncoder(); // Hocuspocus's BroadcastStateless (6), which the provider has no method for
    encoding.writeVarString(broadcast, DIRECTORY_CHANNEL);
    encoding.writeVarUint(broadcast, 6);
    encoding.writeVarString(broadcast, '{"kind":"article","id":"gia-mao-0001","version":9,"updatedAt":"x"}');
    channels[1]!.configuration.websocketProvider.send(encoding.toUint8Array(broadcast));
    channels[1]!.document.getText('x').insert(0, 'không được ghi');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(heard.get('other')).toEqual([]);
    expect(heard.get('editor')!.every((p) => !p.includes('gia-mao'))).toBe(true);
    const row = await api(s.url, 'GET', '/api/directory', { token: other });
    expect((row.json as unknown as DirectoryResponse).articles).toEqual([]);
  });
});
