/**
 * The editorial workflow on the newsroom server, on SQLite and on PostgreSQL: every role ×
 * status × target through POST /api/articles/<id>/transitions (allowed moves answered 200 and
 * seen by a desk through sync, refused ones with their code), two editors moving at once (one
 * wins, one is told the status changed), a submission the server's checklist finds incomplete,
 * the recorded moves and the state kept at a submission, the editors' queue, a change stored
 * after approval marking the article, and a client's own write to `workflow` still refused.
 *
 * The expected moves are written out here, not read from src-shared/workflow.ts, so a wrong
 * state machine fails this test rather than agreeing with itself.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline, initArticle, meta, sapo, setBodyLines, setText, workflow } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import { STATUSES, type Status } from '../../src-shared/models';
import type { QueueRow, Role } from '../../src-shared/server-api';
import type { Transition } from '../../src-shared/workflow';
import { serverBackends } from '../support/backends';
import { acknowledged, api, closedWith, login, startTestServer, SyncClient, until, userWithToken, type TestServer } from '../support/server';
import { tempDirs } from '../support/temp';

const { postgres, backends: BACKENDS } = serverBackends('the workflow tests');

const temp = tempDirs();
const servers: TestServer[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.server.close()));
  await temp.cleanup();
});



type Person = 'owner' | 'other' | 'assignee' | 'editor' | 'admin';
const PEOPLE: readonly Person[] = ['owner', 'other', 'assignee', 'editor', 'admin'];
const ROLE: Record<Person, Role> = { owner: 'reporter', other: 'reporter', assignee: 'reporter', editor: 'editor', admin: 'admin' };

/** The workflow as the newsroom agreed it: each move and who makes it (an admin makes any). */
const MOVES: Record<Status, Partial<Record<Status, 'writer' | 'editor'>>> = {
  draft: { submitted: 'writer' },
  submitted: { editing: 'editor' },
  editing: { approved: 'editor', returned: 'editor', spiked: 'editor' },
  returned: { submitted: 'writer' },
  approved: { published: 'editor', editing: 'editor' },
  published: {},
  spiked: { draft: 'editor' },
};

/** What a move should get: 200, or the refusal's status and code. */
function expected(person: Person, from: Status, to: Status): { status: number; error?: string } {
  // A reporter the article is neither owned by nor assigned to is not even told it exists.
  if (person === 'other') return { status: 404, error: 'notFound' };
  if (from === to) return { status: 409, error: 'moveNotAllowed' };
  if (person === 'admin') return { status: 200 };
  const who = MOVES[from][to];
  if (!who) return { status: 409, error: 'moveNotAllowed' };
  const may = who === 'editor' ? person === 'editor' : person === 'owner' || person === 'assignee';
  return may ? { status: 200 } : { status: 403, error: 'forbidden' };
}

const NOTE = 'Cần thêm nguồn cho đoạn hai';

