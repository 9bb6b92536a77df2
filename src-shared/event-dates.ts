/**
 * The event's start and end as exports write them. The event keeps local date-times
 * ("2022-01-13T08:00", or a date "2022-01-13") with an IANA time zone (article-event.ts);
 * readers get "08:00–11:30, 13/01/2022" (the newsroom's way, as formatDateTime writes
 * instants) and machines an ISO 8601 date-time with the zone's offset at that moment.
 */
import { DEFAULT_TIME_ZONE, isLocalDateTime, type EventView } from './article-event';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

interface Parts {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  /** Null for a date without a time. */
  readonly time: { readonly h: number; readonly mi: number; readonly s: number } | null;
}

function parts(value: string): Parts | null {
  if (!isLocalDateTime(value)) return null;
  const m = LOCAL.exec(value)!;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { y, mo, d, time: m[4] === undefined ? null : { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0) } };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (p: Parts) => `${pad(p.d)}/${pad(p.mo)}/${p.y}`;
const timeOf = (p: Parts) => (p.time ? `${pad(p.time.h)}:${pad(p.time.mi)}` : '');

/** The zone's offset ("+07:00") at a local wall-clock time, found by asking Intl for the UTC instant's local reading. */
function offsetAt(p: Parts, timeZone: string): string {
  const guess = Date.UTC(p.y, p.mo - 1, p.d, p.time?.h ?? 0, p.time?.mi ?? 0, p.time?.s ?? 0);
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' });
  const name = fmt.formatToParts(new Date(guess)).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

function zoneOf(event: EventView): string {
  return event.timeZone || DEFAULT_TIME_ZONE;
}

/** "08:00–11:30, 13/01/2022", "08:00, 13/01/2022 – 17:00, 14/01/2022", "13/01/2022"; '' when the event has no valid start. */
export function eventWhen(event: EventView): string {
  const start = parts(event.start);
  if (!start) return '';
  const end = parts(event.end);
  const startText = start.time ? `${timeOf(start)}, ${dayOf(start)}` : dayOf(start);
  if (!end) return startText;
  if (dayOf(end) === dayOf(start)) return start.time && end.time ? `${timeOf(start)}–${timeOf(end)}, ${dayOf(start)}` : startText;
  return `${startText} – ${end.time ? `${timeOf(end)}, ${dayOf(end)}` : dayOf(end)}`;
}

/** A local date-time of the event as ISO 8601 with the zone's offset ("2022-01-13T08:00:00+07:00"), or a date alone ("2022-01-13"); '' when invalid. */
export function eventIso(event: EventView, which: 'start' | 'end'): string {
  const p = parts(event[which]);
  if (!p) return '';
  const day = `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
  if (!p.time) return day;
  return `${day}T${pad(p.time.h)}:${pad(p.time.mi)}:${pad(p.time.s)}${offsetAt(p, zoneOf(event))}`;
}
