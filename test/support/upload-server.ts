/**
 * A newsroom upload endpoint for tests, on 127.0.0.1: takes multipart/form-data POSTs, honours
 * the Idempotency-Key header (a key seen complete is answered 200 again without storing twice),
 * checks Basic credentials when given, and can misbehave the way real networks do — stop in the
 * middle of an upload, or store a package and lose its answer.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Delivery {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly filename: string;
  readonly fields: Record<string, string>;
}

export interface UploadServer {
  readonly port: number;
  readonly url: string;
  /** Packages stored, in order (a duplicate key is not stored again). */
  readonly deliveries: Delivery[];
  /** Every request that reached the handler, with its key. */
  readonly attempts: string[];
  /** Next upload: drop the connection once this many body bytes have arrived… */
  dropAfterBytes: number | null;
  /** …and stop the server there (it refuses connections until started again). */
  stopOnDrop: boolean;
  /** Resolves once the server has stopped by itself (stopOnDrop). */
  stopped: Promise<void>;
  /** Next upload: store it, then drop the connection instead of answering. */
  loseAnswer: boolean;
  stop(): Promise<void>;
}

function parseMultipart(body: Buffer, boundary: string): { fields: Record<string, string>; file: Buffer | null; filename: string } {
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  let filename = '';
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headEnd = body.indexOf('\r\n\r\n', start);
    const next = body.indexOf(delimiter, headEnd);
    if (headEnd < 0 || next < 0) break;
    const head = body.subarray(start + 2, headEnd).toString('utf8');
    const content = body.subarray(headEnd + 4, next - 2);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const fn = /filename\*=UTF-8''([^;\r\n]*)/.exec(head)?.[1];
    if (/filename=/.test(head)) {
      file = content;
      filename = fn ? decodeURIComponent(fn) : (/filename="([^"]*)"/.exec(head)?.[1] ?? '');
    } else fields[name] = content.toString('utf8');
    at = next;
  }
  return { fields, file, filename };
}

export async function startUploadServer(options: { port?: number; basic?: { user: string; password: string }; previous?: UploadServer } = {}): Promise<UploadServer> {
  const deliveries: Delivery[] = options.previous?.deliveries ?? [];
  const attempts: string[] = options.previous?.attempts ?? [];
  const sockets = new Set<Socket>();
  let markStopped: () => void = () => undefined;
  const state: UploadServer = {
    port: 0,
    url: '',
    deliveries,
    attempts,
    dropAfterBytes: null,
    stopOnDrop: false,
    stopped: new Promise<void>((r) => (markStopped = r)),
    loseAnswer: false,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    attempts.push(key);
    if (options.basic) {
      const expected = `Basic ${Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401).end();
        return;
      }
    }
    const boundary = /boundary=(.+)$/.exec(String(req.headers['content-type'] ?? ''))?.[1];
    if (!boundary || !key) {
      res.writeHead(400).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const dropAt = state.dropAfterBytes;
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (dropAt !== null && size >= dropAt) {
        state.dropAfterBytes = null;
        req.socket.destroy();
        if (state.stopOnDrop) void state.stop().then(markStopped);
      }
    });
    req.on('end', () => {
      const { fields, file, filename } = parseMultipart(Buffer.concat(chunks), boundary);
      if (!file) {
        res.writeHead(400).end();
        return;
      }
      if (!deliveries.some((d) => d.key === key)) deliveries.push({ key, sha256: createHash('sha256').update(file).digest('hex'), size: file.length, filename, fields });
      if (state.loseAnswer) {
        state.loseAnswer = false;
        req.socket.destroy();
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  Object.assign(state, { port, url: `http://127.0.0.1:${port}/upload` });
  return state;
}
