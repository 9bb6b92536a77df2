/**
 * A move whose sending fails on the way (the connection cut while the server is otherwise
 * reachable) is tried again with growing pauses until it goes through — once. The desk talks
 * to the real server through a forwarding proxy on 127.0.0.1 that cuts the first moves it sees.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transition } from '../../src-shared/workflow';
import type { WorkflowState } from '../../src-shared/workflow-desk';
import { openDesk, type Desk } from '../../src-main/services/desk';
import { call, TEST_VERSION } from '../support/desk';
import { api } from '../support/server';
import { addUser, allSynced, deskFixtures, editAs, FAST_SYNC, loginAs, newArticle, syncStatus, waitFor } from '../support/sync-desk';
import { completeArticle } from '../support/workflow';

const fx = deskFixtures();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
});

/** Forwards HTTP and WebSocket upgrades to `target`; the first `cut` POSTs to a transitions path have their connection destroyed. */
async function cuttingProxy(target: string, cut: number): Promise<{ url: string; cutSoFar: () => number; passed: () => number }> {
  const to = new URL(target);
  let cutSoFar = 0;
  let passed = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && /\/transitions$/.test(req.url ?? '')) {
      if (cutSoFar < cut) {
        cutSoFar++;
        req.socket.destroy();
        return;
      }
      passed++;
    }
    const upstream = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(Number(to.port), to.hostname, () => {
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, cutSoFar: () => cutSoFar, passed: () => passed };
}

describe('a move cut on its way', () => {
  it('is tried again with backoff and made once', async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'reporter');
    const proxy = await cuttingProxy(server.url, 3);
    const desk: Desk = await openDesk({ dataDir: await fx.temp('bantin-desk-'), mode: 'web', version: TEST_VERSION, sync: FAST_SYNC, workflow: { minDelayMs: 100, maxDelayMs: 400 } });
    closers.push(() => desk.close());
    await loginAs(desk, proxy.url, 'lan');
    const id = await newArticle(desk, 'Lũ quét ở Hà Giang');
    await editAs(desk, 'writer', id, completeArticle);
    await syncStatus(desk, allSynced, 'the article on the server');

    await call(desk, 'workflow:move', { id, to: 'submitted' });
    // Cut three times (the move still waiting, not refused), then through.
    await waitFor(async () => (await call<WorkflowState>(desk, 'workflow:state', { id })).pending === null, 'the move to go through');
    expect(proxy.cutSoFar()).toBe(3);
    expect(proxy.passed()).toBe(1);
    const recorded = await api(server.url, 'GET', `/api/articles/${id}/transitions`, { token: server.adminToken });
    expect((recorded.json.transitions as Transition[]).map((t) => [t.from, t.to, t.by])).toEqual([['draft', 'submitted', 'lan']]);
  }, 60_000);
});
