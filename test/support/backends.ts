/**
 * The newsroom server's two storage backends, for test files that run the same bodies on each:
 * SQLite (the test's fresh data folder) and PostgreSQL (one throwaway cluster per test file,
 * test/support/postgres.ts, a fresh database per call, stopped after the file's tests).
 *
 * Without PostgreSQL its tests are skipped with the reason in their names — unless
 * BANTIN_REQUIRE_POSTGRES is set (CI, where .ci/run installs it): there a skip would hide a
 * broken install, so the file fails.
 */
import { afterAll } from 'vitest';
import { postgresAvailability, startPostgres, type PostgresAvailability, type PostgresCluster } from './postgres';

export interface Backend {
  readonly name: string;
  readonly available: boolean;
  /** A fresh database for one test: undefined for SQLite (the data folder is fresh). */
  database(): Promise<string | undefined>;
}

/** Call at the top of a test file; `what` names its PostgreSQL tests in the skip warning. */
export function serverBackends(what: string): { readonly postgres: PostgresAvailability; readonly backends: readonly [Backend, Backend] } {
  const postgres = postgresAvailability();
  if (!postgres.ok) {
    if (process.env.BANTIN_REQUIRE_POSTGRES) throw new Error(`BANTIN_REQUIRE_POSTGRES is set but ${postgres.reason}`);
    console.warn(`SKIPPED: ${what} on PostgreSQL: ${postgres.reason}`);
  }
  let cluster: PostgresCluster | null = null;
  afterAll(async () => {
    await cluster?.stop();
    cluster = null;
  });
  const sqlite: Backend = { name: 'SQLite', available: true, database: async () => undefined };
  const pg: Backend = {
    name: postgres.ok ? 'PostgreSQL' : `PostgreSQL (skipped: ${postgres.reason})`,
    available: postgres.ok,
    async database() {
      if (!postgres.ok) throw new Error(postgres.reason);
      cluster ??= await startPostgres(postgres);
      return cluster.createDatabase();
    },
  };
  return { postgres, backends: [sqlite, pg] };
}
