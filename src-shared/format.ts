/** Dates as Vietnamese newsrooms write them: "17:53, 13/01/2022", in Asia/Ho_Chi_Minh. */
export const NEWSROOM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const newsroom = new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone: NEWSROOM_TIME_ZONE });

export function formatDateTime(iso: string | Date, timeZone: string = NEWSROOM_TIME_ZONE): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  const fmt = timeZone === NEWSROOM_TIME_ZONE ? newsroom : new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone });
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}, ${p.day}/${p.month}/${p.year}`;
}

/** One formatter per language, made once: the counters format numbers on every keystroke. */
const numbers = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') } as const;

/** Numbers per interface language: 1.234 in Vietnamese, 1,234 in English. */
export function formatNumber(value: number, language: 'vi' | 'en'): string {
  return numbers[language].format(value);
}
