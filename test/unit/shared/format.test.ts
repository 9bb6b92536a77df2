import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, NEWSROOM_TIME_ZONE } from '../../../src-shared/format';

describe('formatDateTime', () => {
  it('writes a UTC instant as the newsroom does, in Asia/Ho_Chi_Minh', () => {
    expect(NEWSROOM_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(formatDateTime('2022-01-13T10:53:00Z')).toBe('17:53, 13/01/2022');
  });

  it('rolls over to the next day in Vietnam', () => {
    expect(formatDateTime('2021-12-31T17:05:00Z')).toBe('00:05, 01/01/2022');
  });

  it('uses a 24-hour clock with leading zeros', () => {
    expect(formatDateTime('2022-03-04T00:07:00Z')).toBe('07:07, 04/03/2022');
    expect(formatDateTime('2022-03-04T16:59:00Z')).toBe('23:59, 04/03/2022');
  });

  it('accepts a Date and another time zone', () => {
    expect(formatDateTime(new Date(Date.UTC(2022, 0, 13, 10, 53)))).toBe('17:53, 13/01/2022');
    expect(formatDateTime('2022-01-13T10:53:00Z', 'UTC')).toBe('10:53, 13/01/2022');
  });

  it('gives an empty string for an invalid date', () => {
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands per language', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});
