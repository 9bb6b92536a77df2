/**
 * `server migrate`: a SQLite newsroom moved into an empty PostgreSQL database (a throwaway
 * cluster, test/support/postgres.ts) — every row of every table the same on both sides, and a
 * server started on PostgreSQL with the same data folder serving each article as it was, the
 * moves, the users (their passwords still valid) and the photos. Then the PostgreSQL backup
 * the README gives (pg_dump, pg_restore into a new database), restored whole.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline, initArticle, readArticle, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import { runCommand } from '../../src-server/cli/commands';
import { SqliteStorage } from '../../src-server/storage';
import type { CommandIo } from '../../src-server/cli/io';
import { postgresAvailability, startPostgres, type PostgresCluster } from '../support/postgres';
import { acknowledged, api, login, readThroughServer, serverFixtures, userWithToken } from '../support/server';

const postgres = postgresAvailability();
if (!postgres.ok) {
  // CI sets BANTIN_REQUIRE_POSTGRES (.ci/run installs PostgreSQL): there a skip would hide a broken install.
  if (process.env.BANTIN_REQUIRE_POSTGRES) throw new Error(`BANTIN_REQUIRE_POSTGRES is set but ${postgres.reason}`);
  console.warn(`SKIPPED: server migrate: ${postgres.reason}`);
}

const fx = serverFixtures();
let cluster: PostgresCluster | null = null;
afterAll(async () => {
  await cluster?.stop();
  cluster = null;
});

const run = promisify(execFile);
const TABLES = ['users', 'tokens', 'articles', 'article_updates', 'article_writers', 'assignments', 'photos', 'owner_changes', 'article_clients', 'transitions'];
const IDS = ['bai-chuyen-nha-00001', 'bai-chuyen-nha-00002', 'bai-chuyen-nha-00003'];

async function migrate(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, readLine: () => Promise.reject(new Error('no input here')) };
  return { code: await runCommand('migrate', args, io), out, err };
}

/** A row as text, column by column: numbers as PostgreSQL's BIGINT strings, booleans as SQLite's 0/1, bytes as base64. */
const rowText = (row: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => {
        const v = row[k];
        if (v === null) return [k, null];
        if (Buffer.isBuffer(v)) return [k, v.toString('base64')];
        if (typeof v === 'boolean') return [k, v ? '1' : '0'];
        return [k, String(v)];
      }),
  );

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

