/**
 * The server is the only writer of an article's `workflow`. A reporter with several sockets on
 * her own article tried to race the guard: an update UB that sets `workflow.status` but
 * depends on a change UA the server does not have yet (so, applied, it waits and nothing is
 * seen to change), then a plain workflow change W (refused), then UA, which releases UB into
 * `workflow`. Every update whose effect cannot be decided is refused now, so no order of such
 * updates over any sockets gets into `workflow`.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { headline, workflow } from '../../src-shared/article-doc';
import { acknowledged, readThroughServer, serverFixtures, userWithToken, type TestServer } from '../support/server';

const { start, client } = serverFixtures();

/** A raw socket that logs in for one article and sends Yjs updates as a desk's provider would. */
async function socket(s: TestServer, token: string, article: string): Promise<{ send(update: Uint8Array): void; close(): void; closed: Promise<void> }> {
  const ws = new WebSocket(s.wsUrl);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, article);
    write(e);
    return encoding.toUint8Array(e);
  };
  ws.send(message((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token)))); // Auth, Token
  return {
    send: (update) => ws.send(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)))), // Sync, Update
    close: () => ws.close(),
    closed,
  };
}

/** The updates of the race, made on a copy of the article as the server has it. */
async function updates(s: TestServer, token: string, article: string): Promise<{ UA: Uint8Array; UB: Uint8Array; W: Uint8Array }> {
  const base = await readThroughServer(s.wsUrl, token, article);
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(mine);
  headline(mine).insert(headline(mine).length, ' (sửa)');
  const UA = Y.encodeStateAsUpdate(mine, before);
  const afterA = Y.encodeStateVector(mine);
  workflow(mine).set('status', 'approved');
  const UB = Y.encodeStateAsUpdate(mine, afterA); // needs UA: same client, later clock
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  const beforeW = Y.encodeStateVector(other);
  workflow(other).set('status', 'approved');
  const W = Y.encodeStateAsUpdate(other, beforeW);
  return { UA, UB, W };
}

/** An article of the reporter's own, with a headline on the server. */
async function ownArticle(s: TestServer, token: string, article: string): Promise<void> {
  const p = client(s, token).open(article);
  await acknowledged(p);
  headline(p.document).insert(0, 'Bài của phóng viên');
  await acknowledged(p);
}

async function workflowOnServer(s: TestServer, token: string, article: string): Promise<number> {
  return workflow(await readThroughServer(s.wsUrl, token, article)).size;
}

/** Lets the server handle what was sent: every socket closed by it, or a moment passed. */
async function settle(sockets: ReadonlyArray<{ closed: Promise<void> }>): Promise<void> {
  await Promise.race([Promise.all(sockets.map((k) => k.closed)), new Promise((r) => setTimeout(r, 1_500))]);
}

describe('the workflow guard against updates sent out of order', () => {
  it('refuses the reported race: UB (waiting on UA), then W, then UA, on three sockets', async () => {
    const s = await start();
    const reporter = await userWithToken(s, 'phongvien', 'reporter');
    const article = 'bai-dua-lenh-01';
    await ownArticle(s, reporter, article);
    const { UA, UB, W } = await updates(s, reporter, article);
    const sockets = await Promise.all([1, 2, 3].map(() => socket(s, reporter, article)));
    // One after the other, each given time to be handled, as the attack did.
    const pause = () => new Promise((r) => setTimeout(r, 500));
    sockets[0]!.send(UB);
    await pause();
    sockets[1]!.send(W);
    await pause();
    sockets[2]!.send(UA);
    await settle(sockets);
    for (const k of sockets) k.close();
    expect(await workflowOnServer(s, reporter, article)).toBe(0);
    // Nothing stored holds it either (what a restart would load).
    const fromDisk = new Y.Doc();
    for (const part of await s.server.storage.documentParts(article)) Y.applyUpdate(fromDisk, part);
    expect(workflow(fromDisk).size).toBe(0);
    // UA, a plain change, went through: the article is not blocked for honest edits.
    expect(headline(await readThroughServer(s.wsUrl, reporter, article)).toString()).toBe('Bài của phóng viên (sửa)');
  });

  it('no order of UA, UB and W over one, two or three sockets gets into workflow', { timeout: 120_000 }, async () => {
    const s = await start();
    const reporter = await userWithToken(s, 'phongvien', 'reporter');
    const orders = [
      ['UB', 'W', 'UA'],
      ['UB', 'UA', 'W'],
      ['W', 'UB', 'UA'],
      ['UB', 'UA'],
      ['UA', 'UB'],
    ] as const;
    let n = 0;
    for (const order of orders) {
      for (const spread of [1, 2, 3]) {
        const article = `bai-thu-tu-${String(++n).padStart(2, '0')}`;
        await ownArticle(s, reporter, article);
        const made = await updates(s, reporter, article);
        const sockets = await Promise.all(Array.from({ length: spread }, () => socket(s, reporter, article)));
        order.forEach((name, i) => sockets[i % spread]!.send(made[name]));
        await settle(sockets);
        for (const k of sockets) k.close();
        expect(await workflowOnServer(s, reporter, article), `${order.join(' ')} over ${spread}`).toBe(0);
      }
    }
  });
});
