/**
 * The server's log as JSON lines (one object per line, `time` first), and one line per HTTP
 * request: its id, method, path, status, duration and the account that made it when known.
 *
 * What never reaches the log: the query string (only the path is written, so nothing a client
 * put after `?` is), request and response bodies (passwords, tokens, article text), and headers
 * (`Authorization`). The user is named only once their token or password was checked.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerMetrics } from './metrics';

export type LogRecord = Readonly<Record<string, unknown>>;
export type JsonLog = (record: LogRecord) => void;

/** Writes each record as one JSON line (to stderr unless told otherwise). */
export function jsonLines(write: (text: string) => void = (text) => process.stderr.write(text)): JsonLog {
  return (record) => write(JSON.stringify({ time: new Date().toISOString(), ...record }) + '\n');
}

/** The account each request was made by, set where its token (or login) was checked (http.ts). */
export const requestUser = new WeakMap<IncomingMessage, string>();

/** An id a proxy in front may have given the request (kept, so its log and ours match); otherwise one is made. */
const GIVEN_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
}

/**
 * A sync WebSocket's line, written when it closes: its id, how long it lasted and its close
 * code (the token travels inside the socket's messages, never in its request).
 */
export function logSocket(log: JsonLog | undefined, req: IncomingMessage, socket: { once(event: 'close', listener: (code: number) => void): unknown }): void {
  if (!log) return;
  const started = process.hrtime.bigint();
  const id = requestId(req);
  socket.once('close', (code) => log({ msg: 'socket', id, path: new URL(req.url ?? '/', 'http://server').pathname, seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10, code }));
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps the HTTP handler: gives each request an id (answered in `X-Request-Id`), counts the
 * answers by status class and the refused logins, and logs one line per request once answered.
 */
export function withRequestLog(handler: Handler, metrics: ServerMetrics, log: JsonLog | undefined): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const id = requestId(req);
    res.setHeader('x-request-id', id);
    let path = '/';
    try {
      path = new URL(req.url ?? '/', 'http://server').pathname;
    } catch {
      // an unparsable target: logged as "/"
    }
    // 'close' comes after the answer is sent, or when the client went away before it was.
    res.once('close', () => {
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      metrics.requests.inc({ code: `${Math.floor(status / 100)}xx` });
      if (path === '/api/login' && (status === 401 || status === 429)) metrics.loginFailures.inc({ reason: status === 401 ? 'badCredentials' : 'tooManyAttempts' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = requestUser.get(req);
      log?.({ msg: 'request', id, method: req.method, path, status, ms: Math.round(ms * 10) / 10, ...(user === undefined ? {} : { user }), ...(aborted ? { aborted } : {}) });
    });
    handler(req, res);
  };
}
