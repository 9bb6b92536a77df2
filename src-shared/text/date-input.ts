/**
 * Dates and times as people type them in a Vietnamese newsroom, read into the values the desk
 * stores ("2022-01-13T17:53", or "2022-01-13" for a date alone) and shown back the same way:
 * "13/01/2022 17:53" — day first, 24-hour clock, in both interface languages (the desk's English
 * is British: en-GB, as in format.ts, so never the American month-first form or AM/PM).
 *
 * Read leniently, refused strictly: "13/1/2022 9:05", "17:53, 13/01/2022" (the newsroom's own
 * line), "17h53 13-01-2022", "13.01.2022", "ngày 13 tháng 1 năm 2022", "13 Jan 2022" and ISO
 * "2022-01-13 17:53" are all understood; a day the month does not have (31/02), a time the
 * clock does not have (25:61), a year outside 1900–2100 (a mistyped field gave 0800) and a
 * two-digit year are refused with the reason, never guessed into some other moment.
 */

/** 'datetime': a date, with or without a time; 'date': a day alone; 'moment': a date and a time, both needed. */
export type DateInputMode = 'datetime' | 'date' | 'moment';

/** Why a typed date was refused; each has a message in `common:dateInput.errors`. */
export type DateInputError = 'format' | 'day' | 'month' | 'time' | 'year' | 'shortYear' | 'timeInDate' | 'noDate' | 'noTime';

export type DateInputResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: DateInputError; readonly params: Readonly<Record<string, string>> };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly hour?: string;
  readonly minute?: string;
}

/** A time of day: "17:53", "9:05", "17h53", "17h", "17g30", with seconds "17:53:20" read and dropped. */
const TIME = String.raw`(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?(?::\d{1,2})?\s*(?:phút)?`;
const SEP = String.raw`\s*[/.\-]\s*`;
/** Between a date and a time: spaces, a comma, "T", "lúc"/"at", a dash. */
const JOIN = String.raw`(?:\s*,\s*|\s+|T|\s*-\s*)(?:(?:lúc|at)\s+)?`;

const NUMERIC_DATE = String.raw`(\d{1,2})${SEP}(\d{1,2})${SEP}(\d+)`;
const ISO_DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
/** "13 tháng 1 năm 2022", "ngày 13 tháng 01, 2022", "13 Jan 2022", "13 January, 2022". */
const WORD_DATE = String.raw`(?:ngày\s+)?(\d{1,2})\s*(?:tháng\s*(\d{1,2})|([a-z]+)\.?)\s*(?:,?\s*năm\s*|,\s*|\s+)(\d+)`;

const anchored = (s: string) => new RegExp(`^${s}$`, 'i');
const DATE_FORMS: ReadonlyArray<{ re: RegExp; pick: (m: RegExpExecArray) => Omit<Parts, 'hour' | 'minute'> | null }> = [
  { re: anchored(ISO_DATE), pick: (m) => ({ year: m[1]!, month: m[2]!, day: m[3]! }) },
  { re: anchored(NUMERIC_DATE), pick: (m) => ({ day: m[1]!, month: m[2]!, year: m[3]! }) },
  {
    re: anchored(WORD_DATE),
    pick: (m) => {
      const month = m[2] ?? (m[3] ? MONTH_NAMES[m[3].toLowerCase()] : undefined);
      return month === undefined ? null : { day: m[1]!, month: String(month), year: m[4]! };
    },
  },
];
const TIME_RE = anchored(TIME);

/** Splits "date time", "time, date" or "date" into its parts; null when it is none of them. */
function split(text: string): Parts | null {
  const date = (s: string) => {
    for (const form of DATE_FORMS) {
      const m = form.re.exec(s);
      if (m) return form.pick(m);
    }
    return null;
  };
  const alone = date(text);
  if (alone) return alone;
  // The time first ("17:53, 13/01/2022") or last ("13/01/2022 17:53").
  const timeFirst = new RegExp(`^(${TIME})${JOIN}(.+)$`, 'i').exec(text);
  if (timeFirst) {
    const d = date(timeFirst[4]!);
    if (d) return { ...d, hour: timeFirst[2]!, minute: timeFirst[3] ?? '0' };
  }
  const timeLast = new RegExp(`^(.+?)${JOIN}(${TIME})$`, 'i').exec(text);
  if (timeLast) {
    const d = date(timeLast[1]!);
    if (d) return { ...d, hour: timeLast[3]!, minute: timeLast[4] ?? '0' };
  }
  return null;
}

const refuse = (error: DateInputError, params: Record<string, string> = {}): DateInputResult => ({ ok: false, error, params });

/**
 * The typed text as a stored value: "" for nothing typed, "YYYY-MM-DD" for a date alone,
 * "YYYY-MM-DDTHH:mm" for a date and time (date mode refuses a time, moment mode a date without one).
 */
export function parseDateInput(typed: string, mode: DateInputMode = 'datetime'): DateInputResult {
  const text = typed.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: '' };
  const parts = split(text);
  if (!parts) {
    // A time of day alone is a date left out, said plainly rather than "not understood".
    return refuse(TIME_RE.test(text) ? 'noDate' : 'format', { text });
  }
  if (mode === 'date' && parts.hour !== undefined) return refuse('timeInDate', { text });
  if (parts.year.length < 4) return refuse(parts.year.length <= 2 ? 'shortYear' : 'year', { year: parts.year, min: String(MIN_YEAR), max: String(MAX_YEAR) });
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  if (parts.year.length > 4 || year < MIN_YEAR || year > MAX_YEAR) return refuse('year', { year: parts.year, min: String(MIN_YEAR), max: String(MAX_YEAR) });
  if (month < 1 || month > 12) return refuse('month', { month: parts.month });
  if (day < 1 || day > daysIn(year, month)) return refuse('day', { day: parts.day, month: pad(month), year: pad(year, 4), days: String(daysIn(year, month)) });
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (parts.hour === undefined) return mode === 'moment' ? refuse('noTime', { text }) : { ok: true, value: date };
  const hour = Number(parts.hour);
  const minute = Number(parts.minute ?? '0');
  if (hour > 23 || minute > 59) return refuse('time', { time: `${parts.hour}:${parts.minute ?? '00'}` });
  return { ok: true, value: `${date}T${pad(hour)}:${pad(minute)}` };
}

const STORED = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/** A stored value as the field shows it: "13/01/2022 17:53", or "13/01/2022" for a date alone ("" for anything else). */
export function formatDateInput(value: string, mode: DateInputMode = 'datetime'): string {
  const m = STORED.exec(value);
  if (!m) return '';
  const date = `${m[3]}/${m[2]}/${m[1]}`;
  return mode === 'date' || m[4] === undefined ? date : `${date} ${m[4]}:${m[5]}`;
}

/**
 * The zone's offset as people read it, "GMT+7", at the stored moment (or now): zones with
 * summer time (Europe/London) show the offset of that day.
 */
export function zoneLabel(timeZone: string, value = ''): string {
  const m = STORED.exec(value);
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 12), Number(m[5] ?? 0))) : new Date();
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
    // ICU builds differ on zero: "GMT" in one, "GMT+0" in another.
    return (parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone).replace(/^GMT[+-]0$/, 'GMT');
  } catch {
    return timeZone;
  }
}
