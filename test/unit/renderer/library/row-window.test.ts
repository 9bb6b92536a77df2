/** A long table has in the page only the rows in sight and some either side, whatever its length. */
import { describe, expect, it } from 'vitest';
import { rowRange } from '../../../../src-renderer/features/library/row-window';

describe('the rows of a long table in the page', () => {
  it('are as many for ten thousand rows as for a thousand, from the first at the top to the last at the bottom', () => {
    const viewport = 900;
    const row = 90;
    const top = rowRange(10_000, 0, viewport, row);
    expect(top.start).toBe(0);
    expect(top.end - top.start).toBeLessThan(100);
    expect(rowRange(1_000, 0, viewport, row)).toEqual(top);
    // Scrolled to row 5,000: it and its neighbours are in the page, nothing near the ends.
    const middle = rowRange(10_000, 5_000 * row, viewport, row);
    expect(middle.start).toBeLessThan(5_000);
    expect(middle.end).toBeGreaterThan(5_010);
    expect(middle.end - middle.start).toBeLessThan(100);
    // At the bottom: the last row.
    expect(rowRange(10_000, 10_000 * row - viewport, viewport, row).end).toBe(10_000);
    // The table below the viewport's top (the page's heading above it): from the first row.
    expect(rowRange(10_000, -300, viewport, row).start).toBe(0);
    // Scrolled past a list that shrank: an empty range at its end, never past it.
    expect(rowRange(50, 10_000 * row, viewport, row)).toEqual({ start: 50, end: 50 });
  });
});
