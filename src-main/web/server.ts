/**
 * Web mode: the desk's renderer and contract served on 127.0.0.1. Calls are
 * `POST /api/call/<op>` with a JSON body (bytes as base64, see src-shared/wire.ts); events
 * and Yjs updates come over one WebSocket at `/api/events`, which also names the client.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { PHOTO_MAX_BYTES } from '../../src-shared/photos';
import { encodeWire, decodeWire, unpackWire, WIRE_BINARY_TYPE } from '../../src-shared/wire';
import { EXPORTS_PATH, serveExport } from './downloads';
import type { Desk } from '../services/desk';
import { createGuard, type Guard } from './guard';
import { securityHeaders, serveStatic } from './static';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A binary call carries at most one photo (or imported file) and a little JSON. */
export const MAX_BINARY_BODY_BYTES = PHOTO_MAX_BYTES + 1024 * 1024;
export const CLIENT_HEADER = 'x-desk-client';

export interface WebServer {
  readonly port: number;
  /** The first URL, with the token: opening it once gets the session cookie, after which it opens nothing. */
  readonly url: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  readonly desk: Desk;
  readonly port: number;
  readonly rendererDir: string;
  readonly token?: string;
}

function reject(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/** How long the rest of a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 2000;

/**
 * 413 with a lingering close: the rest of the body is read and dropped for a moment, so the
 * client reads the answer. Closing at once with its bytes unread makes the kernel reset the
 * connection, and a client still sending sees "connection reset" before the 413.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  reject(res, 413, 'Too large');
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  cut.unref();
  const done = () => clearTimeout(cut);
  req.once('end', done);
  socket.once('close', done);
  req.resume();
}

/**
 * The body, or null once it passes `limit`. Past the limit it stops collecting; the caller
 * answers 413 and drops the rest (`tooLarge`).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', rejectBody);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { desk } = options;
  const rendererDir = path.resolve(options.rendererDir);
  const sockets = new Map<string, WebSocket>();
  let guard: Guard | null = null;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[web] request failed:', err);
      if (!res.headersSent) reject(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const g = guard!;
    securityHeaders(res);
    if (!g.hostAllowed(req)) return reject(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const token = url.searchParams.get('token');
    if (token !== null && req.method === 'GET') {
      // A browser already signed in that opens the address again (history, a second tab) just
      // goes on with its cookie; anyone else needs the unspent token.
      const signedIn = g.hasSession(req);
      const setCookie = signedIn ? null : g.exchange(token);
      if (!signedIn && setCookie === null) {
        return reject(res, 401, 'Wrong or already used address: restart web mode for a new one. / Địa chỉ sai hoặc đã được dùng: hãy khởi động lại chế độ web để có địa chỉ mới.');
      }
      url.searchParams.delete('token');
      res.statusCode = 303;
      if (setCookie !== null) res.setHeader('Set-Cookie', setCookie);
      res.setHeader('Location', url.pathname + url.search);
      return void res.end();
    }
    if (!g.hasSession(req)) {
      return reject(res, 401, 'Open the address printed by the desk (it works once; restarting web mode prints a new one). / Hãy mở địa chỉ mà Bàn Tin đã in ra (chỉ dùng được một lần; khởi động lại chế độ web để có địa chỉ mới).');
    }
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return reject(res, 405, 'Method not allowed');
      // Browsers send Origin on every POST; a foreign one is a cross-site request.
      if (!g.originAllowed(req.headers.origin)) return reject(res, 403, 'Forbidden origin');
      const type = req.headers['content-type'] ?? '';
      const binary = type === WIRE_BINARY_TYPE;
      if (!binary && !type.startsWith('application/json')) return reject(res, 415, 'Expected JSON');
      const limit = binary ? MAX_BINARY_BODY_BYTES : MAX_BODY_BYTES;
      // A body announced as too large is refused before a byte of it is read.
      if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge(req, res);
      const body = await readBody(req, limit);
      if (body === null) return tooLarge(req, res);
      let input: unknown;
      try {
        input = binary ? unpackWire(body) : body.length ? decodeWire(body.toString('utf8')) : {};
      } catch {
        input = Symbol('unparsable'); // fails the schema: answered as invalidPayload
      }
      const header = req.headers[CLIENT_HEADER];
      const client = typeof header === 'string' && sockets.has(header) ? header : 'http';
      const rawOp = url.pathname.slice('/api/call/'.length);
      let op: string;
      try {
        op = decodeURIComponent(rawOp);
      } catch {
        op = rawOp; // bad percent-encoding names no operation: answered as unknownOperation
      }
      const result = await desk.dispatch(op, input, { client });
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      return void res.end(encodeWire(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reject(res, 405, 'Method not allowed');
    if (url.pathname.startsWith(EXPORTS_PATH)) return serveExport(desk.dataDir, url.pathname.slice(EXPORTS_PATH.length), res);
    await serveStatic(rendererDir, url.pathname, res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const g = guard!;
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!g.hostAllowed(req)) return refuse(403, 'Forbidden');
    if (!g.hasSession(req)) return refuse(401, 'Unauthorized');
    if (!g.originAllowed(req.headers.origin)) return refuse(403, 'Forbidden');
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/api/events') return refuse(404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client = `web-${randomUUID()}`;
      sockets.set(client, ws);
      const disconnect = desk.hub.connect(client, (event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeWire({ event, payload }));
      });
      ws.on('close', () => {
        sockets.delete(client);
        disconnect();
      });
      ws.on('error', () => ws.close());
      ws.send(encodeWire({ hello: client }));
    });
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createGuard(port, options.token);

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${guard.token}`,
    async close() {
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
