/** Dates and numbers as the interface shows them (Asia/Ho_Chi_Minh, "17:53, 13/01/2022"). */
import { formatDateTime } from '../../src-shared/format';

export { formatDateTime, formatNumber } from '../../src-shared/format';

/** Just the time of day, "17:53", of a moment in the newsroom's time zone. */
export function formatTime(iso: string): string {
  return formatDateTime(iso).split(',')[0] ?? '';
}
