import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../../../src-main/services/spell/dictionaries';
import { createSpellChecker, type SpellChecker } from '../../../../src-shared/spell/checker';
import { restyle, restyleText, toneWellPlaced } from '../../../../src-shared/spell/tones';
import { fromKeystrokes } from '../../../../src-shared/spell/typing';

let checker: SpellChecker;
beforeAll(async () => {
  checker = createSpellChecker(await loadDictionaries());
}, 30_000);

const flagged = (text: string, language: 'vi' | 'en' = 'vi') => checker.check(text, language).map((m) => m.word);

describe('Vietnamese by syllable', () => {
  it('takes a syllable with every tone mark, composed or decomposed, in any case', () => {
    const families = ['ma má mà mả mã mạ', 'bơ bớ bờ bở bỡ bợ', 'bê bế bề bể bễ bệ', 'cư cứ cừ cử cữ cự', 'hoa hoá hoà hoả hoạ', 'việt được người thuỷ'];
    for (const family of families) {
      for (const syllable of family.split(' ')) {
        for (const form of [syllable.normalize('NFC'), syllable.normalize('NFD'), syllable.toLocaleUpperCase('vi'), syllable[0]!.toUpperCase() + syllable.slice(1)]) {
          expect(checker.correct(form, 'vi'), JSON.stringify(form)).toBe(true);
        }
      }
      expect(checker.check(family.normalize('NFD'), 'vi')).toEqual([]);
    }
  });

  it('flags a syllable that does not exist, and a tone where no style puts it', () => {
    expect(flagged('Hôm nay xyz trời đẹp')).toEqual(['xyz']);
    expect(flagged('tóan học')).toEqual(['tóan']);
    expect(checker.check('qúy', 'vi')[0]?.suggestions[0]).toBe('quý');
  });

  it('accepts both tone placements (hoà/hòa, thuỷ/thủy, khoẻ/khỏe) and suggests in the chosen one', () => {
    expect(flagged('hoà hòa thuỷ thủy khoẻ khỏe Hòa Bình THỦY')).toEqual([]);
    expect(restyle('Hòa', 'modern')).toBe('Hoà');
    expect(restyle('thuỷ', 'classic')).toBe('thủy');
    expect(restyle('người', 'classic')).toBe('người');
    expect(toneWellPlaced('hóa')).toBe(true);
    expect(toneWellPlaced('tóan')).toBe(false);
    expect(restyleText('Hòa bình, thủy lợi và sức khỏe', 'modern')).toBe('Hoà bình, thuỷ lợi và sức khoẻ'.normalize('NFC'));
  });

  it('marks a misspelling in NFD text where its letters stand', () => {
    const text = 'Tôi đi họcc hôm nay'.normalize('NFD');
    const [m] = checker.check(text, 'vi');
    expect(m?.word).toBe('họcc');
    expect(text.slice(m!.from, m!.to).normalize('NFC')).toBe('họcc');
    expect(m?.suggestions).toContain('học');
  });

  it('reads Telex and VNI leftovers and offers the intended syllable first', () => {
    const first = (word: string) => checker.check(word, 'vi')[0]?.suggestions[0];
    expect(first('dduwowcj')).toBe('được');
    expect(first('hoir')).toBe('hỏi');
    expect(first('hoij')).toBe('hội');
    expect(first('ho6i')).toBe('hôi');
    expect(first('tieengs')).toBe('tiếng');
    expect(first('Vieetj')).toBe('Việt');
    expect(first('d9u7o7ng2')).toBe('đường');
    expect(first('nguwowif')).toBe('người');
    expect(fromKeystrokes('hoaf', 'modern')).toBe('hoà');
    expect(fromKeystrokes('hoaf', 'classic')).toBe('hòa');
    // Letters that happen to spell English are still keystrokes in a Vietnamese field.
    expect(flagged('cas')).toEqual(['cas']);
    expect(first('cas')).toBe('cá');
  });

  it('leaves English words, abbreviations and codes alone in Vietnamese text', () => {
    expect(flagged('Ứng dụng Facebook online của UBND TP.HCM, virus H5N1, iPhone năm 2024')).toEqual([]);
  });

  it('suggests words typed without marks by their letters, the most frequent first', () => {
    expect(checker.check('nguoi', 'vi')[0]?.suggestions[0]).toBe('người');
  });
});

describe('English by word', () => {
  it('checks an English caption in English, Vietnamese names let through', () => {
    const caption = 'Prime Minister Phạm Minh Chính visits Hà Nội; Nguyen Van An recieve the photo';
    const found = checker.check(caption, 'en');
    expect(found.map((m) => m.word)).toEqual(['recieve']);
    expect(found[0]?.suggestions[0]).toBe('receive');
    // Checked as English, a Vietnamese leftover is a misspelling with English suggestions.
    expect(flagged('hoir the photographer', 'en')).toEqual(['hoir']);
    expect(checker.check('recieve', 'vi')[0]?.suggestions).not.toContain('receive');
  });

  it("takes apostrophes of both kinds", () => {
    expect(flagged("don't won’t", 'en')).toEqual([]);
  });
});

describe('known words', () => {
  it("never flags the glossary's names and the newsroom dictionary, in either language", async () => {
    const known = createSpellChecker(await loadDictionaries(), { known: ['Antony Blinken', 'Zelensky', 'phở-bò', 'Ukrainia'] });
    expect(known.check('Ngoại trưởng Antony Blinken gặp Zelensky ở Ukrainia', 'vi')).toEqual([]);
    expect(known.check('Blinken met ZELENSKY', 'en')).toEqual([]);
    known.setKnown([]);
    expect(known.check('Blinken gặp Zelensky', 'vi').map((m) => m.word)).toEqual(['Blinken', 'Zelensky']);
  });
});

describe('the tone-mark style check', () => {
  it('is off by default; on, flags the other placement with the chosen one, and normalising keeps NFC', async () => {
    const styled = createSpellChecker(await loadDictionaries(), { styleCheck: 'modern' });
    expect(checker.check('hòa bình và thủy lợi', 'vi')).toEqual([]);
    expect(styled.check('Hòa bình và thủy lợi, sức khoẻ', 'vi').map((m) => [m.word, m.suggestions])).toEqual([
      ['Hòa', ['Hoà']],
      ['thủy', ['thuỷ']],
    ]);
    styled.setStyleCheck('classic');
    expect(styled.check('Hòa bình, sức khoẻ'.normalize('NFD'), 'vi').map((m) => [m.word, m.suggestions])).toEqual([['khoẻ', ['khỏe']]]);
    const normalised = restyleText('Hòa bình, thủy lợi'.normalize('NFD'), 'modern');
    expect(normalised).toBe('Hoà bình, thuỷ lợi'.normalize('NFC'));
    expect(normalised.normalize('NFC')).toBe(normalised);
  });
});
