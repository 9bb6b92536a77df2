/**
 * Who may have which article, against a real server and real Hocuspocus providers: a reporter
 * their own (first writer) and assigned articles, an editor all; the directory says the same;
 * an update that touches `workflow` is refused and not stored.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { workflow } from '../../src-shared/article-doc';
import type { DirectoryEntry } from '../../src-shared/server-api';
import { acknowledged, api, closedWith, readThroughServer, refusedWith, serverFixtures, until, userWithToken, type SyncClient, type TestServer } from '../support/server';

const fixtures = serverFixtures();
const server = (): Promise<TestServer> => fixtures.start();
const client = (s: TestServer, token: string): SyncClient => fixtures.client(s, token);

async function directory(s: TestServer, token: string): Promise<DirectoryEntry[]> {
  const answer = await api(s.url, 'GET', '/api/directory', { token });
  expect(answer.status).toBe(200);
  return answer.json.articles as DirectoryEntry[];
}

const ARTICLE = 'bai-cua-minh-thu-01';

describe('newsroom server: access to articles', () => {
  it('a reporter cannot read another reporter’s article until it is assigned to them; an editor can', async () => {
    const s = await server();
    const thu = await userWithToken(s, 'minhthu', 'reporter');
    const nam = await userWithToken(s, 'vannam', 'reporter');
    const editor = await userWithToken(s, 'bientap', 'editor');

    const mine = client(s, thu).open(ARTICLE);
    await acknowledged(mine);
    mine.document.getText('headline').insert(0, 'Lũ quét ở Hà Giang');
    await acknowledged(mine);

    expect(await refusedWith(client(s, nam).open(ARTICLE))).toBe('forbidden');
    expect((await directory(s, nam)).map((a) => a.id)).toEqual([]);
    const thuDir = await directory(s, thu);
    expect(thuDir).toEqual([expect.objectContaining({ id: ARTICLE, owner: 'minhthu', assignees: [] })]);
    expect(thuDir[0]!.version).toBeGreaterThan(0);

    // The editor sees and reads every article.
    expect((await directory(s, editor)).map((a) => a.id)).toEqual([ARTICLE]);
    expect((await readThroughServer(s.wsUrl, editor, ARTICLE)).getText('headline').toString()).toBe('Lũ quét ở Hà Giang');

    // Only an editor or admin assigns; after that the other reporter may read and write.
    const byReporter = await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: thu, json: { users: ['vannam'] } });
    expect(byReporter.status).toBe(403);
    expect(byReporter.json).toEqual({ error: 'forbidden' });
    const assigned = await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: editor, json: { users: ['vannam'] } });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toEqual({ id: ARTICLE, assignees: ['vannam'], owner: 'minhthu' });
    expect((await directory(s, nam)).map((a) => [a.id, a.owner, a.assignees])).toEqual([[ARTICLE, 'minhthu', ['vannam']]]);

    const his = client(s, nam).open(ARTICLE);
    await acknowledged(his);
    expect(his.document.getText('headline').toString()).toBe('Lũ quét ở Hà Giang');
    his.document.getText('headline').insert(0, '[Cập nhật] ');
    await acknowledged(his);
    expect((await readThroughServer(s.wsUrl, thu, ARTICLE)).getText('headline').toString()).toBe('[Cập nhật] Lũ quét ở Hà Giang');

    // Taken off the article, his open connection is closed and he is refused again.
    const dropped = refusedWith(his);
    await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: editor, json: { users: [] } });
    expect(await dropped).toBe('forbidden');
    expect(await refusedWith(client(s, nam).open(ARTICLE))).toBe('forbidden');
    expect(await directory(s, nam)).toEqual([]);
  });

  it('assigning refuses an unknown article or user with a code', async () => {
    const s = await server();
    const editor = await userWithToken(s, 'bientap', 'editor');
    const noArticle = await api(s.url, 'PUT', '/api/articles/khong-co-bai-nay/assignees', { token: editor, json: { users: [] } });
    expect(noArticle.status).toBe(404);
    expect(noArticle.json).toEqual({ error: 'notFound' });
    await acknowledged(client(s, editor).open(ARTICLE));
    const noUser = await api(s.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: editor, json: { users: ['ai-do'] } });
    expect(noUser.status).toBe(400);
    expect(noUser.json).toMatchObject({ error: 'invalidPayload', field: 'users' });
  });

  it('the directory lists a version that grows with every stored change', async () => {
    const s = await server();
    const thu = await userWithToken(s, 'minhthu', 'reporter');
    const p = client(s, thu).open(ARTICLE);
    await acknowledged(p);
    p.document.getText('headline').insert(0, 'Một');
    await acknowledged(p);
    const v1 = (await directory(s, thu))[0]!.version;
    p.document.getText('headline').insert(3, ' hai');
    await acknowledged(p);
    const v2 = (await directory(s, thu))[0]!.version;
    expect(v2).toBeGreaterThan(v1);
  });
});

describe('newsroom server: workflow is the server’s', () => {
  it('refuses a client update that touches workflow, stores none of it, and keeps taking other updates', async () => {
    const s = await server();
    const editor = await userWithToken(s, 'bientap', 'editor');
    const first = client(s, editor).open(ARTICLE);
    await acknowledged(first);
    first.document.getText('headline').insert(0, 'Tít bài');
    await acknowledged(first);

    const closed = closedWith(first);
    first.document.transact(() => {
      workflow(first.document).set('status', 'published');
      first.document.getText('sapo').insert(0, 'cùng giao dịch');
    });
    expect(await closed).toBe('workflowReadOnly');

    const onServer = await readThroughServer(s.wsUrl, editor, ARTICLE);
    expect(onServer.getText('headline').toString()).toBe('Tít bài');
    expect(workflow(onServer).size).toBe(0);
    expect(onServer.getText('sapo').toString()).toBe('');
    const stored = await s.server.storage.documentParts(ARTICLE);
    const fromDisk = new Y.Doc();
    for (const part of stored) Y.applyUpdate(fromDisk, part);
    expect(workflow(fromDisk).size).toBe(0);

    // Another client goes on editing.
    const second = client(s, editor).open(ARTICLE);
    await acknowledged(second);
    second.document.getText('headline').insert(7, ' mới');
    await acknowledged(second);
    expect((await readThroughServer(s.wsUrl, editor, ARTICLE)).getText('headline').toString()).toBe('Tít bài mới');
  });

  it('refuses a sync message whose update is not a Yjs update, and stores nothing', async () => {
    const s = await server();
    const editor = await userWithToken(s, 'bientap', 'editor');
    const ws = new WebSocket(s.wsUrl);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const received: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, ARTICLE);
      write(e);
      return encoding.toUint8Array(e);
    };
    ws.send(message((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, editor)))); // Auth, Token
    ws.send(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array([7, 255, 255, 255, 255, 255, 3]))))); // Sync, Update
    // The server closes the article's connection with the reason (message type 7, CLOSE).
    await until(() => received.some((m) => { const d = decoding.createDecoder(m); decoding.readVarString(d); return decoding.readVarUint(d) === 7 && decoding.readVarString(d) === 'invalidPayload'; }), 'the close message');
    ws.close();
    expect(await s.server.storage.documentParts(ARTICLE)).toEqual([]);
    // The article is fine for everybody else.
    const p = client(s, editor).open(ARTICLE);
    await acknowledged(p);
    p.document.getText('headline').insert(0, 'Vẫn ổn');
    await acknowledged(p);
    expect((await readThroughServer(s.wsUrl, editor, ARTICLE)).getText('headline').toString()).toBe('Vẫn ổn');
  });

  it('refuses a nested change and a deletion inside workflow too', async () => {
    const s = await server();
    const editor = await userWithToken(s, 'bientap', 'editor');
    // The server's own writer (the future transition API) puts a note map into workflow.
    const direct = await s.server.hocuspocus.openDirectConnection(ARTICLE);
    await direct.transact((doc) => {
      const notes = new Y.Map<unknown>();
      notes.set('vi', 'Sửa đoạn hai');
      workflow(doc).set('notes', notes);
      workflow(doc).set('status', 'returned');
    });
    await direct.disconnect();

    const p = client(s, editor).open(ARTICLE);
    await acknowledged(p);
    expect(workflow(p.document).get('status')).toBe('returned');
    const nested = closedWith(p);
    (workflow(p.document).get('notes') as Y.Map<unknown>).set('vi', 'Đã sửa');
    expect(await nested).toBe('workflowReadOnly');

    const q = client(s, editor).open(ARTICLE);
    await acknowledged(q);
    expect((workflow(q.document).get('notes') as Y.Map<unknown>).get('vi')).toBe('Sửa đoạn hai');
    const deletion = closedWith(q);
    workflow(q.document).delete('status');
    expect(await deletion).toBe('workflowReadOnly');
    expect(workflow(await readThroughServer(s.wsUrl, editor, ARTICLE)).get('status')).toBe('returned');
  });
});
