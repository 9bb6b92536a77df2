/** The words the spellchecker reads: addresses are left out whole, the words around them kept. */
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../../src-shared/spell/words';

const texts = (s: string): string[] => wordsOf(s).map((w) => w.text);

describe('the spellchecker’s words', () => {
  it('leaves out web and mail addresses and bare domains, keeps the words around them', () => {
    expect(texts('Xem https://example.vn/tin-lu và www.vtv.vn/thoi-su')).toEqual(['Xem', 'và']);
    expect(texts('Gửi thư tới toasoan@baohagiang.vn hoặc đọc baohagiang.vn/tin.')).toEqual(['Gửi', 'thư', 'tới', 'hoặc', 'đọc']);
    expect(texts('Lũ quét ở Hà Giang.')).toEqual(['Lũ', 'quét', 'ở', 'Hà', 'Giang']);
  });

  it('marks each word where it stands, in NFC, even in decomposed text', () => {
    const nfd = 'Hà Giang'.normalize('NFD');
    const words = wordsOf(nfd);
    expect(words.map((w) => w.text)).toEqual(['Hà', 'Giang']);
    expect(nfd.slice(words[1]!.from, words[1]!.to)).toBe('Giang');
  });
});
