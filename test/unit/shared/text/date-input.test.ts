import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput, zoneLabel } from '../../../../src-shared/text/date-input';

const value = (text: string, mode: 'datetime' | 'date' | 'moment' = 'datetime') => {
  const r = parseDateInput(text, mode);
  return r.ok ? r.value : `refused:${r.error}`;
};

describe('parseDateInput', () => {
  it('reads day first with a 24-hour clock, as Vietnamese newsrooms write', () => {
    expect(value('13/01/2022 17:53')).toBe('2022-01-13T17:53');
    expect(value('13/1/2022 9:05')).toBe('2022-01-13T09:05');
    expect(value('02/03/2022 00:00')).toBe('2022-03-02T00:00');
  });

  it('reads the newsroom line "17:53, 13/01/2022", the "17h53" habit and other separators', () => {
    expect(value('17:53, 13/01/2022')).toBe('2022-01-13T17:53');
    expect(value('17h53 13-01-2022')).toBe('2022-01-13T17:53');
    expect(value('13.01.2022, 17h')).toBe('2022-01-13T17:00');
    expect(value('13/01/2022 lúc 17 giờ 30')).toBe('2022-01-13T17:30');
    expect(value('  13 / 01 / 2022   17:53  ')).toBe('2022-01-13T17:53');
  });

  it('reads dates written in words and ISO dates', () => {
    expect(value('ngày 13 tháng 1 năm 2022')).toBe('2022-01-13');
    expect(value('Ngày 13 tháng 01, 2022 17:53')).toBe('2022-01-13T17:53');
    expect(value('13 Jan 2022 17:53')).toBe('2022-01-13T17:53');
    expect(value('13 January, 2022')).toBe('2022-01-13');
    expect(value('2022-01-13 17:53')).toBe('2022-01-13T17:53');
    expect(value('2022-01-13T17:53')).toBe('2022-01-13T17:53');
  });

  it('reads Vietnamese typed in decomposed form (NFD) like any other', () => {
    expect(value('ngày 13 tháng 1 năm 2022'.normalize('NFD'))).toBe('2022-01-13');
  });

  it('keeps a date without a time as a date alone', () => {
    expect(value('13/01/2022')).toBe('2022-01-13');
    expect(value('13/01/2022', 'date')).toBe('2022-01-13');
  });

  it('is empty for nothing typed', () => {
    expect(value('')).toBe('');
    expect(value('   ', 'date')).toBe('');
  });

  it('refuses a day the month does not have, with the month\'s length', () => {
    const r = parseDateInput('31/02/2022 10:00');
    expect(r).toEqual({ ok: false, error: 'day', params: { day: '31', month: '02', year: '2022', days: '28' } });
    expect(value('29/02/2023')).toBe('refused:day');
    expect(value('29/02/2024')).toBe('2024-02-29');
    expect(value('00/01/2022')).toBe('refused:day');
  });

  it('never reads day and month the American way round', () => {
    expect(value('01/13/2022')).toBe('refused:month');
  });

  it('refuses a time the clock does not have', () => {
    expect(value('13/01/2022 25:61')).toBe('refused:time');
    expect(value('13/01/2022 24:00')).toBe('refused:time');
    expect(value('13/01/2022 23:60')).toBe('refused:time');
    expect(value('13/01/2022 23:59')).toBe('2022-01-13T23:59');
  });

  it('refuses years a mistyped field gives instead of guessing a century', () => {
    expect(parseDateInput('13/01/0800 17:53')).toMatchObject({ ok: false, error: 'year', params: { year: '0800' } });
    expect(value('13/01/800')).toBe('refused:year');
    expect(value('13/01/20222')).toBe('refused:year');
    expect(value('13/01/22')).toBe('refused:shortYear');
    expect(value('13/01/2101')).toBe('refused:year');
    expect(value('13/01/1900')).toBe('1900-01-13');
  });

  it('refuses what it cannot read, a time without a date, and a time in a date-only field', () => {
    expect(value('hôm qua')).toBe('refused:format');
    expect(value('13/01')).toBe('refused:format');
    expect(value('5:30 PM 01/13/2022')).toBe('refused:format');
    expect(value('17:53')).toBe('refused:noDate');
    expect(value('13/01/2022 17:53', 'date')).toBe('refused:timeInDate');
    expect(value('13/01/2022', 'moment')).toBe('refused:noTime');
    expect(value('13/01/2022 17:53', 'moment')).toBe('2022-01-13T17:53');
  });
});

describe('formatDateInput', () => {
  it('shows a stored value day first with a 24-hour clock', () => {
    expect(formatDateInput('2022-01-13T17:53')).toBe('13/01/2022 17:53');
    expect(formatDateInput('2022-01-13T07:05:30')).toBe('13/01/2022 07:05');
    expect(formatDateInput('2022-01-13')).toBe('13/01/2022');
    expect(formatDateInput('2022-01-13T17:53', 'date')).toBe('13/01/2022');
    expect(formatDateInput('')).toBe('');
    expect(formatDateInput('not a date')).toBe('');
  });

  it('round-trips through parseDateInput', () => {
    for (const v of ['2022-01-13T17:53', '1999-12-31T23:59', '2024-02-29', '2026-01-09T08:00']) {
      expect(value(formatDateInput(v))).toBe(v);
    }
  });
});

describe('zoneLabel', () => {
  it('names Vietnam\'s zone by its offset', () => {
    expect(zoneLabel('Asia/Ho_Chi_Minh', '2022-01-13T17:53')).toBe('GMT+7');
    expect(zoneLabel('Asia/Ho_Chi_Minh')).toBe('GMT+7');
  });

  it('gives a zone with summer time the offset of the stored day', () => {
    expect(zoneLabel('Europe/London', '2022-01-13T12:00')).toBe('GMT');
    expect(zoneLabel('Europe/London', '2022-07-13T12:00')).toBe('GMT+1');
  });
});
