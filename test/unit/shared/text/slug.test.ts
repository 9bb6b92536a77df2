import { describe, expect, it } from 'vitest';
import { SLUG_MAX, slugify } from '../../../../src-shared/text/slug';

describe('slugify', () => {
  it('folds a Vietnamese headline into lower-case ASCII words joined by "-"', () => {
    expect(slugify('Hội nghị trực tuyến toàn quốc về công tác dân vận')).toBe('hoi-nghi-truc-tuyen-toan-quoc-ve-cong-tac-dan-van');
  });

  it('turns đ into d and drops every tone and vowel mark', () => {
    expect(slugify('Đình Anh đến Điện Biên')).toBe('dinh-anh-den-dien-bien');
    expect(slugify('ă â ê ô ơ ư ằ ẫ ễ ộ ớ ự ỷ')).toBe('a-a-e-o-o-u-a-a-e-o-o-u-y');
  });

  it('gives the same slug for decomposed (NFD) text', () => {
    const headline = 'Lũ quét ở Yên Bái: hàng trăm hộ dân phải sơ tán';
    expect(slugify(headline.normalize('NFD'))).toBe(slugify(headline));
    expect(slugify(headline)).toBe('lu-quet-o-yen-bai-hang-tram-ho-dan-phai-so-tan');
  });

  it('drops punctuation and keeps digits', () => {
    expect(slugify('  “Dân biết, dân bàn” – năm 2022!  ')).toBe('dan-biet-dan-ban-nam-2022');
    expect(slugify('...')).toBe('');
  });

  it('cuts a long headline at a word boundary within the limit', () => {
    const headline = 'Hội nghị trực tuyến toàn quốc tổng kết công tác dân vận năm hai nghìn không trăm hai mươi mốt và triển khai nhiệm vụ';
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify(headline, 1000).startsWith(`${slug}-`)).toBe(true);
    expect(slugify('một hai ba', 8)).toBe('mot-hai');
  });

  it('cuts a single word longer than the limit', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(SLUG_MAX));
  });

  it('keeps a slug that is already clean as it is', () => {
    expect(slugify('hoi-nghi-dan-van-2022')).toBe('hoi-nghi-dan-van-2022');
    expect(slugify('Hoi Nghi--Dan_Van')).toBe('hoi-nghi-dan-van');
  });
});
