import { describe, expect, it } from 'vitest';
import { parseVersion, VersionName, versionName } from '../../../src-shared/history';

describe('version names', () => {
  it('name a version by its time and reason, and read back both', () => {
    const at = new Date('2022-01-13T10:53:00.123Z');
    expect(versionName(at, 'manual')).toBe('20220113T105300123Z-manual');
    expect(parseVersion('20220113T105300123Z-manual')).toEqual({ createdAt: at.toISOString(), reason: 'manual' });
    expect(parseVersion(versionName(at, 'timer'))?.reason).toBe('timer');
    expect(parseVersion(versionName(at, 'restore'))?.reason).toBe('restore');
  });

  it('accept nothing but that exact shape: no separators, dots, other reasons or impossible dates', () => {
    const refused = [
      '',
      '..',
      '../20220113T105300123Z-manual',
      '20220113T105300123Z-manual/..',
      '20220113T105300123Z-manual.ydoc',
      '20220113T105300123Z-manual\0',
      '20220113T105300123Z-manual\n',
      ' 20220113T105300123Z-manual',
      '20220113T105300123Z-other',
      '20220113T105300123Z',
      '20221313T105300123Z-manual',
      '20220230T105300123Z-manual',
      '20220113T255300123Z-manual',
      '2022-01-13T10:53:00.123Z-manual',
      '٢٠٢٢0113T105300123Z-manual',
    ];
    for (const name of refused) {
      expect(parseVersion(name), JSON.stringify(name)).toBeNull();
    }
    expect(VersionName.safeParse('../../secret').success).toBe(false);
    expect(VersionName.safeParse('20220113T105300123Z-timer').success).toBe(true);
  });
});
