// The queue draws the rows on screen and a few either side, however long the list and wherever it is scrolled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../../renderer/ui/use-row-window';

describe('rowWindow', () => {
  it('draws the screen and the overscan either side, cut at both ends of the list', () => {
    expect(rowWindow({ first: 0, rows: 13 }, 50_000, 4)).toEqual({ start: 0, end: 17, slots: 21 });
    expect(rowWindow({ first: 1_000, rows: 13 }, 50_000, 4)).toEqual({ start: 996, end: 1_017, slots: 21 });
    expect(rowWindow({ first: 49_988, rows: 13 }, 50_000, 4)).toEqual({ start: 49_984, end: 50_000, slots: 21 });
    expect(rowWindow({ first: 0, rows: 13 }, 0, 4)).toMatchObject({ start: 0, end: 0 });
  });

  it("shows the list's last screen until the scroller catches up with a list grown shorter", () => {
    // Scrolled far down, then a search leaves 30 rows: its end is drawn, not nothing.
    expect(rowWindow({ first: 40_000, rows: 13 }, 30, 4)).toEqual({ start: 14, end: 30, slots: 21 });
  });

  it('gives every row drawn its own slot, so no two share an element', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10 }),
        (first, rows, count, overscan) => {
          const { start, end, slots } = rowWindow({ first, rows }, count, overscan);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          expect(end - start).toBeLessThanOrEqual(slots);
          const used = new Set(Array.from({ length: end - start }, (_, i) => (start + i) % slots));
          expect(used.size).toBe(end - start);
        },
      ),
    );
  });
});
