/**
 * The story's own date and time: when the reported story was written or published, which is
 * not when this desk made the article (`createdAt`) nor when it was last saved. It is kept in
 * the article's meta as `storyDate`, an ISO 8601 date-time with its offset; an article without
 * one (every article made before the field existed) has its creation time as its story date.
 */
import { z } from 'zod';

/** "2022-01-13T17:53:00+07:00" or "…Z": an instant with its offset (seconds and fractions optional). */
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isStoryDate(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return false;
  // The calendar day must exist (31/02 does not): Date would roll it over into March.
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && year >= 1900 && year <= 2200;
}

export const StoryDate = z.string().max(40).refine(isStoryDate, { message: 'an ISO 8601 date-time with its offset' });

/** Vietnam's offset: Asia/Ho_Chi_Minh has kept UTC+7, without daylight saving, since 1975. */
const NEWSROOM_OFFSET_MINUTES = 7 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the newsroom's wall-clock time with its offset: "2022-01-13T17:53:00+07:00". */
export function newsroomIso(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() + NEWSROOM_OFFSET_MINUTES * 60_000);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${day}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`;
}
