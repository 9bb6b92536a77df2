/**
 * The server's storage, chosen by configuration: SQLite in the data folder unless a PostgreSQL
 * address is given (`--database postgres://…` or BANTIN_DATABASE_URL).
 */
import { PostgresStorage } from './postgres';
import { SqliteStorage } from './sqlite';
import type { Storage } from './types';

export { applyStored, MovedMeanwhile, type ArticleDigest, type ArticleRow, type DirectoryRow, type Storage, type StorageKind, type StoredTransition, type UserChange, type UserRow } from './types';
export { SqliteStorage } from './sqlite';
export { PostgresStorage } from './postgres';

export interface StorageConfig {
  /** The data folder (photos live there whatever the database; SQLite's file too). */
  readonly dataDir: string;
  /** A `postgres://` or `postgresql://` address; absent: SQLite in the data folder. */
  readonly databaseUrl?: string | undefined;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

export async function openStorage(config: StorageConfig): Promise<Storage> {
  const url = config.databaseUrl;
  if (!url) return new SqliteStorage(config.dataDir);
  if (!isPostgresUrl(url)) throw new Error('the database address must start with postgres:// or postgresql://');
  return PostgresStorage.open(url);
}
