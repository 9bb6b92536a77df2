import { describe, expect, it } from 'vitest';
import { versionTimes } from '../../../../src-renderer/features/history/version-times';

describe('versionTimes', () => {
  it('shows seconds only for versions sharing their minute, in the newsroom time zone', () => {
    const times = versionTimes(['2022-01-13T04:28:59.900Z', '2022-01-13T04:28:05.000Z', '2022-01-13T04:27:05.000Z', '2022-01-13T10:53:00.000Z']);
    expect(times).toEqual(['11:28:59, 13/01/2022', '11:28:05, 13/01/2022', '11:27, 13/01/2022', '17:53, 13/01/2022']);
  });

  it('keeps two versions of the same minute on different days apart without seconds', () => {
    expect(versionTimes(['2022-01-13T04:28:05.000Z', '2022-01-14T04:28:05.000Z'])).toEqual(['11:28, 13/01/2022', '11:28, 14/01/2022']);
  });
});
