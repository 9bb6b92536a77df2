/**
 * A forwarding proxy between one desk and the newsroom server, for the live-typing benchmark's
 * breakdown by hop (BENCH_HOPS=1): HTTP requests are passed on as they are, and each WebSocket
 * frame is passed on as soon as it arrives, after noting when it passed and how many characters
 * of text the Yjs update it carries inserts (the benchmark only ever types at the end of the
 * body, so the n-th character typed is in the first frame that brings the count to n).
 *
 * It adds a hop of its own on 127.0.0.1 in each direction (well under a millisecond on a quiet
 * machine), which is why the benchmark's main figures are taken without it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import * as Y from 'yjs';

/** Hocuspocus message types that carry a Yjs sync message, and the sync steps that carry an update. */
const SYNC_TYPES = new Set([0, 4]);
const UPDATE_STEPS = new Set([1, 2]);

/** Characters of text a Hocuspocus message's Yjs update inserts (0 for anything else: awareness, acknowledgements). */
export function insertedChars(message: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (!SYNC_TYPES.has(decoding.readVarUint(decoder))) return 0;
    if (!UPDATE_STEPS.has(decoding.readVarUint(decoder))) return 0;
    const update = decoding.readVarUint8Array(decoder);
    let chars = 0;
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) chars += struct.content.str.length;
    }
    return chars;
  } catch {
    return 0;
  }
}

/** One frame that inserted text: when it passed the proxy and the characters inserted so far in that direction. */
export interface Passage {
  readonly at: number;
  readonly total: number;
}

export interface HopProxy {
  /** The address to give the desk as its server. */
  readonly url: string;
  /** Frames from the desk to the server, and from the server to the desk, that inserted text. */
  readonly up: Passage[];
  readonly down: Passage[];
  close(): Promise<void>;
}

const asBytes = (data: RawData): Uint8Array => (Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data);

export async function startHopProxy(target: string, clock: () => number): Promise<HopProxy> {
  const upstream = new URL(target);
  const up: Passage[] = [];
  const down: Passage[] = [];
  let upTotal = 0;
  let downTotal = 0;
  const note = (data: RawData, towardsServer: boolean): void => {
    const chars = insertedChars(asBytes(data));
    if (chars === 0) return;
    if (towardsServer) up.push({ at: clock(), total: (upTotal += chars) });
    else down.push({ at: clock(), total: (downTotal += chars) });
  };

  const server = http.createServer((req, res) => {
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  const wss = new WebSocketServer({ noServer: true });
  const pairs = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (desk) => {
      const toServer = new WebSocket(`ws://${upstream.host}${req.url ?? '/'}`);
      pairs.add(desk).add(toServer);
      const waiting: Array<[RawData, boolean]> = [];
      desk.on('message', (data, binary) => {
        note(data, true);
        if (toServer.readyState === WebSocket.OPEN) toServer.send(data, { binary });
        else waiting.push([data, binary]);
      });
      toServer.on('open', () => {
        for (const [data, binary] of waiting.splice(0)) toServer.send(data, { binary });
      });
      toServer.on('message', (data, binary) => {
        note(data, false);
        if (desk.readyState === WebSocket.OPEN) desk.send(data, { binary });
      });
      const closeBoth = (): void => {
        desk.close();
        toServer.close();
      };
      desk.on('close', closeBoth);
      toServer.on('close', closeBoth);
      desk.on('error', closeBoth);
      toServer.on('error', closeBoth);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    up,
    down,
    async close() {
      for (const ws of pairs) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
