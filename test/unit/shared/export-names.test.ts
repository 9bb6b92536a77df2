/** Names in a package: safe on every system, NFC, unique; and the entry names an import refuses. */
import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileNames, unsafeEntryReason } from '../../../src-shared/package-format';

describe('safeFileName', () => {
  it('keeps Vietnamese (as NFC) and drops separators, control and reserved characters', () => {
    expect(safeFileName('Hội nghị'.normalize('NFD'))).toBe('Hội nghị');
    expect(safeFileName('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(safeFileName('a\\b:c*d?e"f<g>h|i\u0000j\u001fk\u007fl')).toBe('a-b-c-d-e-f-g-h-i-j-k-l');
    expect(safeFileName('  .hidden  ')).toBe('hidden');
    expect(safeFileName('name. ')).toBe('name');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('', 'photo')).toBe('photo');
    expect([...safeFileName('ả'.repeat(500))]).toHaveLength(200);
  });
});

describe('uniqueFileNames', () => {
  it('gives each a unique name (case-insensitively) with the given extension', () => {
    expect(uniqueFileNames(['DSC_1.JPG', 'dsc_1.jpeg', 'Ảnh.png', '../x', '', 'photo.webp'], 'jpg')).toEqual(['DSC_1.jpg', 'dsc_1 (2).jpg', 'Ảnh.jpg', '-x.jpg', 'photo.jpg', 'photo (2).jpg']);
  });
});

describe('unsafeEntryReason', () => {
  it('accepts the package layout', () => {
    for (const name of ['manifest.json', 'ninjs/vi.json', 'newsml/item.xml', 'photos/', 'photos/Hội nghị – điểm cầu tỉnh.jpg', 'photos/DSC_1 (2).jpg']) expect(unsafeEntryReason(name), name).toBeNull();
  });
  it('refuses absolute paths, climbing out, backslashes, control characters and names that are not NFC', () => {
    expect(unsafeEntryReason('/etc/passwd')).toBe('absolute');
    expect(unsafeEntryReason('\\\\server\\share')).toBe('absolute');
    expect(unsafeEntryReason('C:/Windows/x.dll')).toBe('absolute');
    expect(unsafeEntryReason('c:x')).toBe('absolute');
    expect(unsafeEntryReason('../x')).toBe('traversal');
    expect(unsafeEntryReason('photos/../../x')).toBe('traversal');
    expect(unsafeEntryReason('./x')).toBe('traversal');
    expect(unsafeEntryReason('photos\\..\\x')).toBe('badName');
    expect(unsafeEntryReason('photos//x')).toBe('badName');
    expect(unsafeEntryReason('photos/a\u0000b')).toBe('badName');
    expect(unsafeEntryReason('photos/Hội'.normalize('NFD'))).toBe('badName');
    expect(unsafeEntryReason('photos/a:b')).toBe('badName');
  });
});