/** Fills in everything the submission checklist asks for. */
function complete(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    initArticle(doc, { id, language: 'vi', createdAt: '2025-06-01T00:00:00.000Z', byline: 'Minh Thư', section: 'Thời sự' });
    setText(headline(doc), 'Lũ quét ở Hà Giang');
    setText(sapo(doc), 'Mưa lớn kéo dài gây lũ quét.');
    setBodyLines(doc, ['Đoạn một của bài.', 'Đoạn hai của bài.']);
    setEventTimes(doc, { start: '2025-06-20T08:00' });
    setEventPlace(doc, { unit: { level: 'province', code: '02', name: 'Hà Giang', provinceCode: '02', provinceName: 'Hà Giang' }, former: null });
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the workflow on ${backend.name}`, () => {
    async function newsroom(): Promise<{ s: TestServer; tokens: Record<Person, string> }> {
      const s = await startTestServer(await temp.make('bantin-workflow-'), { databaseUrl: await backend.database() });
      servers.push(s);
      const tokens: Record<Person, string> = {
        owner: await userWithToken(s, 'Minh Thư', 'reporter'),
        other: await userWithToken(s, 'Quang', 'reporter'),
        assignee: await userWithToken(s, 'Lan Anh', 'reporter'),
        editor: await userWithToken(s, 'Đức Anh', 'editor'),
        admin: s.adminToken,
      };
      return { s, tokens };
    }

    /** The owner's article, on the server; the owner's provider stays open. */
    async function article(s: TestServer, token: string, id: string, fill: (doc: Y.Doc) => void): Promise<HocuspocusProvider> {
      const c = new SyncClient(s.wsUrl, token);
      clients.push(c);
      const p = c.open(id);
      await acknowledged(p);
      fill(p.document);
      await acknowledged(p);
      return p;
    }

    /** A desk that only watches the article's status through sync. */
    function desk(s: TestServer, token: string, id: string): HocuspocusProvider {
      const c = new SyncClient(s.wsUrl, token);
      clients.push(c);
      return c.open(id);
    }

    const move = (s: TestServer, token: string, id: string, json: Record<string, unknown>) => api(s.url, 'POST', `/api/articles/${id}/transitions`, { token, json });

    it('every role × status × target: allowed moves 200 and seen through sync, refused ones with their code', { timeout: 120_000 }, async () => {
      const { s, tokens } = await newsroom();
      const id = 'bai-quy-trinh-001';
      await article(s, tokens.owner, id, (doc) => complete(doc, id));
      expect((await api(s.url, 'PUT', `/api/articles/${id}/assignees`, { token: tokens.admin, json: { users: ['Lan Anh'] } })).status).toBe(200);
      const watcher = desk(s, tokens.editor, id);
      await acknowledged(watcher);
      const seen = (status: Status) => until(() => workflow(watcher.document).get('status') === status, `the desk to see ${status}`);

      let current: Status = 'draft';
      /** Puts the article in `status` by an admin's move (an admin may make any move). */
      const drive = async (status: Status): Promise<void> => {
        if (current === status) return;
        const answer = await move(s, tokens.admin, id, { to: status, expected: current, note: NOTE });
        expect(answer.status, `admin ${current} → ${status}`).toBe(200);
        current = status;
        await seen(status);
      };

      let allowed = 0;
      for (const from of STATUSES) {
        for (const person of PEOPLE) {
          for (const to of STATUSES) {
            await drive(from);
            const want = expected(person, from, to);
            const answer = await move(s, tokens[person], id, { to, expected: from, note: NOTE });
            const cell = `${person} (${ROLE[person]}) ${from} → ${to}`;
            expect(answer.status, cell).toBe(want.status);
            if (want.status === 200) {
              allowed++;
              expect(answer.json, cell).toMatchObject({ status: to, transition: { article: id, from, to, note: NOTE } });
              current = to;
              await seen(to);
              expect(workflow(watcher.document).toJSON(), cell).toMatchObject({ status: to, note: NOTE });
            } else {
              expect(answer.json, cell).toEqual(want.error === 'moveNotAllowed' ? { error: 'moveNotAllowed', status: from } : { error: want.error });
            }
          }
        }
      }
      // 42 an admin's, 4 the writers' (owner, assignee: draft and returned → submitted), 7 the editor's.
      expect(allowed).toBe(42 + 2 * 2 + 7);

      // Every move was recorded, by name, in order; a reporter who may not read the article is not told.
      const history = await api(s.url, 'GET', `/api/articles/${id}/transitions`, { token: tokens.owner });
      const moves = history.json.transitions as Transition[];
      expect(moves.length).toBeGreaterThan(allowed);
      expect(moves.every((t, i) => i === 0 || t.from === moves[i - 1]!.to)).toBe(true);
      expect(new Set(moves.map((t) => t.by))).toEqual(new Set(['admin', 'Minh Thư', 'Lan Anh', 'Đức Anh']));
      expect((await api(s.url, 'GET', `/api/articles/${id}/transitions`, { token: tokens.other })).status).toBe(404);
    });

    it('two editors at once: one moves it, the other is told it changed; a return needs a note; an incomplete submission lists what is missing', async () => {
      const { s, tokens } = await newsroom();
      const second = await userWithToken(s, 'Hà Trang', 'editor');
      const id = 'bai-quy-trinh-002';
      await article(s, tokens.owner, id, (doc) => complete(doc, id));
      expect((await move(s, tokens.owner, id, { to: 'submitted', expected: 'draft' })).status).toBe(200);

      const answers = await Promise.all([tokens.editor, second].map((token) => move(s, token, id, { to: 'editing', expected: 'submitted' })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.json).toEqual({ error: 'statusChanged', status: 'editing' });
      const history = (await api(s.url, 'GET', `/api/articles/${id}/transitions`, { token: tokens.owner })).json.transitions as Transition[];
      expect(history.map((t) => `${t.from}→${t.to}`)).toEqual(['draft→submitted', 'submitted→editing']);

      // A return without a note (blank counts as none) is refused and moves nothing.
      expect((await move(s, tokens.editor, id, { to: 'returned', note: '  ' })).json).toEqual({ error: 'noteRequired' });
      expect((await move(s, tokens.editor, id, { to: 'returned' })).status).toBe(400);
      // The note as typed on a desk that decomposes accents (NFD) is kept composed (NFC).
      const returned = await move(s, tokens.editor, id, { to: 'returned', note: ' Thiếu nguồn ở đoạn hai '.normalize('NFD') });
      expect(returned.json).toMatchObject({ status: 'returned', transition: { from: 'editing', to: 'returned', note: 'Thiếu nguồn ở đoạn hai', by: 'Đức Anh' } });

      // The server's own copy is checked: an article lacking its lead and event is refused, naming them.
      const bare = 'bai-quy-trinh-003';
      const p = await article(s, tokens.owner, bare, (doc) => {
        initArticle(doc, { id: bare, language: 'vi', createdAt: '2025-06-01T00:00:00.000Z', byline: 'Minh Thư' });
        setText(headline(doc), 'Chỉ có tít');
        setBodyLines(doc, ['Một đoạn.']);
      });
      const refused = await move(s, tokens.owner, bare, { to: 'submitted' });
      expect(refused.status).toBe(422);
      expect(refused.json).toEqual({ error: 'incomplete', missing: ['sapo', 'eventDate', 'eventPlace'] });
      expect(workflow(p.document).get('status')).toBeUndefined();
      expect((await api(s.url, 'GET', `/api/articles/${bare}/transitions`, { token: tokens.owner })).json).toEqual({ transitions: [], changedSinceApproved: false });
    });

    it('the server’s write is stored before it answers; a desk’s own write to workflow is still refused after it', async () => {
      const { s, tokens } = await newsroom();
      const id = 'bai-quy-trinh-004';
      const p = await article(s, tokens.owner, id, (doc) => complete(doc, id));
      expect((await move(s, tokens.owner, id, { to: 'submitted' })).status).toBe(200);
      // Stored before the answer, as a desk's update is before its acknowledgement.
      const stored = new Y.Doc();
      for (const part of await s.server.storage.documentParts(id)) Y.applyUpdate(stored, part);
      expect(workflow(stored).toJSON()).toMatchObject({ status: 'submitted', by: 'Minh Thư', note: '' });
      await until(() => workflow(p.document).get('status') === 'submitted', 'the owner’s desk to see submitted');
      const closed = closedWith(p);
      workflow(p.document).set('status', 'approved');
      expect(await closed).toBe('workflowReadOnly');
      const history = (await api(s.url, 'GET', `/api/articles/${id}/transitions`, { token: tokens.owner })).json.transitions as Transition[];
      expect(history.map((t) => t.to)).toEqual(['submitted']);
      const watcher = desk(s, tokens.editor, id);
      await acknowledged(watcher);
      expect(workflow(watcher.document).get('status')).toBe('submitted');
    });

    it('the queue: what waits for an editor; the state kept at submission and who wrote what since, by account; a change after approval kept and marked', async () => {
      const { s, tokens } = await newsroom();
      const id = 'bai-quy-trinh-005';
      const p = await article(s, tokens.owner, id, (doc) => complete(doc, id));
      expect((await api(s.url, 'PUT', `/api/articles/${id}/assignees`, { token: tokens.admin, json: { users: ['Lan Anh'] } })).status).toBe(200);
      const submitted = await move(s, tokens.owner, id, { to: 'submitted' });
      expect(submitted.status).toBe(200);
      const submission = (submitted.json.transition as Transition).id;

      const queue = async (): Promise<QueueRow[]> => {
        const answer = await api(s.url, 'GET', '/api/queue', { token: tokens.editor });
        expect(answer.status).toBe(200);
        return answer.json.articles as QueueRow[];
      };
      expect(await queue()).toEqual([
        {
          id,
          headline: 'Lũ quét ở Hà Giang',
          owner: 'Minh Thư',
          assignees: ['Lan Anh'],
          section: 'Thời sự',
          status: 'submitted',
          arrivedAt: (submitted.json.transition as Transition).at,
          words: expect.any(Number),
          updatedAt: expect.any(String),
          changedSinceApproved: false,
          language: 'vi',
          openComments: 0,
        },
      ]);
      expect((await queue())[0]!.words).toBeGreaterThan(10);
      expect((await api(s.url, 'GET', '/api/queue', { token: tokens.owner })).json).toEqual({ error: 'forbidden' });

      // Edited after submission: the state kept with the submission still has the old headline.
      setText(headline(p.document), 'Lũ quét ở Hà Giang: hai xã bị cô lập');
      await acknowledged(p);
      const kept = await api(s.url, 'GET', `/api/articles/${id}/transitions/${submission}/state`, { token: tokens.editor });
      expect(kept.status).toBe(200);
      const then = new Y.Doc();
      Y.applyUpdate(then, Buffer.from(kept.json.state as string, 'base64'));
      expect(headline(then).toString()).toBe('Lũ quét ở Hà Giang');
      expect(workflow(then).get('status')).toBe('submitted');
      expect((await api(s.url, 'GET', `/api/articles/${id}/transitions/${submission}/state`, { token: tokens.other })).status).toBe(404);

      // Who wrote what since: the assignee adds to the lead; each added run of text is named by
      // the account that sent it (its Yjs client number, recorded by the server), through compaction.
      const assignee = await article(s, tokens.assignee, id, (doc) => setText(sapo(doc), `${sapo(doc).toString()} Hai xã bị cô lập.`));
      await s.server.storage.compact(id);
      const authors = await api(s.url, 'GET', `/api/articles/${id}/authors`, { token: tokens.editor });
      const byClient = new Map((authors.json.authors as Array<{ client: number; name: string }>).map((a) => [a.client, a.name]));
      expect(byClient.get(p.document.clientID)).toBe('Minh Thư');
      expect(byClient.get(assignee.document.clientID)).toBe('Lan Anh');
      const since = Y.encodeStateVector(then);
      const added = (text: Y.Text): string[] => {
        const runs: string[] = [];
        for (let item = text._start; item; item = item.right) {
          if (!item.deleted && item.id.clock >= (Y.decodeStateVector(since).get(item.id.client) ?? 0)) runs.push(`${byClient.get(item.id.client) ?? '?'}: ${(item.content as Y.ContentString).str}`);
        }
        return runs;
      };
      expect(added(headline(p.document))).toEqual(['Minh Thư: : hai xã bị cô lập']);
      expect(added(sapo(assignee.document))).toEqual(['Lan Anh:  Hai xã bị cô lập.']);
      expect((await api(s.url, 'GET', `/api/articles/${id}/authors`, { token: tokens.other })).status).toBe(404);

      // The server's "changes since": word by word, each added run named by account.
      setBodyLines(p.document, ['Đoạn một của bài.', 'Đoạn hai đã sửa của bài.']);
      await acknowledged(p);
      const changes = await api(s.url, 'GET', `/api/articles/${id}/transitions/${submission}/changes`, { token: tokens.editor });
      expect(changes.status).toBe(200);
      const changed = Object.fromEntries(
        (changes.json.fields as Array<{ field: string; segments: Array<{ op: string; text: string; by?: string[] }> }>).map((f) => [f.field, f.segments.filter((x) => x.op !== 'same')]),
      );
      expect(changed).toEqual({
        headline: [{ op: 'added', text: ': hai xã bị cô lập', by: ['Minh Thư'] }],
        sapo: [{ op: 'added', text: ' Hai xã bị cô lập.', by: ['Lan Anh'] }],
        body: [{ op: 'added', text: expect.stringMatching(/^ ?đã sửa ?$/), by: ['Minh Thư'] }],
      });

      // Approved: out of the queue. A late edit is stored, and brings it back marked.
      expect((await move(s, tokens.editor, id, { to: 'editing', expected: 'submitted' })).status).toBe(200);
      expect((await queue()).map((r) => r.status)).toEqual(['editing']);
      const approved = await move(s, tokens.editor, id, { to: 'approved', expected: 'editing' });
      expect(approved.status).toBe(200);
      expect(Object.keys(approved.json.transition as object).sort()).toEqual(['article', 'at', 'by', 'from', 'id', 'note', 'to']);
      // The state at approval is kept too: a late edit is shown against it.
      const approval = (approved.json.transition as Transition).id;
      expect((await api(s.url, 'GET', `/api/articles/${id}/transitions/${approval}/state`, { token: tokens.editor })).status).toBe(200);
      expect(await queue()).toEqual([]);
      await until(() => workflow(p.document).get('status') === 'approved', 'the owner’s desk to see approved');
      meta(p.document).set('byline', 'Minh Thư, Lan Anh');
      setText(headline(p.document), 'Lũ quét ở Hà Giang: hai xã vẫn bị cô lập');
      await acknowledged(p);
      expect(await queue()).toMatchObject([{ id, status: 'approved', changedSinceApproved: true }]);
      const late = await api(s.url, 'GET', `/api/articles/${id}/transitions/${approval}/changes`, { token: tokens.editor });
      const lateHeadline = (late.json.fields as Array<{ field: string; segments: Array<{ op: string; text: string; by?: string[] }> }>).find((f) => f.field === 'headline')!;
      expect(lateHeadline.segments.filter((x) => x.op !== 'same')).toEqual([{ op: 'added', text: expect.stringMatching(/^ ?vẫn ?$/), by: ['Minh Thư'] }]);
      const marked = async (): Promise<unknown> => (await api(s.url, 'GET', `/api/articles/${id}/transitions`, { token: tokens.owner })).json.changedSinceApproved;
      expect(await marked()).toBe(true);
      const watcher = desk(s, tokens.editor, id);
      await acknowledged(watcher);
      expect(meta(watcher.document).get('byline')).toBe('Minh Thư, Lan Anh');
      // Published: still marked only by changes after that move.
      expect((await move(s, tokens.editor, id, { to: 'published', expected: 'approved' })).status).toBe(200);
      expect(await queue()).toEqual([]);
      expect(await marked()).toBe(false);
    });
  });
}

describe.skipIf(!postgres.ok)(`the workflow on PostgreSQL: two instances, one database${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`, () => {
  it('an editor on another instance, whose copy of the article has not heard of a move, is refused by the database', async () => {
    const databaseUrl = await BACKENDS[1].database();
    const a = await startTestServer(await temp.make('bantin-workflow-'), { databaseUrl });
    servers.push(a);
    const b = await startTestServer(await temp.make('bantin-workflow-'), { databaseUrl });
    servers.push(b);
    const owner = await userWithToken(a, 'Minh Thư', 'reporter');
    const atA = await userWithToken(a, 'Đức Anh', 'editor');
    await userWithToken(a, 'Hà Trang', 'editor');
    const atB = await login(b.url, 'Hà Trang', 'Hà Trang-mật-khẩu-dài');
    const id = 'bai-hai-may-chu-01';
    const c = new SyncClient(a.wsUrl, owner);
    clients.push(c);
    const p = c.open(id);
    await acknowledged(p);
    complete(p.document, id);
    await acknowledged(p);
    expect((await api(a.url, 'POST', `/api/articles/${id}/transitions`, { token: owner, json: { to: 'submitted' } })).status).toBe(200);

    // B holds the article open, submitted; without the Redis extension it does not hear of A's moves.
    const d = new SyncClient(b.wsUrl, atB);
    clients.push(d);
    const atBDesk = d.open(id);
    await acknowledged(atBDesk);
    expect(workflow(atBDesk.document).get('status')).toBe('submitted');
    expect((await api(a.url, 'POST', `/api/articles/${id}/transitions`, { token: atA, json: { to: 'editing', expected: 'submitted' } })).status).toBe(200);
    const late = await api(b.url, 'POST', `/api/articles/${id}/transitions`, { token: atB, json: { to: 'editing', expected: 'submitted' } });
    expect(late.json).toEqual({ error: 'statusChanged', status: 'editing' });
    expect(workflow(atBDesk.document).get('status')).toBe('submitted'); // nothing of the refused move reached B's desks
    const history = (await api(b.url, 'GET', `/api/articles/${id}/transitions`, { token: atB })).json.transitions as Transition[];
    expect(history.map((t) => `${t.from}→${t.to}`)).toEqual(['draft→submitted', 'submitted→editing']);
  });
});
