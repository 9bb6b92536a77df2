/**
 * TCVN3 and VNI written out again for tests, independently of the converter's own tables:
 * Unicode → legacy text (the characters of the legacy bytes, as Latin-1 reads them).
 */
/** For each vowel its legacy form with no tone, then grave, hook, tilde, acute, dot below. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

export const TCVN3_BYTES: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
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
export const TCVN3_CAPITALS: Readonly<Record<string, number>> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

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

export const latin1 = (bytes: readonly number[]) => String.fromCharCode(...bytes);

/** Every Vietnamese vowel letter with every tone: [unicode, tcvn3 bytes, vni text]. */
export const LETTERS = VOWELS.flatMap((v) => TONES.map((tone, t) => [(v + tone).normalize('NFC'), [TCVN3_BYTES[v][t]!], VNI[v][t]!] as const));

/** Unicode → TCVN3 text, lower case (a capitals font would show it upper case). */
export function toTcvn3(text: string): string {
  const table = new Map<string, string>(LETTERS.map(([u, bytes]) => [u, latin1(bytes)]));
  for (const [u, b] of Object.entries(TCVN3_CAPITALS)) table.set(u, latin1([b]));
  return [...text.normalize('NFC')].map((c) => table.get(c) ?? table.get(c.toLowerCase()) ?? c).join('');
}

export function toVni(text: string): string {
  const table = new Map<string, string>();
  for (const [u, , v] of LETTERS) {
    table.set(u, v);
    table.set(u.toUpperCase(), v.toUpperCase());
  }
  table.set('đ', 'ñ');
  table.set('Đ', 'Ñ');
  return [...text.normalize('NFC')].map((c) => table.get(c) ?? c).join('');
}

export const bytesOf = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

