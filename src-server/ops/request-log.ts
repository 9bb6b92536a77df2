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

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps the HTTP handler: gives each request an id (answered in `X-Request-Id`), counts the
 * answers by status class and the refused logins, and logs one line per request once answered.
 */
export function withRequestLog(handler: Handler, metrics: ServerMetrics, log: JsonLog | undefined): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    let path = '/';
    try {
      path = new URL(req.url ?? '/', 'http://server').pathname;
    } catch {
      // an unparsable target: logged as "/"
    }
    res.once('finish', () => {
      const status = res.statusCode;
      metrics.requests.inc({ code: `${Math.floor(status / 100)}xx` });
      if (path === '/api/login' && (status === 401 || status === 429)) metrics.loginFailures.inc({ reason: status === 401 ? 'badCredentials' : 'tooManyAttempts' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = requestUser.get(req);
      log?.({ msg: 'request', id, method: req.method, path, status, ms: Math.round(ms * 10) / 10, ...(user === undefined ? {} : { user }) });
    });
    handler(req, res);
  };
}
