import { describe, expect, it } from 'vitest';
import { diffWords, sideOf, tokenize } from '../../../../src-shared/text/diff';

describe('tokenize', () => {
  it('keeps every character: words, spaces and punctuation joined give the text back', () => {
    const text = 'Sáng 13/1, mưa lớn ở Hà Giang — “khẩn cấp”!\n\nĐoạn hai.';
    expect(tokenize(text).join('')).toBe(text);
    expect(tokenize('Hà Giang, đêm')).toEqual(['Hà', ' ', 'Giang', ',', ' ', 'đêm']);
  });
});

describe('diffWords', () => {
  it('marks a replaced word as removed then added and keeps the rest', () => {
    expect(diffWords('Mưa lớn ở Hà Giang', 'Mưa rất lớn ở Hà Giang')).toEqual([
      { op: 'same', text: 'Mưa ' },
      { op: 'added', text: 'rất ' },
      { op: 'same', text: 'lớn ở Hà Giang' },
    ]);
    // A lone space between two changed words joins them: the place name reads as one change.
    expect(diffWords('Lũ về Yên Bái', 'Lũ về Lào Cai')).toEqual([
      { op: 'same', text: 'Lũ về ' },
      { op: 'removed', text: 'Yên Bái' },
      { op: 'added', text: 'Lào Cai' },
    ]);
  });

  it('gives back both texts exactly from the segments', () => {
    const pairs: Array<[string, string]> = [
      ['Nước sông Hồng dâng cao, vượt báo động ba.', 'Sáng nay nước sông Hồng dâng rất cao; chưa vượt báo động.'],
      ['', 'Chỉ có chữ mới.'],
      ['Chỉ có chữ cũ.', ''],
      ['a b c a b b a', 'c b a b a c'],
      ['Đoạn một.\n\nĐoạn hai.', 'Đoạn một.\n\nĐoạn ba.\n\nĐoạn hai.'],
    ];
    for (const [a, b] of pairs) {
      const segs = diffWords(a, b);
      expect(sideOf(segs, 'old')).toBe(a);
      expect(sideOf(segs, 'new')).toBe(b);
      for (let i = 1; i < segs.length; i++) expect(segs[i]!.op).not.toBe(segs[i - 1]!.op);
      expect(segs.every((s) => s.text.length > 0)).toBe(true);
    }
  });

  it('finds a shortest edit: only the changed words are marked', () => {
    const segs = diffWords('a b c a b b a', 'c b a b a c');
    const changed = segs.filter((s) => s.op !== 'same').map((s) => s.text.replace(/\s/g, '')).join('');
    // Myers' classic example: 5 token edits among the words (spaces may move along with them).
    expect(changed.length).toBeLessThanOrEqual(5);
  });

  it('normalises to NFC first: the same words typed decomposed are not a change', () => {
    const nfd = 'Hà Giang mưa lớn'.normalize('NFD');
    expect(diffWords(nfd, 'Hà Giang mưa lớn')).toEqual([{ op: 'same', text: 'Hà Giang mưa lớn' }]);
    const segs = diffWords('Tiếng Việt'.normalize('NFD'), 'Tiếng Việt có dấu');
    expect(segs).toEqual([
      { op: 'same', text: 'Tiếng Việt' },
      { op: 'added', text: ' có dấu' },
    ]);
  });

  it('treats a tone mark change as a changed word, not as the same one', () => {
    expect(diffWords('hoà bình', 'hòa bình')).toEqual([
      { op: 'removed', text: 'hoà' },
      { op: 'added', text: 'hòa' },
      { op: 'same', text: ' bình' },
    ]);
  });

  it('says nothing changed for equal texts and handles two empty ones', () => {
    expect(diffWords('Giống hệt.', 'Giống hệt.')).toEqual([{ op: 'same', text: 'Giống hệt.' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('stays fast on long texts with scattered edits', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `từ${i}`);
    const old = words.join(' ');
    const next = words.map((w, i) => (i % 300 === 0 ? `${w} thêm` : w)).join(' ');
    const t0 = performance.now();
    const segs = diffWords(old, next);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(sideOf(segs, 'new')).toBe(next);
    expect(segs.filter((s) => s.op === 'added')).toHaveLength(10);
  });
});
