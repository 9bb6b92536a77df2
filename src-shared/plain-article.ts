/**
 * Plain text → article fields, as a reporter's .txt is laid out: the first line is the
 * headline, the first paragraph after it the lead (sa-pô), the rest the body, one paragraph
 * per block. A date line right after the headline ("17:53, 13/01/2022" and the other forms
 * parseDateline reads) is the story's date.
 */
import { nfc } from './text/vietnamese';

export interface PlainArticle {
  readonly headline: string;
  readonly sapo: string;
  readonly body: readonly string[];
  /** ISO date from a date line (parseDateline; Asia/Ho_Chi_Minh, UTC+7), when there was one. */
  readonly dateline: string | null;
}

const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const TIME = String.raw`(\d{1,2})[:hH](\d{2})(?::\d{2})?`;
/** Between a date and its time: a comma, a dash or a bar, or spaces alone. */
const SEP = String.raw`\s*[,|\-–—]\s*|\s+`;
const TIME_FIRST = new RegExp(`^${TIME}(?:${SEP})${DATE}$`);
const DATE_FIRST = new RegExp(`^${DATE}(?:(?:${SEP})${TIME})?$`);
/** What a page writes before its date: "Cập nhật:", "Đăng lúc", "Ngày đăng:"… (longest first). */
const LABEL = /^(cập nhật lúc|cập nhật|ngày cập nhật|đăng lúc|đăng ngày|ngày đăng|ngày|xuất bản|thời gian|posted|updated|published)\s*:?\s*/iu;
/** The day of the week a page may give first: "Thứ Năm,", "Thứ 5 -", "Chủ nhật,". */
const WEEKDAY = /^(thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)\s*[,\-–]?\s*/iu;
const ZONE = /\s*\(?\s*(gmt|utc)\s*\+\s*0?7(:00)?\s*\)?\s*$/iu;

/**
 * A date line as reporters and news sites write it, in Asia/Ho_Chi_Minh (UTC+7, no daylight
 * saving) → ISO (UTC), or null: "17:53, 13/01/2022", "17:53 13/01/2022", "13/01/2022 - 17:53",
 * "Thứ Năm, 13/01/2022 17:53", "Cập nhật: 13/01/2022 17:53 (GMT+7)", "13/01/2022" (midnight).
 * The whole line must be the date: a sentence that contains one is not a date line.
 */
export function parseDateline(line: string): string | null {
  let text = line.trim().replace(LABEL, '').replace(WEEKDAY, '').replace(ZONE, '').trim();
  text = text.replace(/\s+/g, ' ');
  let hh = 0;
  let mm = 0;
  let dd: number, mo: number, yyyy: number;
  const timeFirst = TIME_FIRST.exec(text);
  const dateFirst = timeFirst ? null : DATE_FIRST.exec(text);
  if (timeFirst) {
    [hh, mm, dd, mo, yyyy] = timeFirst.slice(1, 6).map(Number) as [number, number, number, number, number];
  } else if (dateFirst) {
    [dd, mo, yyyy] = dateFirst.slice(1, 4).map(Number) as [number, number, number];
    if (dateFirst[4] !== undefined) [hh, mm] = [Number(dateFirst[4]), Number(dateFirst[5])];
  } else return null;
  if (hh > 23 || mm > 59 || dd < 1 || dd > 31 || mo < 1 || mo > 12) return null;
  const day = new Date(Date.UTC(yyyy, mo - 1, dd));
  if (day.getUTCFullYear() !== yyyy || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== dd) return null;
  return new Date(Date.UTC(yyyy, mo - 1, dd, hh - 7, mm)).toISOString();
}

export function parsePlainArticle(raw: string): PlainArticle {
  const text = nfc(raw.replace(/^\uFEFF/, '')).replace(/\r\n?/g, '\n');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const firstLines = text.split('\n').map((l) => l.trim());
  const headline = firstLines.find(Boolean) ?? '';
  // The headline may share its block with following lines; those start the next paragraph.
  const first = blocks.shift() ?? '';
  const rest = first.length > headline.length ? [first.slice(headline.length).trim(), ...blocks] : blocks;
  let dateline: string | null = null;
  if (rest[0] && parseDateline(rest[0])) dateline = parseDateline(rest.shift()!);
  const sapo = rest.shift() ?? '';
  return { headline, sapo, body: rest, dateline };
}
