/**
 * Sync with the newsroom server as the renderer sees it: the desk's state (the corner status),
 * which articles are not on the server yet, who is logged in, and presence in an article.
 * The token never leaves main; the renderer sees the server address and user name only.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { ArticleId, Bytes } from './models';
import { ROLES } from './server-api';

/**
 * - `off`: no server configured (never logged in, or logged out): the desk works alone.
 * - `offline`: the server does not answer; retried with backoff.
 * - `connecting`: trying to reach the server now.
 * - `syncing`: connected, sending or receiving changes.
 * - `synced`: connected, every local change acknowledged by the server.
 * - `error`: the server answered but refused (`error` says why: a token no longer valid, …);
 *   a new login or the user's action is needed.
 */
export const SYNC_STATES = ['off', 'offline', 'connecting', 'syncing', 'synced', 'error'] as const;
export const SyncState = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncState>;

const SyncError = z.object({ code: z.enum(ERROR_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** An article the server refused (its access list, or a change it does not take). */
export const SyncRefusal = z.object({ id: ArticleId, code: z.enum(ERROR_CODES) });
export type SyncRefusal = z.infer<typeof SyncRefusal>;

export const SyncStatus = z.object({
  state: SyncState,
  /** The server's address (`http://host:port`), null when none is configured. */
  server: z.string().nullable(),
  user: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  error: SyncError.nullable(),
  /** When every local change was last acknowledged by the server (ISO), null if never. */
  lastSyncedAt: z.string().nullable(),
  /** Articles with local changes the server has not acknowledged yet (including ones it never had). */
  pending: z.array(ArticleId),
  /** Articles the server refused, with the reason; they stay on this desk untouched. */
  refused: z.array(SyncRefusal),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A server address as the user types it: http(s) only, no credentials, path or query. */
const SERVER_URL = /^(https?):\/\/(\[[0-9a-f:.]+\]|[\p{L}\p{N}.-]+)(?::(\d{1,5}))?\/?$/iu;

/** `host:port` or `http(s)://host:port` (no credentials, path or query) as `http(s)://host:port`; null otherwise. */
export function parseServerUrl(text: string): string | null {
  const s = text.trim().normalize('NFC');
  const m = SERVER_URL.exec(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`);
  if (!m) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${port === null ? '' : `:${port}`}`;
}

/** A server address as the user types it, made canonical by `parseServerUrl`. */
export const ServerUrl = z
  .string()
  .max(2048)
  .transform((s, ctx) => {
    const url = parseServerUrl(s);
    if (url === null) {
      ctx.addIssue({ code: 'custom', message: 'url' });
      return z.NEVER;
    }
    return url;
  });

export const SyncLoginInput = z
  .object({
    server: ServerUrl,
    user: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type SyncLoginInput = z.input<typeof SyncLoginInput>;

/** Presence: a y-protocols awareness update for one article (a renderer's own state, or others' from main). */
export const AwarenessMessage = z.object({ id: ArticleId, update: Bytes }).strict();
export type AwarenessMessage = z.infer<typeof AwarenessMessage>;

/** What an article's presence state holds (the `user` field of awareness, as the caret plugin reads it). */
export interface PresenceUser {
  readonly name: string;
  readonly color: string;
}
