import { describe, expect, it } from 'vitest';
import { clampWidth, INSPECTOR_WIDTH, loadInspectorWidth, maxInspectorWidth, saveInspectorWidth } from '../../../../src-renderer/features/article/inspector-width';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('inspector width', () => {
  it('leaves the text at least 30rem at any layout width, and never goes under its minimum', () => {
    expect(maxInspectorWidth(1000)).toBe(520);
    expect(maxInspectorWidth(2000)).toBe(INSPECTOR_WIDTH.max);
    expect(maxInspectorWidth(600)).toBe(INSPECTOR_WIDTH.min);
    expect(clampWidth(100, 1300)).toBe(INSPECTOR_WIDTH.min);
    expect(clampWidth(900, 1000)).toBe(520);
    expect(clampWidth(400.4, 1300)).toBe(400);
  });

  it('remembers the width, and reads the default when nothing or nonsense is stored', () => {
    const storage = memoryStorage();
    expect(loadInspectorWidth(storage)).toBe(INSPECTOR_WIDTH.default);
    saveInspectorWidth(432.6, storage);
    expect(storage.data.get('bantin.inspectorWidth')).toBe('433');
    expect(loadInspectorWidth(storage)).toBe(433);
    storage.setItem('bantin.inspectorWidth', 'wide');
    expect(loadInspectorWidth(storage)).toBe(INSPECTOR_WIDTH.default);
    expect(loadInspectorWidth(null)).toBe(INSPECTOR_WIDTH.default);
  });

  it('forgets quietly when the storage refuses', () => {
    expect(() =>
      saveInspectorWidth(400, {
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      }),
    ).not.toThrow();
  });
});
