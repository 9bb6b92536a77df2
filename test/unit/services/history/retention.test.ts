import { describe, expect, it } from 'vitest';
import type { HistoryReason } from '../../../../src-shared/history';
import { versionName } from '../../../../src-shared/history';
import { DAY_MS, HOUR_MS, prunable } from '../../../../src-main/services/history/retention';

const NOW = new Date('2026-03-01T12:00:00.000Z');

function at(msAgo: number, reason: HistoryReason = 'timer') {
  const when = new Date(NOW.getTime() - msAgo);
  return { version: versionName(when, reason), createdAt: when.toISOString(), reason };
}

describe('retention', () => {
  it('keeps every timer version of the last day', () => {
    const items = Array.from({ length: 48 }, (_, i) => at(i * 25 * 60 * 1000 + 1000));
    expect(items.every((i) => NOW.getTime() - Date.parse(i.createdAt) < DAY_MS)).toBe(true);
    expect(prunable(items, NOW)).toEqual([]);
  });

  it('keeps the newest timer version of each hour after a day, and of each day after thirty', () => {
    const hourStart = Math.floor((NOW.getTime() - 3 * DAY_MS) / HOUR_MS) * HOUR_MS;
    const sameHour = [hourStart + 5 * 60_000, hourStart + 20 * 60_000, hourStart + 50 * 60_000].map((t) => at(NOW.getTime() - t));
    const dayStart = Math.floor((NOW.getTime() - 40 * DAY_MS) / DAY_MS) * DAY_MS;
    const sameDay = [dayStart + HOUR_MS, dayStart + 9 * HOUR_MS, dayStart + 23 * HOUR_MS].map((t) => at(NOW.getTime() - t));
    const recent = at(60_000);
    const gone = prunable([recent, ...sameHour, ...sameDay], NOW).sort();
    expect(gone).toEqual([sameHour[0]!.version, sameHour[1]!.version, sameDay[0]!.version, sameDay[1]!.version].sort());
  });

  it('never lets go of a version taken on demand or before a restore, however old', () => {
    const items = [at(60_000), at(100 * DAY_MS, 'manual'), at(100 * DAY_MS + 1000, 'manual'), at(100 * DAY_MS + 2000, 'restore'), at(100 * DAY_MS + 3000)];
    expect(prunable(items, NOW)).toEqual([]);
    items.push(at(100 * DAY_MS + 4000));
    expect(prunable(items, NOW)).toEqual([items[5]!.version]);
  });

  it('always keeps the newest version, even an old timer one', () => {
    const items = [at(50 * DAY_MS), at(50 * DAY_MS + 60_000)];
    expect(prunable(items, NOW)).toEqual([items[1]!.version]);
    expect(prunable([items[1]!], NOW)).toEqual([]);
  });
});
