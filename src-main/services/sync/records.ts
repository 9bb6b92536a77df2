/**
 * What the desk remembers about sync, in desk.json: the account (server, user, role and the
 * token, sealed), per article whether it has local changes the server has not acknowledged
 * and the server's version it last synced (an article without a record was never synced), and
 * the creation secrets of the articles made here.
 */
import { z } from 'zod';
import { ROLES } from '../../../src-shared/server-api';

export const SealedSecret = z.object({ box: z.enum(['safeStorage', 'plain']), value: z.string() });
export type SealedSecret = z.infer<typeof SealedSecret>;

export const SyncAccount = z.object({ server: z.string(), user: z.string(), role: z.enum(ROLES), token: SealedSecret, expiresAt: z.string() });
export type SyncAccount = z.infer<typeof SyncAccount>;

export const ArticleSyncRecord = z.object({
  /** Local changes not yet acknowledged by the server. */
  pending: z.boolean(),
  /** The server's directory version of the article when it was last synced (-1: unknown). */
  version: z.number().int(),
  syncedAt: z.string().nullable(),
});
export type ArticleSyncRecord = z.infer<typeof ArticleSyncRecord>;

export const SyncData = z.object({
  account: SyncAccount.nullable(),
  articles: z.record(z.string(), ArticleSyncRecord),
  /** Photos (SHA-256) the server is known to hold. */
  photos: z.array(z.string()),
  lastSyncedAt: z.string().nullable(),
  /**
   * The creation secret of each article made on this desk (claim.ts): presented when the article
   * is first sent to a server, whichever server. Kept across logins; absent for older articles.
   */
  secrets: z.record(z.string(), z.string()).default({}),
});
export type SyncData = z.infer<typeof SyncData>;

export const emptySyncData = (): SyncData => ({ account: null, articles: {}, photos: [], lastSyncedAt: null, secrets: {} });
