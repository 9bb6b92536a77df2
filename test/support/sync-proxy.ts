/**
 * A proxy on 127.0.0.1 between desks and a newsroom server: HTTP passes through, and the sync
 * socket's messages are relayed one by one, so that a test can order them the way the server's
 * timing sometimes does — a message from the server held back for a while (the ones after it
 * wait behind it, in order), or one more message sent to the desk that the server sends in
 * some interleavings (an acknowledgement meant for an earlier provider of the same article).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** A Hocuspocus message as the proxy reads it: the article, the message type and, for sync messages, the Yjs sync step. */
export interface SyncFrame {
  readonly article: string;
  readonly type: number;
  /** For Sync and SyncReply messages (types 0 and 4): 0 step 1, 1 step 2, 2 update. */
  readonly step: number | null;
  readonly bytes: Uint8Array;
}

export interface SyncProxyRules {
  /** A message from a desk, before it goes on to the server; `toDesk` sends the desk a message at once. */
  fromDesk?(frame: SyncFrame, toDesk: (bytes: Uint8Array) => void): void;
  /** How long a message from the server waits before it goes on to the desk (it and those after it, in order). */
  holdToDesk?(frame: SyncFrame): number;
  /** A message from the server has gone on to the desk. */
  deliveredToDesk?(frame: SyncFrame): void;
}

export interface SyncProxy {
  readonly url: string;
  close(): Promise<void>;
}

function readFrame(bytes: Uint8Array): SyncFrame {
  const decoder = decoding.createDecoder(bytes);
  const article = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  const step = type === 0 || type === 4 ? decoding.readVarUint(decoder) : null;
  return { article, type, step, bytes };
}

/** Hocuspocus's SyncStatus message for `article`: the server applied a sync step 2 or update. */
export function appliedMessage(article: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, article);
  encoding.writeVarUint(encoder, 8);
  encoding.writeVarInt(encoder, 1);
  return encoding.toUint8Array(encoder);
}

const bytesOf = (data: RawData): Uint8Array => (Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data);

/** A close code a WebSocket may send on (others — 1005, 1006 — only describe a close). */
const sendable = (code: number): boolean => code === 1000 || (code >= 3000 && code < 5000);

export async function startSyncProxy(target: string, rules: SyncProxyRules = {}): Promise<SyncProxy> {
  const to = new URL(target);
  const sockets = new Set<WebSocket>();
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (desk) => {
      const up = new WebSocket(`${target.replace(/^http/, 'ws')}${req.url ?? ''}`);
      sockets.add(desk).add(up);
      const early: Uint8Array[] = [];
      // The server's messages, each after the hold of those before it.
      let toDesk = Promise.resolve();
      desk.on('message', (data) => {
        const bytes = bytesOf(data);
        rules.fromDesk?.(readFrame(bytes), (extra) => desk.send(extra));
        if (up.readyState === WebSocket.OPEN) up.send(bytes);
        else early.push(bytes);
      });
      up.on('open', () => {
        for (const bytes of early.splice(0)) up.send(bytes);
      });
      up.on('message', (data) => {
        const bytes = bytesOf(data);
        const frame = readFrame(bytes);
        const hold = rules.holdToDesk?.(frame) ?? 0;
        toDesk = toDesk.then(async () => {
          if (hold > 0) await new Promise((r) => setTimeout(r, hold));
          if (desk.readyState !== WebSocket.OPEN) return;
          desk.send(bytes);
          rules.deliveredToDesk?.(frame);
        });
      });
      const closeBoth = (other: WebSocket, code: number): void => {
        if (other.readyState === WebSocket.CLOSED || other.readyState === WebSocket.CLOSING) return;
        if (sendable(code)) other.close(code);
        else other.terminate();
      };
      // What the server closes with reaches the desk after the messages held before it.
      up.on('close', (code) => void toDesk.then(() => closeBoth(desk, code)));
      desk.on('close', (code) => closeBoth(up, code));
      up.on('error', () => desk.terminate());
      desk.on('error', () => up.terminate());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