describe.skipIf(!postgres.ok)(`server migrate${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`, () => {
  it('moves every row of a SQLite newsroom into PostgreSQL; a server there serves the same articles, moves, accounts and photos; pg_dump and pg_restore restore it whole', async () => {
    if (!postgres.ok) throw new Error(postgres.reason);
    cluster ??= await startPostgres(postgres);
    const url = await cluster.createDatabase();

    // A newsroom on SQLite: accounts (one disabled), articles written by two people, a
    // submission, an assignment, an article given to someone else, a photo.
    const dir = await fx.temp();
    const s = await fx.start({}, dir);
    const reporter = await userWithToken(s, 'Minh Thư', 'reporter');
    const editor = await userWithToken(s, 'Đức Anh', 'editor');
    await userWithToken(s, 'Lan Anh', 'reporter');
    await userWithToken(s, 'Cũ', 'reporter');
    expect((await api(s.url, 'PATCH', '/api/users/Cũ', { token: s.adminToken, json: { disabled: true } })).status).toBe(200);
    const mine = fx.client(s, reporter);
    const theirs = fx.client(s, editor);
    for (const id of IDS) {
      const p = mine.open(id);
      await acknowledged(p);
      complete(p.document, id);
      await acknowledged(p);
      const q = theirs.open(id);
      await acknowledged(q);
      headline(q.document).insert(headline(q.document).length, ` — biên tập ${id.slice(-1)}`);
      await acknowledged(q);
    }
    expect((await api(s.url, 'POST', `/api/articles/${IDS[0]}/transitions`, { token: reporter, json: { to: 'submitted' } })).status).toBe(200);
    expect((await api(s.url, 'PUT', `/api/articles/${IDS[1]}/assignees`, { token: editor, json: { users: ['Lan Anh'] } })).status).toBe(200);
    expect((await api(s.url, 'POST', `/api/articles/${IDS[2]}/owner`, { token: editor, json: { user: 'Lan Anh' } })).status).toBe(200);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('ảnh thử '.repeat(200))]);
    const photoId = createHash('sha256').update(photo).digest('hex');
    expect((await api(s.url, 'PUT', `/api/photos/${photoId}`, { token: reporter, body: photo })).status).toBe(201);
    const docs: Record<string, Y.Doc> = {};
    for (const id of IDS) docs[id] = await readThroughServer(s.wsUrl, s.adminToken, id);
    const moves = (await api(s.url, 'GET', `/api/articles/${IDS[0]}/transitions`, { token: s.adminToken })).json;
    const users = (await api(s.url, 'GET', '/api/users', { token: s.adminToken })).json;

    // Refused while the server runs on the folder: nothing written.
    const busy = await migrate(['--data', dir, '--to', url]);
    expect(busy.code).toBe(1);
    expect(busy.err[0]).toMatch(/not moved.*another newsroom server is using/);
    // The desks go first: one destroyed while reconnecting to a stopped server throws outside any test.
    mine.destroy();
    theirs.destroy();
    await s.server.close();

    // A change logged but not yet folded into its article's state (as a server killed after
    // storing it leaves it): moved as a row of the log.
    const late = docs[IDS[1]!]!;
    const known = Y.encodeStateVector(late);
    headline(late).insert(headline(late).length, ' (cập nhật)');
    const logged = new SqliteStorage(dir);
    await logged.appendUpdate(IDS[1]!, Y.encodeStateAsUpdate(late, known), null, new Date().toISOString());
    await logged.close();
    const before = Object.fromEntries(IDS.map((id) => [id, readArticle(docs[id]!)]));

    const moved = await migrate(['--data', dir, '--to', url]);
    expect(moved).toMatchObject({ code: 0, err: [] });
    expect(moved.out).toContain('Moved 5 users, 3 articles, 1 moves and 1 photos into ' + url + '.');

    // Every row of every table, the same.
    const sqlite = new Database(path.join(dir, 'server.sqlite'), { readonly: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const table of TABLES) {
        const from = (sqlite.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>).map(rowText).sort();
        const to = (await client.query(`SELECT * FROM ${table}`)).rows.map(rowText).sort();
        expect(to, table).toEqual(from);
        if (['users', 'articles', 'article_updates', 'transitions', 'photos', 'owner_changes', 'assignments'].includes(table)) expect(from.length, table).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
      sqlite.close();
    }

    // A second move into the same database is refused.
    const again = await migrate(['--data', dir, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/already holds a newsroom/);

    // The server on PostgreSQL, the same folder (photos): the same newsroom; new ids follow the old.
    const p = await fx.start({ databaseUrl: url }, dir);
    for (const id of IDS) expect(readArticle(await readThroughServer(p.wsUrl, p.adminToken, id)), id).toEqual(before[id]);
    expect((await api(p.url, 'GET', `/api/articles/${IDS[0]}/transitions`, { token: p.adminToken })).json).toEqual(moves);
    expect((await api(p.url, 'GET', '/api/users', { token: p.adminToken })).json).toEqual(users);
    expect((await api(p.url, 'GET', `/api/articles/${IDS[1]}/assignees`, { token: p.adminToken })).json).toEqual(expect.objectContaining({ id: IDS[1], assignees: ['Lan Anh'] }));
    await login(p.url, 'Minh Thư', 'Minh Thư-mật-khẩu-dài');
    expect((await api(p.url, 'HEAD', `/api/photos/${photoId}`, { token: p.adminToken })).status).toBe(200);
    expect((await api(p.url, 'POST', '/api/users', { token: p.adminToken, json: { name: 'Mới', role: 'editor', password: 'mật-khẩu-mới-đủ-dài' } })).status).toBe(201);
    const grown = (await api(p.url, 'GET', '/api/users', { token: p.adminToken })).json;

    // Backed up while that server runs and restored into a new database with the README's
    // pg_dump and pg_restore: a server on the restored database has the whole newsroom.
    const dump = path.join(await fx.temp('bantin-dump-'), 'bantin.dump');
    await run(path.join(postgres.bin, 'pg_dump'), ['--format=custom', `--file=${dump}`, url]);
    const restored = await cluster.createDatabase();
    await run(path.join(postgres.bin, 'pg_restore'), ['--no-owner', `--dbname=${restored}`, dump]);
    const r = await fx.start({ databaseUrl: restored }, dir);
    for (const id of IDS) expect(readArticle(await readThroughServer(r.wsUrl, r.adminToken, id)), id).toEqual(before[id]);
    expect((await api(r.url, 'GET', `/api/articles/${IDS[0]}/transitions`, { token: r.adminToken })).json).toEqual(moves);
    expect((await api(r.url, 'GET', '/api/users', { token: r.adminToken })).json).toEqual(grown);
  });
});
