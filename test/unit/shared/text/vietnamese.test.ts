import { describe, expect, it } from 'vitest';
import { compareVi, countWords, fold, nfc } from '../../../../src-shared/text/vietnamese';

describe('nfc', () => {
  it('turns decomposed (NFD) Vietnamese into precomposed (NFC) text', () => {
    const decomposed = 'Hà Giang, Đình Anh, nghị quyết'.normalize('NFD');
    expect(decomposed).not.toBe('Hà Giang, Đình Anh, nghị quyết'.normalize('NFC'));
    const out = nfc(decomposed);
    expect(out).toBe('Hà Giang, Đình Anh, nghị quyết'.normalize('NFC'));
    expect(out.length).toBeLessThan(decomposed.length);
    // "ệ" in NFC is one code point
    expect([...nfc('e\u0323\u0302')]).toEqual(['ệ']);
  });

  it('leaves NFC text unchanged', () => {
    const text = 'Phóng viên đưa tin từ huyện vùng cao';
    expect(nfc(text)).toBe(text);
  });
});

describe('fold', () => {
  it('drops tone and vowel marks and lowers case', () => {
    expect(fold('Hà Giang')).toBe('ha giang');
    expect(fold('Nghị Quyết Trung Ương')).toBe('nghi quyet trung uong');
    expect(fold('ƯỚC MƠ')).toBe('uoc mo');
  });

  it('folds đ and Đ to d', () => {
    expect(fold('Đình')).toBe('dinh');
    expect(fold('đường')).toBe('duong');
    expect(fold('ĐÀ NẴNG')).toBe('da nang');
  });

  it('treats the old and new tone placement as equal (hoá/hóa, thuý/thúy)', () => {
    expect(fold('hoá')).toBe(fold('hóa'));
    expect(fold('hoá')).toBe('hoa');
    expect(fold('thuý')).toBe(fold('thúy'));
    expect(fold('Khoá học')).toBe(fold('khóa học'));
  });

  it('gives the same result for NFC and NFD input', () => {
    const s = 'Quản lý văn hoá Đông Nam Á';
    expect(fold(s.normalize('NFD'))).toBe(fold(s.normalize('NFC')));
  });
});

describe('compareVi', () => {
  const sorted = (xs: string[]) => [...xs].sort(compareVi);

  it('orders a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư', () => {
    expect(compareVi('a', 'ă')).toBeLessThan(0);
    expect(compareVi('ă', 'â')).toBeLessThan(0);
    expect(compareVi('â', 'b')).toBeLessThan(0);
    expect(compareVi('d', 'đ')).toBeLessThan(0);
    expect(compareVi('đ', 'e')).toBeLessThan(0);
    expect(compareVi('e', 'ê')).toBeLessThan(0);
    expect(compareVi('ê', 'g')).toBeLessThan(0);
    expect(sorted(['ơ', 'o', 'ô'])).toEqual(['o', 'ô', 'ơ']);
    expect(sorted(['ư', 'v', 'u'])).toEqual(['u', 'ư', 'v']);
  });

  it('sorts whole words by letter before tone, unlike code-point order', () => {
    // Code-point order would put "Đà Nẵng" after "Yên Bái" (Đ is U+0110).
    const words = ['Yên Bái', 'Đà Nẵng', 'Điện Biên', 'Dak Lak', 'Ân Thi', 'An Giang', 'Ăn uống', 'Bắc Ninh'];
    expect(sorted(words)).toEqual(['An Giang', 'Ăn uống', 'Ân Thi', 'Bắc Ninh', 'Dak Lak', 'Đà Nẵng', 'Điện Biên', 'Yên Bái']);
  });

  it('sorts a realistic list of headlines', () => {
    const headlines = [
      'Ứng phó rét đậm, rét hại ở vùng cao',
      'Đường lên cửa khẩu thông xe trở lại',
      'Hội nghị trực tuyến toàn quốc về công tác dân vận',
      'Ấm áp phiên chợ Tết biên giới',
      'Dân vận khéo trong xây dựng nông thôn mới',
      'Ăn Tết an toàn, tiết kiệm',
      'An toàn giao thông dịp cuối năm',
      'Uống nước nhớ nguồn',
      'Hà Giang đón du khách đầu xuân',
      'Ê-đê giữ gìn nghề dệt thổ cẩm',
      'Em bé vùng cao đến trường',
    ];
    expect(sorted(headlines)).toEqual([
      'An toàn giao thông dịp cuối năm',
      'Ăn Tết an toàn, tiết kiệm',
      'Ấm áp phiên chợ Tết biên giới',
      'Dân vận khéo trong xây dựng nông thôn mới',
      'Đường lên cửa khẩu thông xe trở lại',
      'Em bé vùng cao đến trường',
      'Ê-đê giữ gìn nghề dệt thổ cẩm',
      'Hà Giang đón du khách đầu xuân',
      'Hội nghị trực tuyến toàn quốc về công tác dân vận',
      'Uống nước nhớ nguồn',
      'Ứng phó rét đậm, rét hại ở vùng cao',
    ]);
  });

  it('compares numbers numerically', () => {
    expect(sorted(['Bản tin số 10', 'Bản tin số 2', 'Bản tin số 1'])).toEqual(['Bản tin số 1', 'Bản tin số 2', 'Bản tin số 10']);
  });
});

describe('countWords', () => {
  it('counts each Vietnamese syllable as a word', () => {
    expect(countWords('Hội nghị trực tuyến toàn quốc')).toBe(6);
  });

  it('ignores punctuation and extra whitespace', () => {
    expect(countWords('  Sáng nay,  tại   Hà Giang —  hội nghị đã diễn ra! ')).toBe(10);
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t… — ')).toBe(0);
  });

  it('keeps numbers, decimals and hyphenated names as one word each', () => {
    expect(countWords('63 điểm cầu')).toBe(3);
    expect(countWords('tăng 2,5% so với năm 2021')).toBe(6);
    expect(countWords('đồng bào Ê-đê')).toBe(3);
  });

  it('counts NFD text the same as NFC', () => {
    const s = 'Đồng chí Bí thư Tỉnh uỷ phát biểu';
    expect(countWords(s.normalize('NFD'))).toBe(countWords(s));
    expect(countWords(s)).toBe(8);
  });
});
