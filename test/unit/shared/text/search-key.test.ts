import { describe, expect, it } from 'vitest';
import { forEachWord, searchKey, tokenize, WORD, wordEnd } from '../../../../src-shared/text/search-key';

const keys = (text: string) => tokenize(text).map((t) => t.key);

describe('searchKey', () => {
  it('matches words typed without accents to the accented words', () => {
    expect(keys('Hà Giang')).toEqual(keys('ha giang'));
    expect(keys('dân vận')).toEqual(['dan', 'van']);
    expect(searchKey('Đình')).toBe(searchKey('dinh'));
    expect(searchKey('đường')).toBe('duong');
  });

  it('treats both placements of the tone mark as the same word', () => {
    expect(searchKey('hoá')).toBe(searchKey('hóa'));
    expect(searchKey('thuý')).toBe(searchKey('thúy'));
    expect(searchKey('khoẻ')).toBe(searchKey('khỏe'));
  });

  it('treats a final y after a consonant onset as i', () => {
    expect(searchKey('quý')).toBe(searchKey('quí'));
    expect(searchKey('lý')).toBe(searchKey('lí'));
    expect(searchKey('kỹ')).toBe(searchKey('kĩ'));
    expect(searchKey('Mỹ')).toBe(searchKey('Mĩ'));
    expect(searchKey('tỷ')).toBe(searchKey('tỉ'));
    expect(searchKey('Quy')).toBe('qui');
  });

  it('keeps y where it is part of a vowel group or stands alone', () => {
    expect(searchKey('huy')).toBe('huy');
    expect(searchKey('huy')).not.toBe(searchKey('hui'));
    expect(searchKey('tay')).not.toBe(searchKey('tai'));
    expect(searchKey('thuỷ')).toBe('thuy');
    expect(searchKey('khuya')).toBe('khuya');
    expect(searchKey('y')).toBe('y');
    expect(searchKey('yêu')).toBe('yeu');
    expect(searchKey('sky')).toBe('sky');
  });
});

describe('tokenize', () => {
  it('gives offsets in the original text', () => {
    const text = 'Tỉnh Hà Giang, ngày 13/1.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Tỉnh', 'Hà', 'Giang', 'ngày', '13', '1']);
    expect(tokens[1]).toEqual({ key: 'ha', start: 5, end: 7 });
  });

  it('keeps decomposed (NFD) words whole, with offsets in the NFD text', () => {
    const text = 'Về Hà Giang'.normalize('NFD');
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual(['ve', 'ha', 'giang']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Về'.normalize('NFD'), 'Hà'.normalize('NFD'), 'Giang']);
    expect(tokens[1]!.start).toBe('Về '.normalize('NFD').length);
  });

  it('finds the end of a word from its start', () => {
    const text = 'đồng bào Mông';
    expect(text.slice(5, wordEnd(text, 5))).toBe('bào');
    expect(wordEnd(text, 4)).toBe(4);
  });

  it('finds the same words as the WORD pattern, characters outside the first plane included', () => {
    const text = `  Ông Đỗ (1975) — "Hà Giang"… ${'Nghệ An'.normalize('NFD')}: 𠀀𠀁 chữ Nôm, 😀 cười; x\u0301y ́z 12,5%`;
    const found: Array<[string, number]> = [];
    forEachWord(text, (word, start) => found.push([word, start]));
    expect(found).toEqual([...text.matchAll(WORD)].map((m) => [m[0], m.index]));
    expect(found.map(([w]) => w)).toContain('𠀀𠀁');
    expect(found.map(([w]) => w)).not.toContain('😀');
  });
});
