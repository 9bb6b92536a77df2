import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_RATES } from '../../../../src-shared/models';
import { countText } from '../../../../src-shared/text/counts';
import { CountCache } from '../../../../src-renderer/features/article/useBodyText';

const LINES = [
  'Mưa lớn ở Hà Giang',
  'Sáng nay, mực nước sông Lô vượt báo động ba.',
  '',
  // Decomposed (NFD) letters and a word with an apostrophe and a hyphen.
  'Nước dâng cao ở xã vùng cao'.normalize('NFD'),
  "It's a well-known fact: 1,234 homes.",
  '   khoảng trắng   đầu và cuối   ',
];

describe('CountCache', () => {
  it('counts lines one by one to what countText gives for them joined by line breaks', () => {
    for (const language of ['vi', 'en'] as const) {
      const cache = new CountCache();
      expect(cache.count(LINES, language, DEFAULT_READING_RATES)).toEqual(countText(LINES.join('\n'), language, DEFAULT_READING_RATES));
    }
  });

  it('follows edits, repeated lines and removed lines from one call to the next', () => {
    const cache = new CountCache();
    const rates = DEFAULT_READING_RATES;
    let lines = [...LINES];
    for (let i = 0; i < 40; i++) {
      lines = i % 7 === 6 ? lines.slice(1) : [...lines.slice(0, -1), `${lines.at(-1) ?? ''} thêm ${i}`, lines[0] ?? ''];
      expect(cache.count(lines, 'vi', rates)).toEqual(countText(lines.join('\n'), 'vi', rates));
    }
    expect(cache.count([], 'vi', rates)).toEqual(countText('', 'vi', rates));
  });

  it('uses the rates of the language asked for', () => {
    const cache = new CountCache();
    const rates = { vi: { reading: 60, onAir: 30 }, en: { reading: 120, onAir: 60 } };
    expect(cache.count(['một hai ba'], 'vi', rates)).toMatchObject({ words: 3, readingSeconds: 3, onAirSeconds: 6 });
    expect(cache.count(['một hai ba'], 'en', rates)).toMatchObject({ words: 3, readingSeconds: 2, onAirSeconds: 3 });
  });
});
