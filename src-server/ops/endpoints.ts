/**
 * The operations endpoints beside the API: health (health.ts, open to anyone), `GET /metrics`
 * (Prometheus text, an admin's `Authorization: Bearer` — or open on the loopback-only metrics
 * port, server.ts) and `GET /api/backup` (an admin's token: a consistent copy of the SQLite
 * database, backup.ts). Refusals are the API's JSON `{ error }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from '../access';
import { bearer } from '../http';
import { SqliteStorage, type Storage } from '../storage';
import { sendBackup } from './backup';
import { handleHealth, type HealthDeps } from './health';
import { PROMETHEUS_CONTENT_TYPE, type ServerMetrics } from './metrics';
import { requestUser } from './request-log';

export interface OpsDeps extends HealthDeps {
  readonly storage: Storage;
  readonly access: Access;
  readonly metrics: ServerMetrics;
  readonly dataDir: string;
}

function refuse(res: ServerResponse, status: number, error: string): void {
  const text = JSON.stringify({ error });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' };
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  res.writeHead(status, headers);
  res.end(text);
}

export function sendMetrics(metrics: ServerMetrics, res: ServerResponse): void {
  const text = metrics.registry.render();
  res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(text);
}

/** True when it answered the request; false leaves it to the API. */
export function handleOps(deps: OpsDeps, req: IncomingMessage, res: ServerResponse): boolean {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://server');
  } catch {
    return false;
  }
  if (handleHealth(deps, req, res, url)) return true;
  if (url.pathname !== '/metrics' && url.pathname !== '/api/backup') return false;
  (async () => {
    const user = await deps.access.userByToken(bearer(req));
    if (!user) return refuse(res, 401, 'unauthorized');
    requestUser.set(req, user.name);
    if (user.role !== 'admin') return refuse(res, 403, 'forbidden');
    if (req.method !== 'GET') return refuse(res, 405, 'methodNotAllowed');
    if (url.pathname === '/metrics') return sendMetrics(deps.metrics, res);
    // PostgreSQL is backed up with pg_dump (README): there is no such call on it.
    if (!(deps.storage instanceof SqliteStorage)) return refuse(res, 404, 'notFound');
    deps.log(`${user.name} took a backup of the database`);
    await sendBackup(deps.storage, deps.dataDir, res);
  })().catch((err: unknown) => {
    deps.log(`internal error on ${req.method} ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
    if (res.headersSent) res.destroy();
    else refuse(res, 500, 'internal');
  });
  return true;
}
