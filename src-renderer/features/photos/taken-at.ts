import { formatDateTime } from '../../shared/format';

/**
 * When a photo was taken, as "08:30, 13/01/2022". A time with its offset is shown in the
 * newsroom's zone; a camera time without one is shown as the camera wrote it.
 */
export function takenAtLabel(iso: string): string {
  if (/(?:Z|[+-]\d{2}:\d{2})$/.test(iso)) return formatDateTime(iso);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[4]}:${m[5]}, ${m[3]}/${m[2]}/${m[1]}` : '';
}
