/**
 * Suggestion mode is one person's way of working on one story: remembered per login per
 * article on a desk (the desk's own user before any login), so two people signing in on one
 * desk in turn each find their own mode.
 */
import { describe, expect, it } from 'vitest';
import { loadSuggesting, onSuggestingChange, saveSuggesting, suggestingKey } from '../../../../src-renderer/features/editor/suggest/mode';

/** The browser profile's storage, as the page has it: keys and values, in memory. */
function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly keys: () => string[] } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

const ARTICLE = 'bai-63-diem-cau';
const OTHER = 'bai-khac';

describe('suggestion mode, per person per article', () => {
  it('is off until switched on, and each login keeps its own', () => {
    const s = storage();
    expect(loadSuggesting(ARTICLE, 'hoa', s)).toBe(false);
    saveSuggesting(ARTICLE, 'hoa', true, s);
    expect(loadSuggesting(ARTICLE, 'hoa', s)).toBe(true);
    // Another person signing in on the same desk, and the desk's own user, are not suggesting.
    expect(loadSuggesting(ARTICLE, 'lan', s)).toBe(false);
    expect(loadSuggesting(ARTICLE, '', s)).toBe(false);
    // Nor is the same person in another article.
    expect(loadSuggesting(OTHER, 'hoa', s)).toBe(false);
    saveSuggesting(ARTICLE, 'lan', true, s);
    saveSuggesting(ARTICLE, 'hoa', false, s);
    expect(loadSuggesting(ARTICLE, 'hoa', s)).toBe(false);
    expect(loadSuggesting(ARTICLE, 'lan', s)).toBe(true);
    // Switched off, nothing is left behind.
    expect(s.keys()).toEqual([suggestingKey(ARTICLE, 'lan')]);
  });

  it('keeps the desk’s own user under the key the mode had before logins were told apart', () => {
    const s = storage();
    s.setItem(`bantin.suggesting.${ARTICLE}`, '1');
    expect(loadSuggesting(ARTICLE, '', s)).toBe(true);
    expect(loadSuggesting(ARTICLE, 'hoa', s)).toBe(false);
  });

  it('lets no login name reach into another person’s or article’s key', () => {
    expect(suggestingKey(ARTICLE, 'a@b')).not.toBe(suggestingKey(`${ARTICLE}@a`, 'b'));
    const s = storage();
    saveSuggesting(`${ARTICLE}@a`, 'b', true, s);
    expect(loadSuggesting(ARTICLE, 'a@b', s)).toBe(false);
    expect(loadSuggesting(ARTICLE, 'a', s)).toBe(false);
  });

  it('tells the page’s listeners of that person’s switch only', async () => {
    const s = storage();
    const heard: string[] = [];
    const offHoa = onSuggestingChange(ARTICLE, 'hoa', (on) => heard.push(`hoa:${on}`));
    const offLan = onSuggestingChange(ARTICLE, 'lan', (on) => heard.push(`lan:${on}`));
    saveSuggesting(ARTICLE, 'hoa', true, s);
    await Promise.resolve();
    expect(heard).toEqual(['hoa:true']);
    offHoa();
    saveSuggesting(ARTICLE, 'hoa', false, s);
    saveSuggesting(ARTICLE, 'lan', true, s);
    await Promise.resolve();
    expect(heard).toEqual(['hoa:true', 'lan:true']);
    offLan();
  });

  it('does not break on a storage that refuses: the mode reads off', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => saveSuggesting(ARTICLE, 'hoa', true, refusing)).not.toThrow();
    expect(loadSuggesting(ARTICLE, 'hoa', refusing)).toBe(false);
  });
});
