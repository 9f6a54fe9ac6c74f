/**
 * The search figures of a console run: per keystroke in the queue's search box, the time to its painted
 * frame (against a bare input typed at the same pace and moments) and to the queue's results settling.
 */
import type { Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DemoRandom } from '../server/demo/random';
import {
  PLAIN_INPUT_ID,
  addPlainInput,
  gridShows,
  keystrokeSettled,
  recordKeystrokes,
  removePlainInput,
  stopKeystrokes,
} from './scale-page-search';
import { type RunFigures, median, percentile } from './scale-report';

/** Typed one key at a time, the box cleared after each: words, a ticket-number prefix, a phrase. */
const SEARCHES = ['shared', 'CSS-1002', 'outlook', 'teams phone', 'dkim'];
/** Typed whole before the measured searches, to wait for the console's search to be ready. */
const SEARCH_PROBE = 'mailbox';
/** A keystroke's results are settled once the queue has not changed for this long... */
const SEARCH_QUIET_MS = 1000;
/** ...and after the last key of a search the queue is watched this much longer, to catch results that trail that. */
const SEARCH_LATE_MS = 2000;
/**
 * Chromium's caret blinks at this period, each blink a frame. A key pressed at the end of a fixed quiet
 * came a few tens of ms after a blink's frame, while the display still ticked for it, and its frame
 * then waited for the next tick; a key pressed at a moment drawn within the period is what a user
 * sees. Drawn from the same seeded source for the console's box and the bare one.
 */
const CARET_BLINK_MS = 500;
const KEY_MOMENT_SEED = 13;

export class SearchSteps {
  constructor(
    private readonly page: Page,
    private readonly limits: { stepMs: number; searchReadyMs: number },
  ) {}

  /**
   * Types each term into the focused box a key at a time (each once the last has settled, at a moment
   * drawn within the caret's blink: CARET_BLINK_MS), then selects all and deletes it; per
   * keystroke, ms to the painted frame and to the grid settling for `quietMs`. The last key of a term
   * is watched for `lateMs` more: results that come later than the quiet window are counted there.
   */
  private async typeTerms(terms: readonly string[], quietMs: number, lateMs: number) {
    const { page } = this;
    const samples: { keystrokeMs: number; resultsMs: number }[] = [];
    let late = 0;
    let unanswered = 0;
    const moments = new DemoRandom(KEY_MOMENT_SEED);
    const settled = (wait: number) =>
      page.evaluate(keystrokeSettled, { index: samples.length, quietMs: wait, timeoutMs: this.limits.stepMs });
    await page.evaluate(recordKeystrokes);
    try {
      for (const term of terms) {
        const before = await page.evaluate(gridShows);
        for (const key of term) {
          await sleep(moments.next() * CARET_BLINK_MS);
          await page.keyboard.type(key);
          samples.push(await settled(quietMs));
        }
        const last = samples.pop() as { keystrokeMs: number; resultsMs: number };
        const watched = await settled(quietMs + lateMs);
        if (watched.resultsMs > last.resultsMs) late += 1;
        samples.push(watched);
        if ((await page.evaluate(gridShows)) === before) unanswered += 1;
        await page.keyboard.press('Control+a');
        await sleep(moments.next() * CARET_BLINK_MS);
        await page.keyboard.press('Backspace');
        samples.push(await settled(quietMs));
      }
      return { samples, late, unanswered };
    } finally {
      await page.evaluate(stopKeystrokes);
    }
  }

  /**
   * A probe search typed right after start-up, waited for until the queue changes: the measured
   * searches then time the console's steady state, and when the first answer came is reported.
   * Resolves with when it was typed and answered, in seconds since navigation (answered null: never).
   */
  private async firstSearchAnswer(): Promise<{ typedAt: number; answeredAt: number | null }> {
    const { page } = this;
    const changedFrom = async (shown: string) => {
      const deadline = Date.now() + this.limits.searchReadyMs;
      while (Date.now() < deadline) {
        if ((await page.evaluate(gridShows)) !== shown) return true;
        await sleep(100);
      }
      return false;
    };
    const now = () => page.evaluate(() => performance.now() / 1000);
    const unfiltered = await page.evaluate(gridShows);
    const typedAt = await now();
    await page.keyboard.type(SEARCH_PROBE);
    const answered = await changedFrom(unfiltered);
    const answeredAt = await now();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    if (answered) await changedFrom(await page.evaluate(gridShows));
    return { typedAt, answeredAt: answered ? answeredAt : null };
  }

  async search(): Promise<RunFigures> {
    const { page } = this;
    await page.getByRole('searchbox', { name: 'Search tickets' }).click();
    const { typedAt, answeredAt } = await this.firstSearchAnswer();
    const inQueue = await this.typeTerms(SEARCHES, SEARCH_QUIET_MS, SEARCH_LATE_MS);
    await page.evaluate(addPlainInput, PLAIN_INPUT_ID);
    await page.locator(`#${PLAIN_INPUT_ID}`).click();
    // At the console's pace and moments: typed right after another frame, a key's frame waits less often
    // for the display's next tick than after a quiet second.
    const plain = await this.typeTerms(SEARCHES, SEARCH_QUIET_MS, 0);
    await page.evaluate(removePlainInput, PLAIN_INPUT_ID);
    const keystrokes = inQueue.samples.map((sample) => sample.keystrokeMs);
    const results = inQueue.samples.map((sample) => sample.resultsMs);
    const plainKeystrokes = plain.samples.map((sample) => sample.keystrokeMs);
    const notes = [
      answeredAt === null &&
        `a first search ("${SEARCH_PROBE}") was not answered within ${this.limits.searchReadyMs / 1000} s of start-up`,
      inQueue.late > 0 &&
        `${inQueue.late} of ${SEARCHES.length} searches changed the queue again more than ${SEARCH_QUIET_MS} ms after it had gone quiet: results may trail further than measured`,
      inQueue.unanswered > 0 && `${inQueue.unanswered} of ${SEARCHES.length} searches left the queue as it was`,
    ].filter((note) => note !== false);
    return {
      searchKeystrokeP95Ms: {
        value: percentile(keystrokes, 95),
        baseline: percentile(plainKeystrokes, 95),
        details: { p50: median(keystrokes), keystrokes: keystrokes.length },
      },
      // A search that never changes the queue has no results to time: its keystrokes are still timed.
      searchResultsP95Ms:
        inQueue.unanswered === SEARCHES.length
          ? { error: `no search changed the queue (${SEARCHES.join(', ')}): no results were shown` }
          : {
              value: percentile(results, 95),
              baseline: null,
              details: {
                p50: median(results),
                firstTypedSeconds: typedAt,
                ...(answeredAt === null ? {} : { firstAnsweredSeconds: answeredAt }),
              },
              ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
            },
    };
  }
}
