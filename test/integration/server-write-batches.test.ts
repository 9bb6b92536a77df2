/**
 * The server writes to each socket once per turn of the event loop (sync.ts,
 * `batchWritesByTurn`): messages sent in one turn wait, corked, until the turn's work is done,
 * then go out together and in order; a message of a later turn goes out in a batch of its own.
 */
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { batchWritesByTurn } from '../../src-server/sync';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A real WebSocket pair on 127.0.0.1: the server's end (batched) and what the client receives. */
async function pair(): Promise<{ server: WebSocket; received: string[] }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data) => received.push(String(data)));
  await new Promise<void>((resolve) => client.once('open', () => resolve()));
  const server = await connected;
  closers.push(() => {
    client.terminate();
    wss.close();
  });
  batchWritesByTurn(server as unknown as Parameters<typeof batchWritesByTurn>[0]);
  return { server, received };
}

const socketOf = (ws: WebSocket): Socket => (ws as unknown as { _socket: Socket })._socket;
const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('writes batched per turn', () => {
  it('holds the messages of one turn in the socket until the turn is done, then delivers all in order', async () => {
    const { server, received } = await pair();
    const socket = socketOf(server);
    server.send('một');
    server.send('hai');
    server.send('ba');
    // Still this turn: nothing written yet, all three waiting in the corked socket.
    expect(socket.writableCorked).toBe(1);
    expect(socket.writableLength).toBeGreaterThan(0);
    await new Promise((r) => setImmediate(r));
    expect(socket.writableCorked).toBe(0);
    await until(() => received.length === 3);
    expect(received).toEqual(['một', 'hai', 'ba']);
  });

  it('a message sent in a later turn goes out in a batch of its own, not left corked', async () => {
    const { server, received } = await pair();
    // Sent from the first message's write callback, once that batch is out.
    server.send('trước', () => server.send('sau'));
    await until(() => received.length === 2);
    expect(received).toEqual(['trước', 'sau']);
    await new Promise((r) => setImmediate(r));
    expect(socketOf(server).writableCorked).toBe(0);
  });
});
