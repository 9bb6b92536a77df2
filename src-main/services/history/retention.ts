/**
 * Which versions of an article to keep. Versions taken on demand or before a restore are kept
 * for ever; timer versions are thinned as they age: all from the last day, then the newest of
 * each hour for thirty days, then the newest of each day (days and hours in UTC). The newest
 * version of all is always kept, whatever its age.
 */
import type { HistoryReason } from '../../../src-shared/history';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const HOURLY_FOR_DAYS = 30;

export interface Dated {
  readonly version: string;
  readonly createdAt: string;
  readonly reason: HistoryReason;
}

/** The versions the rule lets go, from `items` in any order. */
export function prunable(items: readonly Dated[], now: Date): string[] {
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version.localeCompare(a.version));
  const seen = new Set<string>();
  const out: string[] = [];
  newestFirst.forEach((item, index) => {
    if (item.reason !== 'timer') return;
    const at = Date.parse(item.createdAt);
    const age = now.getTime() - at;
    if (age < DAY_MS) return;
    const bucket = age < HOURLY_FOR_DAYS * DAY_MS ? `h${Math.floor(at / HOUR_MS)}` : `d${Math.floor(at / DAY_MS)}`;
    if (seen.has(bucket) && index > 0) out.push(item.version);
    else seen.add(bucket);
  });
  return out;
}
