import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, detectLegacy, fromLegacy, isVietnameseSyllable, repairLegacy } from '../../../../src-shared/text/legacy';

// The encodings written out again here, independently of the converter's own tables: for each
// vowel its legacy form with no tone, then grave, hook, tilde, acute, dot below.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

const TCVN3_BYTES: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
/** The seven capitals TCVN3 codes on their own (toned capitals need a capitals font). */
const TCVN3_CAPITALS: Readonly<Record<string, number>> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

const VNI_TONE = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI: Readonly<Record<(typeof VOWELS)[number], readonly string[]>> = {
  a: VNI_TONE.map((m) => 'a' + m),
  ă: VNI_BREVE.map((m) => 'a' + m),
  â: VNI_CIRCUMFLEX.map((m) => 'a' + m),
  e: VNI_TONE.map((m) => 'e' + m),
  ê: VNI_CIRCUMFLEX.map((m) => 'e' + m),
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: VNI_TONE.map((m) => 'o' + m),
  ô: VNI_CIRCUMFLEX.map((m) => 'o' + m),
  ơ: VNI_TONE.map((m) => 'ô' + m),
  u: VNI_TONE.map((m) => 'u' + m),
  ư: VNI_TONE.map((m) => 'ö' + m),
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};

const latin1 = (bytes: readonly number[]) => String.fromCharCode(...bytes);

/** Every Vietnamese vowel letter with every tone: [unicode, tcvn3 bytes, vni text]. */
const LETTERS = VOWELS.flatMap((v) => TONES.map((tone, t) => [(v + tone).normalize('NFC'), [TCVN3_BYTES[v][t]!], VNI[v][t]!] as const));

/** Unicode → TCVN3 text, lower case (a capitals font would show it upper case). */
function toTcvn3(text: string): string {
  const table = new Map<string, string>(LETTERS.map(([u, bytes]) => [u, latin1(bytes)]));
  for (const [u, b] of Object.entries(TCVN3_CAPITALS)) table.set(u, latin1([b]));
  return [...text.normalize('NFC')].map((c) => table.get(c) ?? table.get(c.toLowerCase()) ?? c).join('');
}

function toVni(text: string): string {
  const table = new Map<string, string>();
  for (const [u, , v] of LETTERS) {
    table.set(u, v);
    table.set(u.toUpperCase(), v.toUpperCase());
  }
  table.set('đ', 'ñ');
  table.set('Đ', 'Ñ');
  return [...text.normalize('NFC')].map((c) => table.get(c) ?? c).join('');
}

const bytesOf = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

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
