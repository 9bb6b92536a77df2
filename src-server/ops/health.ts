/**
 * Health for load balancers, without authentication and without details:
 * - liveness, `GET /healthz`: the process answers (200 `ok`);
 * - readiness, `GET /readyz` or `GET /healthz?ready`: every check passes within its time —
 *   200 `ready`, else 503 `unavailable` (and while the server is stopping). Which check failed
 *   and why goes to the server's log, never to the answer.
 * The checks are a list the server builds: the database today; Redis, when instances share it,
 * is one more entry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReadinessCheck {
  /** Named in the log when it fails ("database", "redis"). */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or takes too long) otherwise. */
  check(): Promise<unknown>;
}

export const CHECK_TIMEOUT_MS = 2_000;

/** The checks that failed, each with its reason; empty when ready. */
export async function failingChecks(checks: readonly ReadinessCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<Array<{ name: string; reason: string }>> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return null;
      } catch (err) {
        return { name: c.name, reason: (err as Error)?.message ?? String(err) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return results.filter((r): r is { name: string; reason: string } => r !== null);
}

function plain(res: ServerResponse, status: number, text: string, head: boolean): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(head ? undefined : text);
}

export interface HealthDeps {
  readonly checks: readonly ReadinessCheck[];
  /** True once the server has begun to stop: not ready, so balancers drain it. */
  readonly stopping: () => boolean;
  readonly log: (line: string) => void;
}

/** Answers `/healthz` and `/readyz`; false for any other path (left to the next handler). */
export function handleHealth(deps: HealthDeps, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const readiness = url.pathname === '/readyz' || (url.pathname === '/healthz' && url.searchParams.has('ready'));
  if (url.pathname !== '/healthz' && url.pathname !== '/readyz') return false;
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    plain(res, 405, 'method not allowed\n', false);
    return true;
  }
  if (!readiness) {
    plain(res, 200, 'ok\n', head);
    return true;
  }
  if (deps.stopping()) {
    plain(res, 503, 'unavailable\n', head);
    return true;
  }
  failingChecks(deps.checks).then(
    (failing) => {
      for (const f of failing) deps.log(`not ready: ${f.name}: ${f.reason}`);
      plain(res, failing.length === 0 ? 200 : 503, failing.length === 0 ? 'ready\n' : 'unavailable\n', head);
    },
    () => plain(res, 503, 'unavailable\n', head),
  );
  return true;
}
