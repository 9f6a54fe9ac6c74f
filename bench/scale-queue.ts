/**
 * The queue figures of a console run: opening tickets from the queue (against a raw read of a ticket
 * record) and scrolling it top to bottom.
 */
import type { Page } from '@playwright/test';
import { armPaneWait, paneShown, rawGetTimes, rowNumbers, scrollQueue } from './scale-page';
import { type RunFigures, median, percentile } from './scale-report';

/** Enough opens that the p95 is not just the second slowest of a handful. */
const OPENED_TICKETS = 60;
const SCROLL_STEP_PX = 2000;

/** Clicks queue rows top to bottom, each a different ticket; ms from the click to the pane showing its number. */
export async function measureOpen(page: Page, stepMs: number): Promise<RunFigures> {
  const opened = new Set<string>();
  const times: number[] = [];
  while (times.length < OPENED_TICKETS) {
    // Clicking a row scrolls it into view, so the virtualized queue renders the next ones.
    const number = (await page.evaluate(rowNumbers)).find((candidate) => !opened.has(candidate));
    if (number === undefined) throw new Error(`the queue shows only ${opened.size} tickets to open`);
    opened.add(number);
    await page.evaluate(armPaneWait, { number, timeoutMs: stepMs });
    await page.locator(`[role="grid"] [data-ticket-number="${number}"]`).click();
    times.push(await page.evaluate(paneShown));
  }
  const gets = await page.evaluate(rawGetTimes, OPENED_TICKETS);
  return {
    openTicketP95Ms: {
      value: percentile(times, 95),
      baseline: percentile(gets, 95),
      details: { p50: median(times), clicks: times.length },
    },
  };
}

export async function measureScroll(page: Page, stepMs: number): Promise<RunFigures> {
  const { longestMs, longTasks, frames, ms } = await page.evaluate(scrollQueue, {
    step: SCROLL_STEP_PX,
    timeoutMs: stepMs,
  });
  return {
    scrollLongestTaskMs: { value: longestMs, baseline: null, details: { longTasks, frames, seconds: ms / 1000 } },
  };
}
