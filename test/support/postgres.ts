/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries (/usr/lib/postgresql/<n>/bin,
 * or the folder in BANTIN_PG_BIN), a cluster made by initdb in a temporary folder, started
 * with pg_ctl on a free port of 127.0.0.1 (trust authentication, nothing else can reach it),
 * one fresh database per test, stopped and removed afterwards.
 *
 * PostgreSQL refuses to run as root (CI runs as root): then every binary runs as the
 * `postgres` user (runuser), and the temporary folder is given to that user.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports';

const run = promisify(execFile);

export type PostgresAvailability = { readonly ok: true; readonly bin: string; readonly runAs: string | null } | { readonly ok: false; readonly reason: string };

const BINARIES = ['initdb', 'pg_ctl', 'postgres'] as const;

/** Whether the tests can start a cluster here, and if not, why (said in the skipped tests' names). */
export function postgresAvailability(): PostgresAvailability {
  const versions = (): string[] => {
    try {
      return readdirSync('/usr/lib/postgresql', { withFileTypes: true })
        .filter((d) => d.isDirectory() && /^\d+$/.test(d.name))
        .sort((a, b) => Number(b.name) - Number(a.name))
        .map((d) => path.join('/usr/lib/postgresql', d.name, 'bin'));
    } catch {
      return []; // no /usr/lib/postgresql at all
    }
  };
  const candidates = process.env.BANTIN_PG_BIN ? [process.env.BANTIN_PG_BIN] : versions();
  const bin = candidates.find((dir) => BINARIES.every((b) => existsSync(path.join(dir, b))));
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed: no initdb, pg_ctl and postgres under /usr/lib/postgresql/*/bin (apt-get install postgresql, as .ci/run does)' };
  if (process.getuid?.() !== 0) return { ok: true, bin, runAs: null };
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/usr/bin/runuser')) return { ok: false, reason: 'running as root, and PostgreSQL refuses root, but runuser is missing to run it as the postgres user' };
  return { ok: true, bin, runAs: 'postgres' };
}


export interface PostgresCluster {
  /** A new, empty database; its address. */
  createDatabase(): Promise<string>;
  /** Stops the cluster (fast: connections closed) and removes its folder. */
  stop(): Promise<void>;
}

export async function startPostgres(available: Extract<PostgresAvailability, { ok: true }>): Promise<PostgresCluster> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-pg-'));
  const data = path.join(dir, 'data');
  const cmd = (binary: string, args: readonly string[]): [string, string[]] =>
    available.runAs ? ['runuser', ['-u', available.runAs, '--', path.join(available.bin, binary), ...args]] : [path.join(available.bin, binary), [...args]];
  const exec = async (binary: string, args: readonly string[]): Promise<void> => {
    const [file, argv] = cmd(binary, args);
    try {
      await run(file, argv, { cwd: dir, timeout: 120_000 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      const log = await fs.readFile(path.join(dir, 'postgres.log'), 'utf8').catch(() => '');
      throw new Error(`${binary} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${log}`, { cause: err });
    }
  };
  if (available.runAs) await run('chown', [available.runAs, dir]);

  let started = false;
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    // TCP on 127.0.0.1 only; the Unix socket goes in the temporary folder, not /var/run/postgresql.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=16MB`;
    await exec('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']);
    started = true;
    const base = `postgres://postgres@127.0.0.1:${port}`;
    let made = 0;
    return {
      async createDatabase() {
        const name = `bantin_test_${++made}`;
        const admin = new pg.Client({ connectionString: `${base}/postgres` });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        return `${base}/${name}`;
      },
      async stop() {
        try {
          await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    if (started) await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
