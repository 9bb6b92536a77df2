import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_RATES, type ReadingRates } from '../../../../src-shared/models';
import { countText, secondsAt, splitDuration } from '../../../../src-shared/text/counts';

const RATES: ReadingRates = { vi: { onAir: 200, reading: 300 }, en: { onAir: 160, reading: 240 } };

describe('countText', () => {
  it('counts Vietnamese syllables as words and characters as NFC code points', () => {
    const text = 'Đồng chí Đình Anh dự tại Hà Giang.';
    const c = countText(text, 'vi', RATES);
    expect(c.words).toBe(8);
    expect(c.characters).toBe(text.length);
    expect(c.charactersNoSpaces).toBe(text.length - 7);
  });

  it('gives the same counts for decomposed (NFD) text', () => {
    const text = 'Nghị quyết về công tác dân vận được triển khai.';
    const nfd = text.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(text.length);
    expect(countText(nfd, 'vi', RATES)).toEqual(countText(text, 'vi', RATES));
  });

  it('counts tabs as spaces and line breaks between paragraphs not at all', () => {
    const c = countText('Một\thai\nba  bốn', 'vi', RATES);
    expect(c.characters).toBe(14);
    expect(c.charactersNoSpaces).toBe(11);
    expect(c.words).toBe(4);
  });

  it('times 450 Vietnamese syllables at 200 a minute on air as 2 min 15 s, and silently at 300 as 1 min 30 s', () => {
    const text = Array.from({ length: 450 }, () => 'tin').join(' ');
    const c = countText(text, 'vi', RATES);
    expect(c.words).toBe(450);
    expect(c.onAirSeconds).toBe(135);
    expect(splitDuration(c.onAirSeconds)).toEqual({ minutes: 2, seconds: 15 });
    expect(c.readingSeconds).toBe(90);
  });

  it('uses the English rates for an English article', () => {
    const text = Array.from({ length: 160 }, () => 'news').join(' ');
    const c = countText(text, 'en', RATES);
    expect(c.onAirSeconds).toBe(60);
    expect(c.readingSeconds).toBe(40);
    expect(countText(text, 'vi', RATES).onAirSeconds).toBe(48);
  });

  it('is all zeros for empty text', () => {
    expect(countText('', 'vi', DEFAULT_READING_RATES)).toEqual({ words: 0, characters: 0, charactersNoSpaces: 0, readingSeconds: 0, onAirSeconds: 0 });
  });
});

describe('secondsAt and splitDuration', () => {
  it('rounds a started second up', () => {
    expect(secondsAt(1, 200)).toBe(1);
    expect(secondsAt(201, 200)).toBe(61);
    expect(secondsAt(0, 200)).toBe(0);
  });

  it('splits seconds into minutes and seconds', () => {
    expect(splitDuration(0)).toEqual({ minutes: 0, seconds: 0 });
    expect(splitDuration(59)).toEqual({ minutes: 0, seconds: 59 });
    expect(splitDuration(3600)).toEqual({ minutes: 60, seconds: 0 });
  });
});
