import { describe, expect, it } from 'vitest';
import { parseDateline, parsePlainArticle } from '../../../src-shared/plain-article';

describe('parseDateline', () => {
  it('reads "HH:MM, DD/MM/YYYY" as Vietnam time (UTC+7)', () => {
    expect(parseDateline('08:15, 02/09/2023')).toBe('2023-09-02T01:15:00.000Z');
    expect(parseDateline('  17:53, 13/01/2022 ')).toBe('2022-01-13T10:53:00.000Z');
  });

  it('moves to the previous UTC day before 07:00', () => {
    expect(parseDateline('06:30, 01/01/2024')).toBe('2023-12-31T23:30:00.000Z');
  });

  it('accepts single-digit hour, day and month', () => {
    expect(parseDateline('7:05, 3/2/2024')).toBe('2024-02-03T00:05:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    expect(parseDateline('24:00, 01/01/2024')).toBeNull();
    expect(parseDateline('12:60, 01/01/2024')).toBeNull();
    expect(parseDateline('12:00, 31/02/2024')).toBeNull();
    expect(parseDateline('12:00, 00/01/2024')).toBeNull();
    expect(parseDateline('12:00, 01/13/2024')).toBeNull();
    expect(parseDateline('12:00, 29/02/2023')).toBeNull();
    expect(parseDateline('12:00, 29/02/2024')).toBe('2024-02-29T05:00:00.000Z');
  });

  it('reads the forms news sites write: time after the date, a weekday, a label, the zone', () => {
    const at = '2022-01-13T10:53:00.000Z';
    for (const line of ['17:53 13/01/2022', '17:53 - 13/01/2022', '13/01/2022 - 17:53', '13/01/2022 17:53', '13/01/2022, 17:53', 'Thứ Năm, 13/01/2022 17:53', 'thứ năm, 13/01/2022 - 17:53', 'Thứ 5, 13/01/2022 17h53', 'Cập nhật: 13/01/2022 17:53', 'Cập nhật lúc 17:53 13/01/2022', 'Ngày đăng: 13-01-2022 17:53 (GMT+7)', '13.01.2022 17:53 GMT+7']) {
      expect(parseDateline(line), line).toBe(at);
    }
    expect(parseDateline('Thứ Năm, 13/01/2022')).toBe('2022-01-12T17:00:00.000Z');
  });

  it('refuses text that is not a dateline', () => {
    expect(parseDateline('Sáng 12/3, tại hội trường')).toBeNull();
    expect(parseDateline('Ngày 13/1, tại điểm cầu tỉnh')).toBeNull();
    expect(parseDateline('13/01/2022 17:53 hội nghị')).toBeNull();
    expect(parseDateline('')).toBeNull();
  });
});

describe('parsePlainArticle', () => {
  const sample = [
    'Xã vùng cao khánh thành cầu treo mới',
    '09:40, 21/03/2024',
    '',
    'Sáng 21/3, người dân xã biên giới đã đi qua cây cầu treo',
    'mới bắc qua suối lớn.',
    '',
    'Cây cầu dài 60 mét, do các nhà hảo tâm góp vốn xây dựng.',
    '',
    '',
    'Trước đây, mỗi mùa mưa lũ học sinh phải nghỉ học nhiều ngày.',
    '',
    'Quang Huy',
    '',
  ].join('\n');

  it('splits headline, dateline, lead and body paragraphs', () => {
    const a = parsePlainArticle(sample);
    expect(a.headline).toBe('Xã vùng cao khánh thành cầu treo mới');
    expect(a.dateline).toBe('2024-03-21T02:40:00.000Z');
    expect(a.sapo).toBe('Sáng 21/3, người dân xã biên giới đã đi qua cây cầu treo mới bắc qua suối lớn.');
    expect(a.body).toEqual([
      'Cây cầu dài 60 mét, do các nhà hảo tâm góp vốn xây dựng.',
      'Trước đây, mỗi mùa mưa lũ học sinh phải nghỉ học nhiều ngày.',
      'Quang Huy',
    ]);
  });

  it('handles CRLF line ends, a byte-order mark and NFD text', () => {
    const messy = '\uFEFF' + sample.normalize('NFD').replace(/\n/g, '\r\n');
    const a = parsePlainArticle(messy);
    const clean = parsePlainArticle(sample);
    expect(a).toEqual(clean);
    expect(a.headline).toBe(a.headline.normalize('NFC'));
    expect(a.headline.startsWith('\uFEFF')).toBe(false);
  });

  it('works without a dateline: the first paragraph after the headline is the lead', () => {
    const a = parsePlainArticle('Tít bài\n\nĐoạn mở đầu.\n\nThân bài một.\n\nThân bài hai.');
    expect(a).toEqual({ headline: 'Tít bài', sapo: 'Đoạn mở đầu.', body: ['Thân bài một.', 'Thân bài hai.'], dateline: null });
  });

  it('lets lines right under the headline start the lead', () => {
    const a = parsePlainArticle('Tít bài\nĐoạn mở đầu ngay dưới tít.\n\nThân bài.');
    expect(a.headline).toBe('Tít bài');
    expect(a.sapo).toBe('Đoạn mở đầu ngay dưới tít.');
    expect(a.body).toEqual(['Thân bài.']);
  });

  it('gives empty fields for empty input', () => {
    expect(parsePlainArticle('')).toEqual({ headline: '', sapo: '', body: [], dateline: null });
    expect(parsePlainArticle('\n \n\t\n')).toEqual({ headline: '', sapo: '', body: [], dateline: null });
  });
});
