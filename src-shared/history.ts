/**
 * Version history of an article: what a stored version is called and what the history
 * operations return. A version's name is its creation time and the reason it was taken
 * ("20220113T105300123Z-manual"), and doubles as its file name in main, so only names of
 * exactly that shape are ever accepted.
 */
import { z } from 'zod';
import { LostText } from './lost-text';

/**
 * Why a version was taken: on a timer while editing, on demand, just before a restore, just
 * before changes from the server were merged into text this desk had changed (`merge`: this
 * desk's own text), or as the other side's text of that merge (`remote`).
 */
export const HISTORY_REASONS = ['timer', 'manual', 'restore', 'merge', 'remote'] as const;
export const HistoryReason = z.enum(HISTORY_REASONS);
export type HistoryReason = z.infer<typeof HistoryReason>;

export const VERSION_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(timer|manual|restore|merge|remote)$/;
export const VersionName = z.string().regex(VERSION_PATTERN, 'version');

export const HistoryItem = z.object({
  version: VersionName,
  createdAt: z.string(),
  reason: HistoryReason,
  /** Bytes of the stored Yjs state. */
  size: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  /** For `merge` and `remote` versions: who made the changes merged (null when the server did not say). */
  by: z.string().nullable().optional(),
  /**
   * For `merge` versions: whether both sides had changed one same paragraph (or the headline or
   * lead), and whether the writer has dismissed the notice that says so.
   */
  samePlace: z.boolean().optional(),
  dismissed: z.boolean().optional(),
  /** For `merge` versions: words either side typed into a paragraph the other removed, lost from the merged text (lost-text.ts). */
  lost: z.array(LostText).optional(),
});
export type HistoryItem = Readonly<z.infer<typeof HistoryItem>>;

export const DIFF_FIELDS = ['headline', 'sapo', 'body'] as const;
export const DiffField = z.enum(DIFF_FIELDS);
export type DiffField = z.infer<typeof DiffField>;

export const HistoryDiff = z.object({
  fields: z.array(
    z.object({
      field: DiffField,
      segments: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
    }),
  ),
});
export type HistoryDiff = z.infer<typeof HistoryDiff>;

/** The name of a version taken at `at` for `reason`. */
export function versionName(at: Date, reason: HistoryReason): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${reason}`;
}

/** A version's time and reason, or null for any name that is not exactly a version's. */
export function parseVersion(name: string): { readonly createdAt: string; readonly reason: HistoryReason } | null {
  const m = VERSION_PATTERN.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(at.getTime())) return null;
  const createdAt = at.toISOString();
  // Reject names that do not round-trip (a 13th month, a 61st second…).
  if (versionName(at, reason as HistoryReason) !== name) return null;
  return { createdAt, reason: reason as HistoryReason };
}
