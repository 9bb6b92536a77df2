/** Raw HTTP requests (node:http, so Host, Origin and the path go out exactly as written). */
import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; setHost?: boolean },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {}, setHost: options.setHost ?? true, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * A chunked POST whose client writes `bytes` of body before it reads anything, then ends and
 * reads: the raw answer and any socket error. A server that closes with the body unread makes the
 * kernel reset the connection, and the client sees the error instead of the answer.
 */
export async function sendBeforeReading(port: number, head: string, bytes: number): Promise<{ answer: string; error: Error | null }> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  let error: Error | null = null;
  socket.on('error', (e) => (error = e));
  socket.write(`${head}Transfer-Encoding: chunked\r\n\r\n`);
  const chunk = Buffer.alloc(Math.min(bytes, 1024 * 1024), 0x20);
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
  for (let sent = 0; sent < bytes && !error; sent += chunk.length) {
    if (!socket.write(framed)) await drainOrClose(socket);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.setEncoding('latin1');
  socket.on('data', (text: string) => (answer += text));
  if (!socket.destroyed) await new Promise((resolve) => socket.once('close', resolve).end('0\r\n\r\n'));
  return { answer, error };
}

/** Resolves when a socket can take more, or has closed. */
function drainOrClose(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done).off('close', done);
      resolve();
    };
    socket.on('drain', done).on('close', done);
  });
}
