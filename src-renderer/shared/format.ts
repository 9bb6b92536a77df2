/** Dates and numbers as the interface shows them (Asia/Ho_Chi_Minh, "17:53, 13/01/2022"). */
import { formatDateTime } from '../../src-shared/format';

export { formatDateTime, formatNumber } from '../../src-shared/format';

/** Just the time of day, "17:53", of a moment in the newsroom's time zone. */
export function formatTime(iso: string): string {
  return formatDateTime(iso).split(',')[0] ?? '';
}

/**
 * A moment with its seconds, "17:53:08, 13/01/2022", for lists where two moments may share a
 * minute. The newsroom's zone is a whole number of minutes from UTC, so the seconds are UTC's.
 */
export function formatDateTimeSeconds(iso: string): string {
  const date = new Date(iso);
  const text = formatDateTime(date);
  if (!text) return '';
  const seconds = String(date.getUTCSeconds()).padStart(2, '0');
  return text.replace(/^(\d{2}:\d{2})/, `$1:${seconds}`);
}
