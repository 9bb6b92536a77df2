/**
 * Plain text → article fields, as a reporter's .txt is laid out: the first line is the
 * headline, the first paragraph after it the lead (sa-pô), the rest the body, one paragraph
 * per block. A line like "17:53, 13/01/2022" right after the headline is the article's date.
 */
import { nfc } from './text/vietnamese';

export interface PlainArticle {
  readonly headline: string;
  readonly sapo: string;
  readonly body: readonly string[];
  /** ISO date from a "HH:MM, DD/MM/YYYY" line (Asia/Ho_Chi_Minh, UTC+7), when there was one. */
  readonly dateline: string | null;
}

const DATELINE = /^(\d{1,2}):(\d{2}),\s*(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "17:53, 13/01/2022" in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) → ISO, or null. */
export function parseDateline(line: string): string | null {
  const m = DATELINE.exec(line.trim());
  if (!m) return null;
  const [hh, mm, dd, mo, yyyy] = m.slice(1).map(Number) as [number, number, number, number, number];
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
