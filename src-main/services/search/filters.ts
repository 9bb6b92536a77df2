/** The library's filters on a search: status, language, the story's date range, trash. */
import type { Language, Status } from '../../../src-shared/models';
import type { IndexEntry } from '../desk-store';

export interface SearchFilters {
  readonly status?: readonly Status[];
  readonly language?: Language;
  /** ISO date ("2024-03-02", a day in the newsroom's time zone) or date-time; inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly trashed?: boolean;
}

/**
 * The newsroom's time zone (Asia/Ho_Chi_Minh) as a fixed offset: Vietnam has kept UTC+7 with no
 * daylight saving since 1975, so a date-only bound means that day there.
 */
const NEWSROOM_TIME_ZONE_OFFSET = '+07:00';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The first instant a bound admits (`from`) or the first it no longer admits (`to`). */
export function boundOf(value: string, end: boolean): number {
  if (DAY.test(value)) {
    const t = Date.parse(`${value}T00:00:00${NEWSROOM_TIME_ZONE_OFFSET}`);
    return end ? t + DAY_MS : t;
  }
  const t = Date.parse(value);
  return end ? t + 1 : t;
}

export function entryFilter(filters: SearchFilters): (entry: IndexEntry) => boolean {
  const statuses = filters.status?.length ? new Set(filters.status) : null;
  const from = filters.from ? boundOf(filters.from, false) : -Infinity;
  const to = filters.to ? boundOf(filters.to, true) : Infinity;
  const trashed = filters.trashed ?? false;
  const dated = filters.from !== undefined || filters.to !== undefined;
  return (e) => {
    if ((e.trashedAt !== null) !== trashed) return false;
    if (statuses && !statuses.has(e.status)) return false;
    if (filters.language && e.language !== filters.language) return false;
    if (dated) {
      // The story's own date (what the library shows and exports carry); its creation for rows without one.
      const t = Date.parse(e.storyDate ?? e.createdAt);
      if (!(t >= from && t < to)) return false;
    }
    return true;
  };
}
