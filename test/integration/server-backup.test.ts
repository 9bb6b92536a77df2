/**
 * Backup and restore of a SQLite newsroom: `server backup` through a running server while
 * desks keep typing (the copy holds every change acknowledged before it began, and is one
 * state of the database: each article's text then), and from a stopped server's folder (the
 * copy holds everything). Restoring is starting a server on the copy: its users, articles and
 * moves are compared with the original's.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { headline, initArticle, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import { runCommand } from '../../src-server/cli/commands';
import type { CommandIo } from '../../src-server/cli/io';
import { acknowledged, api, readThroughServer, serverFixtures, userWithToken, type TestServer } from '../support/server';

const fx = serverFixtures();
const ARTICLES = ['bai-sao-luu-00001', 'bai-sao-luu-00002'];
const SUBMITTED = 'bai-sao-luu-00003';

/** Runs a server command in this process; its output lines are collected. */
async function command(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, readLine: () => Promise.reject(new Error('no input here')) };
  const code = await runCommand(args[0]!, args.slice(1), io);
  return { code, out, err };
}

/** What a restore is compared on: the users, each article's headline, and the moves. */
async function newsroom(s: TestServer, ids: readonly string[]): Promise<{ users: unknown; texts: Record<string, string>; moves: unknown }> {
  const users = (await api(s.url, 'GET', '/api/users', { token: s.adminToken })).json.users;
  const texts: Record<string, string> = {};
  for (const id of ids) {
    const doc = await readThroughServer(s.wsUrl, s.adminToken, id);
    texts[id] = headline(doc).toString();
    doc.destroy();
  }
  const moves = (await api(s.url, 'GET', `/api/articles/${SUBMITTED}/transitions`, { token: s.adminToken })).json.transitions;
  return { users, texts, moves };
}

/** A server on a copy of the database (and the original's photos, none here). */
async function restore(file: string): Promise<TestServer> {
  const dir = await fx.temp('bantin-restored-');
  await fs.copyFile(file, path.join(dir, 'server.sqlite'));
  return fx.start({}, dir);
}

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

describe('server backup', () => {
  it('copies a running server while desks type, and a stopped one whole; a server started on each copy has the newsroom', async () => {
    const s = await fx.start();
    const reporter = await userWithToken(s, 'Minh Thư', 'reporter');
    await userWithToken(s, 'Đức Anh', 'editor');
    const desk = fx.client(s, reporter);
    const desks: HocuspocusProvider[] = ARTICLES.map((id) => desk.open(id));
    const submitted = desk.open(SUBMITTED);
    await acknowledged(submitted);
    complete(submitted.document, SUBMITTED);
    await acknowledged(submitted);
    expect((await api(s.url, 'POST', `/api/articles/${SUBMITTED}/transitions`, { token: reporter, json: { to: 'submitted' } })).status).toBe(200);

    const type = (p: HocuspocusProvider, word: string): void => {
      const text = headline(p.document);
      text.insert(text.length, word);
    };
    for (let i = 0; i < 10; i++) for (const p of desks) type(p, `chữ${i} `);
    for (const p of desks) await acknowledged(p);
    const before = desks.map((p) => headline(p.document).toString());

    // The desks keep typing while the backup is made.
    let typing = true;
    let typed = 0;
    const writers = desks.map(async (p) => {
      while (typing) {
        type(p, `thêm${typed++} `);
        await new Promise((r) => setTimeout(r, 3));
      }
    });
    const live = path.join(await fx.temp('bantin-backup-'), 'live.sqlite');
    const backup = await command(['backup', '--out', live, '--url', s.url], { BANTIN_TOKEN: s.adminToken });
    const typedDuring = typed;
    typing = false;
    await Promise.all(writers);
    for (const p of desks) await acknowledged(p);
    expect(backup).toMatchObject({ code: 0, err: [] });
    expect(backup.out[0]).toMatch(/^Backup written: .*live\.sqlite \(3 users, 3 articles\)$/);
    expect(typedDuring).toBeGreaterThan(0);
    const after = desks.map((p) => headline(p.document).toString());

    const original = await newsroom(s, [...ARTICLES, SUBMITTED]);
    const copy = await newsroom(await restore(live), [...ARTICLES, SUBMITTED]);
    expect(copy.users).toEqual(original.users);
    expect(copy.moves).toEqual(original.moves);
    expect((copy.moves as unknown[]).length).toBe(1);
    expect(copy.texts[SUBMITTED]).toBe('Lũ quét ở Hà Giang');
    ARTICLES.forEach((id, i) => {
      // Everything acknowledged before the backup, and a state the article really had.
      expect(copy.texts[id]!.startsWith(before[i]!)).toBe(true);
      expect(after[i]!.startsWith(copy.texts[id]!)).toBe(true);
    });

    // Stopped: the folder itself is copied, and the copy is the whole newsroom. The desk goes
    // first: one destroyed while reconnecting to a stopped server throws outside any test.
    desk.destroy();
    await s.server.close();
    const still = path.join(path.dirname(live), 'stopped.sqlite');
    const dataDir = path.dirname(s.server.storage.where);
    expect(await command(['backup', '--out', still, '--data', dataDir])).toMatchObject({ code: 0, err: [] });
    const whole = await newsroom(await restore(still), [...ARTICLES, SUBMITTED]);
    expect(whole.users).toEqual(original.users);
    expect(whole.moves).toEqual(original.moves);
    expect(whole.texts).toEqual({ [ARTICLES[0]!]: after[0], [ARTICLES[1]!]: after[1], [SUBMITTED]: 'Lũ quét ở Hà Giang' });

    // Refusals: an existing file is not overwritten; a reporter may not take a copy.
    expect(await command(['backup', '--out', still, '--data', dataDir])).toMatchObject({ code: 1, err: [expect.stringContaining('exists already')] });
  });

  it('refuses a reporter and the folder of a running server', async () => {
    const s = await fx.start();
    const reporter = await userWithToken(s, 'Minh Thư', 'reporter');
    const out = path.join(await fx.temp('bantin-backup-'), 'x.sqlite');
    expect(await command(['backup', '--out', out, '--url', s.url], { BANTIN_TOKEN: reporter })).toMatchObject({ code: 1, err: ['backup refused: forbidden'] });
    const running = await command(['backup', '--out', out, '--data', path.dirname(s.server.storage.where)]);
    expect(running.code).toBe(1);
    expect(running.err[0]).toMatch(/another newsroom server is using .*: back a running server up through it/);
    await expect(fs.access(out)).rejects.toThrow();
  });
});
