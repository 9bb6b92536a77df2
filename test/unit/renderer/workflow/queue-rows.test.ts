/** The editors' queue: each row's on-air time at its language's rate, the filters and the sorts. */
import { describe, expect, it } from 'vitest';
import { clockDuration, filterRows, isoDuration, nextSort, onAirSeconds, sortRows } from '../../../../src-renderer/features/workflow/queue-rows';
import { DEFAULT_READING_RATES, type ReadingRates } from '../../../../src-shared/models';
import { countText } from '../../../../src-shared/text/counts';
import type { QueueRow } from '../../../../src-shared/workflow-desk';

const row = (id: string, over: Partial<QueueRow>): QueueRow => ({
  id,
  headline: id,
  owner: 'thu',
  assignees: [],
  section: 'Thời sự',
  status: 'submitted',
  arrivedAt: '2026-01-13T10:53:00.000Z',
  words: 100,
  updatedAt: '2026-01-13T10:53:00.000Z',
  changedSinceApproved: false,
  language: 'vi',
  openComments: 0,
  ...over,
});

describe('on-air time of a queue row', () => {
  it('is the words at the on-air rate of the article’s language, as the article’s counters count it', () => {
    // vi 200 syllables a minute, en 160 words a minute.
    expect(onAirSeconds(row('a', { words: 200 }), DEFAULT_READING_RATES)).toBe(60);
    expect(onAirSeconds(row('b', { words: 200, language: 'en' }), DEFAULT_READING_RATES)).toBe(75);
    const rates: ReadingRates = { ...DEFAULT_READING_RATES, vi: { onAir: 150, reading: 300 } };
    expect(onAirSeconds(row('c', { words: 200 }), rates)).toBe(80);
    expect(onAirSeconds(row('d', { words: 0 }), rates)).toBe(0);
    // The same figure as the Counts of the article (a started second counts).
    const text = 'Lũ quét ở Hà Giang làm hai xã bị cô lập';
    const counts = countText(text, 'vi', DEFAULT_READING_RATES);
    expect(onAirSeconds(row('e', { words: counts.words }), DEFAULT_READING_RATES)).toBe(counts.onAirSeconds);
  });

  it('reads as minutes and seconds', () => {
    expect(clockDuration(125)).toBe('2:05');
    expect(clockDuration(7)).toBe('0:07');
    expect(isoDuration(125)).toBe('PT2M5S');
    expect(isoDuration(7)).toBe('PT7S');
  });
});

describe('queue filters and sorts', () => {
  const rows = [
    row('old-long', { arrivedAt: '2026-01-13T08:00:00.000Z', words: 900 }),
    row('new-short', { arrivedAt: '2026-01-13T11:00:00.000Z', words: 120, status: 'editing' }),
    // English: fewer words but longer on air than 'mid' at its slower rate.
    row('en', { arrivedAt: '2026-01-13T09:00:00.000Z', words: 300, language: 'en', status: 'approved', changedSinceApproved: true }),
    row('mid', { arrivedAt: '2026-01-13T10:00:00.000Z', words: 360 }),
  ];
  const ids = (r: readonly QueueRow[]) => r.map((x) => x.id);

  it('sorts by arrival, words or on-air time, either way', () => {
    expect(ids(sortRows(rows, { key: 'arrival', direction: 'descending' }, DEFAULT_READING_RATES))).toEqual(['new-short', 'mid', 'en', 'old-long']);
    expect(ids(sortRows(rows, { key: 'arrival', direction: 'ascending' }, DEFAULT_READING_RATES))).toEqual(['old-long', 'en', 'mid', 'new-short']);
    expect(ids(sortRows(rows, { key: 'words', direction: 'descending' }, DEFAULT_READING_RATES))).toEqual(['old-long', 'mid', 'en', 'new-short']);
    // 300 English words at 160/min (113 s) outlast 360 syllables at 200/min (108 s).
    expect(ids(sortRows(rows, { key: 'onAir', direction: 'descending' }, DEFAULT_READING_RATES))).toEqual(['old-long', 'en', 'mid', 'new-short']);
    expect(ids(sortRows(rows, { key: 'onAir', direction: 'ascending' }, DEFAULT_READING_RATES))).toEqual(['new-short', 'mid', 'en', 'old-long']);
  });

  it('a header pressed again turns its order round; another column starts longest or latest first', () => {
    expect(nextSort({ key: 'arrival', direction: 'descending' }, 'arrival')).toEqual({ key: 'arrival', direction: 'ascending' });
    expect(nextSort({ key: 'arrival', direction: 'ascending' }, 'onAir')).toEqual({ key: 'onAir', direction: 'descending' });
  });

  it('filters by status or by changed since approved', () => {
    expect(ids(filterRows(rows, null))).toEqual(ids(rows));
    expect(ids(filterRows(rows, 'editing'))).toEqual(['new-short']);
    expect(ids(filterRows(rows, 'changedSinceApproved'))).toEqual(['en']);
  });
});
