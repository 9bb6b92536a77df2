/**
 * How each version's time reads in the list: to the minute ("11:28, 13/01/2022"), with the
 * seconds ("11:28:05, 13/01/2022") for the versions that share their minute with another, so
 * two versions never read alike.
 */
import { formatDateTime, formatDateTimeSeconds } from '../../shared/format';

export function versionTimes(createdAt: readonly string[]): string[] {
  const minutes = createdAt.map((iso) => formatDateTime(iso));
  const count = new Map<string, number>();
  for (const m of minutes) count.set(m, (count.get(m) ?? 0) + 1);
  return createdAt.map((iso, i) => ((count.get(minutes[i]!) ?? 0) > 1 ? formatDateTimeSeconds(iso) : minutes[i]!));
}
