/** The library's count of articles, in each language's plural forms (English has two, Vietnamese one). */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from '../../../../src-shared/locales';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources, lng: 'vi', fallbackLng: false, ns: [...NAMESPACES], interpolation: { escapeValue: false } });
});

describe('the library count', () => {
  it('says "1 article" and "2 articles" in English, "bài viết" for any number in Vietnamese', () => {
    const en = i18n.getFixedT('en', 'common');
    const vi = i18n.getFixedT('vi', 'common');
    expect(en('library.count', { count: 1, n: '1' })).toBe('1 article');
    expect(en('library.count', { count: 2, n: '2' })).toBe('2 articles');
    expect(en('library.count', { count: 10_000, n: '10,000' })).toBe('10,000 articles');
    expect(vi('library.count', { count: 1, n: '1' })).toBe('1 bài viết');
    expect(vi('library.count', { count: 10_000, n: '10.000' })).toBe('10.000 bài viết');
  });
});
