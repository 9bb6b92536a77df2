import { describe, expect, it } from 'vitest';
import { isSafeHref } from '../../../../src-renderer/features/editor/links';

describe('isSafeHref', () => {
  it('accepts http, https and mailto addresses', () => {
    expect(isSafeHref('https://example.vn/tin?id=1')).toBe(true);
    expect(isSafeHref('  http://example.vn ')).toBe(true);
    expect(isSafeHref('mailto:toasoan@example.vn')).toBe(true);
  });

  it('refuses javascript:, data:, relative and empty addresses', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'example.vn', '/tin', '', 'https://', 'https://a b']) expect(isSafeHref(bad), bad).toBe(false);
  });
});
