import { describe, expect, it } from 'vitest';
import { LETTERS, TCVN3_CAPITALS, bytesOf, latin1, toTcvn3, toVni } from '../../../support/legacy';
import { decodeText, decodeWindows1252, detectLegacy, fromLegacy, isVietnameseSyllable, repairLegacy } from '../../../../src-shared/text/legacy';

describe('TCVN3 → Unicode', () => {
  it('converts every vowel with every tone, lower case, and upper case in a capitals font', () => {
    expect(LETTERS).toHaveLength(72);
    for (const [u, bytes] of LETTERS) {
      expect(fromLegacy(latin1(bytes), 'tcvn3'), u).toBe(u);
      expect(fromLegacy(decodeWindows1252(Uint8Array.from(bytes)), 'tcvn3'), u).toBe(u);
      expect(fromLegacy(latin1(bytes), 'tcvn3', { capitals: true }), u).toBe(u.toUpperCase());
    }
  });

  it('converts the capitals TCVN3 codes on their own, and đ', () => {
    for (const [u, b] of Object.entries(TCVN3_CAPITALS)) expect(fromLegacy(latin1([b]), 'tcvn3')).toBe(u);
  });

  it('reads hand-checked byte sequences', () => {
    expect(fromLegacy(latin1([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69]), 'tcvn3')).toBe('Hà Nội');
    expect(fromLegacy(latin1([0xa7, 0xb5, 0x20, 0x4e, 0xbd, 0x6e, 0x67]), 'tcvn3')).toBe('Đà Nẵng');
    expect(fromLegacy(latin1([0x6e, 0x67, 0xad, 0xea, 0x69]), 'tcvn3')).toBe('người');
    expect(fromLegacy('®­îc', 'tcvn3')).toBe('được');
  });
});

describe('VNI → Unicode', () => {
  it('converts every vowel with every tone, lower and upper case', () => {
    for (const [u, , v] of LETTERS) {
      expect(fromLegacy(v, 'vni'), v).toBe(u);
      expect(fromLegacy(v.toUpperCase(), 'vni'), v).toBe(u.toUpperCase());
      expect(fromLegacy(decodeWindows1252(bytesOf(v)), 'vni')).toBe(u);
    }
    expect(fromLegacy('ñ', 'vni')).toBe('đ');
    expect(fromLegacy('Ñ', 'vni')).toBe('Đ');
  });

  it('reads hand-checked sequences', () => {
    expect(fromLegacy('Vieät Nam', 'vni')).toBe('Việt Nam');
    expect(fromLegacy('ñöôïc ngöôøi', 'vni')).toBe('được người');
    expect(fromLegacy('THAØNH PHOÁ HOÀ CHÍ MINH', 'vni')).toBe('THÀNH PHỐ HỒ CHÍ MINH');
  });

  it('always gives NFC', () => {
    for (const [, , v] of LETTERS) expect(fromLegacy(v, 'vni').normalize('NFC')).toBe(fromLegacy(v, 'vni'));
  });
});

const UNICODE_VI = [
  'Sáng 13/1, Ban Dân vận Tỉnh ủy Hà Giang tổ chức hội nghị tổng kết công tác dân vận năm 2021, triển khai nhiệm vụ năm 2022.',
  'Người dân ở các xã vùng cao phấn khởi khi đường bê tông về tận thôn, giúp việc đi lại và buôn bán thuận lợi hơn nhiều.',
  'Ông Nguyễn Văn Quý cho biết, hợp tác xã đã bao tiêu toàn bộ sản phẩm chè shan tuyết cho bà con trong huyện.',
];
/** Vietnamese whose letters all happen to exist in Latin-1 (no ơ, ư, ă, đ or dot below). */
const LATIN1_VI = ['Tôi là giáo viên, tôi yêu nghề này.', 'Cá kho tô là món ngon, nhà nào cũng có.'.replace('ũ', 'u'), 'Chào anh, tôi tên là Minh.'];
const ENGLISH = [
  'The provincial committee met on Thursday to review the year and plan the next one, a spokesman said.',
  'A café owner in the old quarter said the naïve résumé was © 2024 Reuters, all rights reserved.',
];
const FRENCH = [
  'Le garçon a mangé où était la fenêtre. Il était très content de voir sa mère à la fête du village.',
  "L'été dernier, nous sommes allés à Hà Nội pour découvrir la cuisine vietnamienne.",
];

const TCVN3_PARAGRAPH = 'Sáng nay, đoàn công tác của tỉnh đã đến thăm hỏi đồng bào ở huyện biên giới, trao quà và động viên người dân yên tâm sản xuất.';
const VNI_PARAGRAPH = 'Theo Sở Nông nghiệp, vụ mùa năm nay được đánh giá là thắng lợi: năng suất lúa đạt hơn 60 tạ mỗi héc-ta, cao nhất từ trước đến nay.';

describe('detectLegacy', () => {
  it('leaves Unicode Vietnamese (NFC and NFD), English and French alone', () => {
    for (const text of [...UNICODE_VI, ...UNICODE_VI.map((t) => t.normalize('NFD')), ...LATIN1_VI, ...ENGLISH, ...FRENCH]) {
      expect(detectLegacy(text), text).toBeNull();
      expect(repairLegacy(text), text).toBe(text.normalize('NFC'));
    }
  });

  it('recognises TCVN3 and VNI paragraphs', () => {
    expect(detectLegacy(toTcvn3(TCVN3_PARAGRAPH))).toBe('tcvn3');
    expect(detectLegacy(toVni(VNI_PARAGRAPH))).toBe('vni');
    expect(detectLegacy(toVni(TCVN3_PARAGRAPH))).toBe('vni');
    expect(detectLegacy(toTcvn3(VNI_PARAGRAPH))).toBe('tcvn3');
  });

  it('tells a Vietnamese syllable from a non-syllable', () => {
    for (const w of ['nghiêng', 'quốc', 'gì', 'giữa', 'khuya', 'người', 'Việt']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['garçon', 'fenêtre', 'ViÖt', 'lµ', 'street', 'hóà']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

describe('decodeText', () => {
  it('keeps UTF-8 (with or without BOM) as it is, in NFC', () => {
    const text = UNICODE_VI[0]!;
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(new TextEncoder().encode('\uFEFF' + text.normalize('NFD')))).toBe(text);
  });

  it('round-trips a paragraph through TCVN3 bytes, VNI bytes, and their Windows-1252 characters saved as UTF-8', () => {
    const tcvnBytes = bytesOf(toTcvn3(TCVN3_PARAGRAPH));
    expect(decodeText(tcvnBytes)).toBe(TCVN3_PARAGRAPH);
    expect(decodeText(new TextEncoder().encode(decodeWindows1252(tcvnBytes)))).toBe(TCVN3_PARAGRAPH);
    const vniBytes = bytesOf(toVni(VNI_PARAGRAPH));
    expect(decodeText(vniBytes)).toBe(VNI_PARAGRAPH);
    expect(decodeText(new TextEncoder().encode(decodeWindows1252(vniBytes)))).toBe(VNI_PARAGRAPH);
  });

  it('reads other 8-bit text as Windows-1252', () => {
    expect(decodeText(Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]))).toBe('“Café” €5');
  });
});
