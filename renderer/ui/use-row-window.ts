/**
 * Which rows of a list of equal rows are on screen, from the scroller's offset and height alone: the
 * cost of a scroll, a resize or a new row count is the same for 50 rows as for 100,000 (a virtualizer
 * that measures each row keeps an entry per row, and builds them all again whenever the count changes).
 */
import { type RefObject, useLayoutEffect, useState } from 'react';

export interface RowWindow {
  /** The first row drawn, and the one after the last: the rows on screen and `overscan` more either side. */
  start: number;
  end: number;
  /**
   * How many rows a window of this height can hold: a row's place modulo this is unique among the rows
   * drawn, so it can key their elements and a scroll reuses the elements of the rows it leaves behind.
   */
  slots: number;
}

/** What the scroller shows: the first row on screen, and how many rows its height holds. */
export interface RowView {
  first: number;
  rows: number;
}

/** The rows drawn for a view of a list `count` rows long. */
export function rowWindow(view: RowView, count: number, overscan: number): RowWindow {
  // Until the scroller has answered a list grown shorter (a search), its last screen is what is drawn.
  const first = Math.min(view.first, Math.max(0, count - view.rows + 1));
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + view.rows + overscan),
    slots: view.rows + 2 * overscan,
  };
}

export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [view, setView] = useState<RowView>({ first: 0, rows: 0 });
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box === null) return;
    // Only a change of the rows on screen re-renders, not each pixel of a scroll.
    const read = () => {
      const first = Math.floor(box.scrollTop / rowHeight);
      const rows = Math.ceil(box.clientHeight / rowHeight) + 1;
      setView((seen) => (seen.first === first && seen.rows === rows ? seen : { first, rows }));
    };
    read();
    box.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(box);
    return () => {
      box.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, [scroller, rowHeight]);
  return rowWindow(view, count, overscan);
}
