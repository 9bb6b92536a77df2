/**
 * `server migrate --data <dir> --to postgres://…` — moves a stopped SQLite newsroom into an
 * empty PostgreSQL database (ops/migrate.ts); then start the server with the same `--data`
 * (its photos) and `--database` the new address.
 */
import { parseArgs } from 'node:util';
import { migrateToPostgres } from '../ops/migrate';
import { isPostgresUrl } from '../storage';
import { redactedUrl } from '../storage/postgres';
import { CommandError, type CommandIo } from './io';

export const MIGRATE_USAGE = 'server migrate --data <dir> --to postgres://user:password@host:port/database';

export async function migrateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { data: { type: 'string' }, to: { type: 'string' } }, strict: true });
  const dataDir = values.data ?? io.env.BANTIN_SERVER_DATA;
  if (!dataDir || !values.to) throw new CommandError(`usage: ${MIGRATE_USAGE}`, 2);
  if (!isPostgresUrl(values.to)) throw new CommandError('--to: not a PostgreSQL address (postgres://user:password@host:port/database)', 2);
  let counts: Record<string, number>;
  try {
    counts = await migrateToPostgres(dataDir, values.to, (line) => io.out(`  ${line}`));
  } catch (err) {
    throw new CommandError(`the newsroom was not moved (nothing was written to PostgreSQL): ${(err as Error).message}`);
  }
  io.out(`Moved ${counts.users} users, ${counts.articles} articles, ${counts.transitions} moves and ${counts.photos} photos into ${redactedUrl(values.to)}.`);
  io.out(`Start the server with: --data ${dataDir} --database <that address>`);
  return 0;
}
