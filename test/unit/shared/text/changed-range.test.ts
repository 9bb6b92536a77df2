import { describe, expect, it } from 'vitest';
import { changedRange } from '../../../../src-shared/text/changed-range';
import { mapCaret } from '../../../../src-renderer/shared/caret';

describe('changedRange', () => {
  it('is null for equal texts', () => {
    expect(changedRange('Hà Giang', 'Hà Giang')).toBeNull();
  });

  it('keeps the common prefix and suffix', () => {
    const prev = 'Hội nghị toàn quốc';
    const next = 'Hội nghị trực tuyến toàn quốc';
    const r = changedRange(prev, next)!;
    expect(prev.slice(0, r.start) + next.slice(r.start, r.endNext) + prev.slice(r.endPrev)).toBe(next);
    expect(r.endNext - r.start).toBe('trực tuyến '.length);
    expect(r.start).toBeGreaterThanOrEqual('Hội nghị '.length);
    expect(r.endPrev).toBe(r.start);
  });

  it('finds the run an NFC normalisation rewrites', () => {
    const prev = 'Tỉnh ' + 'Hà'.normalize('NFD') + ' Giang';
    const r = changedRange(prev, prev.normalize('NFC'))!;
    expect(prev.slice(r.start, r.endPrev)).toBe('a\u0300');
    expect(prev.normalize('NFC').slice(r.start, r.endNext)).toBe('à');
  });
});

describe('mapCaret', () => {
  it('keeps a caret before the change, shifts one after it, and moves one inside to its end', () => {
    const prev = 'ab XY cd';
    const next = 'ab XYZW cd';
    expect(mapCaret(prev, next, 1)).toBe(1);
    expect(mapCaret(prev, next, 8)).toBe(10);
    expect(mapCaret('ab XY cd', 'ab Q cd', 4)).toBe(4);
    expect(mapCaret(prev, prev, 5)).toBe(5);
  });
});
