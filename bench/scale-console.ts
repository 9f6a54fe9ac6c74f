/**
 * One run of the console's figures in Chromium, as the team lead: a fresh browser profile signs in and
 * syncs from empty, then the cached console is reloaded (online and offline), weighed, searched,
 * opened and scrolled, and finally sends 1,000 changes queued offline. Each figure is taken with its
 * baseline in the same page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutboxEntry } from '../renderer/data/outbox-entry';
import { API_PREFIX, PULL_LIMIT_MAX, PUSH_BATCH_MAX } from '../shared/api';
import { AddNoteArgs, type Mutation } from '../shared/mutations';
import { DEMO_PASSWORD } from '../server/demo/organisations';
import { DemoRandom } from '../server/demo/random';
import { LEAD, currentSeq } from './scale-data';
import { readHeap } from './scale-heap';
import {
  PLAIN_INPUT_ID,
  addPlainInput,
  armPaneWait,
  barePush,
  bareSync,
  firstRowShown,
  gridShows,
  installBench,
  keystrokeSettled,
  openTicketIds,
  outboxSentAfterOnline,
  paintedAt,
  paneShown,
  queueOutbox,
  rawGetTimes,
  recordKeystrokes,
  removePlainInput,
  rowNumbers,
  scrollQueue,
  searchIndexSaved,
  stopKeystrokes,
  syncedAfterSignIn,
} from './scale-page';
import { type FigureKey, type RunFigures, median, percentile } from './scale-report';
import { BLANK_PAGE, leadToken } from './scale-services';

export interface ConsoleRun {
  /** A fresh profile's context (empty IndexedDB, no service worker yet), its data on disk (launchChromiumOnDisk). */
  context: BrowserContext;
  appUrl: string;
  apiUrl: string;
  dataDir: string;
  tickets: number;
  /** The figures asked for (`--only`); the others are reported as not measured. The sync always runs: the rest need its copy. */
  only: ReadonlySet<FigureKey>;
  /** Where each step's CPU profile of the console's page is written (`--profile`), if anywhere. */
  profileDir: string | null;
  progress(message: string): void;
  /** Something the console itself logged as an error, or threw. */
  problem(message: string): void;
}

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
/** Enough opens that the p95 is not just the second slowest of a handful. */
const OPENED_TICKETS = 60;
const SCROLL_STEP_PX = 2000;
const QUEUED_CHANGES = 1000;
/** Idle time before the heap is read, so start-up work that trails the first row is done. */
const HEAP_SETTLE_MS = 3000;
/** How long the console stays closed before a timed start: long enough for its page to be gone. */
const CLOSED_MS = 3000;

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions in `__name(...)`; the
 * functions Playwright sends to the page carry those calls, so the page gets a no-op `__name`.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Why a figure left out with `--only` has no value. */
export const NOT_ASKED = 'not asked for (--only)';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Generous: the console under test may be far slower than its targets, and a slow figure is still a figure. */
function timeouts(tickets: number) {
  return {
    syncMs: 120_000 + tickets * 20,
    firstRowMs: 30_000 + tickets * 2,
    searchReadyMs: 60_000 + tickets * 2,
    pushMs: 300_000,
    stepMs: 30_000,
  };
}

class RunSteps {
  readonly figures: RunFigures = {};
  /** Whether the console's own sync completed, whatever became of its baseline: the later figures need the copy. */
  synced = false;
  private readonly limits: ReturnType<typeof timeouts>;

  constructor(
    private readonly run: ConsoleRun,
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    this.limits = timeouts(run.tickets);
  }

  /** Runs `work` for the figures it yields; a failure marks them with the reason and the run goes on. */
  async measure(keys: readonly FigureKey[], work: () => Promise<RunFigures>) {
    if (!keys.some((key) => this.run.only.has(key))) {
      this.skip(keys, NOT_ASKED);
      return;
    }
    this.run.progress(`  ${keys.join(', ')}`);
    try {
      Object.assign(this.figures, await this.profiled(keys.join('-'), work));
    } catch (error) {
      this.run.progress(`  ${keys.join(', ')} not measured: ${reason(error)}`);
      for (const key of keys) this.figures[key] = { error: reason(error) };
    }
  }

  /**
   * `work`, with the page's main thread profiled while it runs when the run asks for profiles (open the
   * file in Chromium's DevTools, Performance panel). A reload keeps the profiler: it follows the page's target.
   */
  private async profiled(name: string, work: () => Promise<RunFigures>): Promise<RunFigures> {
    const { profileDir } = this.run;
    // A second DevTools session on the page keeps the browser's coming online from reaching it: the
    // push, which waits for that, is never profiled.
    if (profileDir === null || name === 'push1000Ms') return work();
    const cdp = await this.context.newCDPSession(this.page);
    try {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      const figures = await work();
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(profileDir, `${name}-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      this.run.progress(`  profile: ${file}`);
      return figures;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  skip(keys: readonly FigureKey[], why: string): void {
    for (const key of keys) this.figures[key] = { error: why };
  }

  private firstRow(load: () => Promise<unknown>): Promise<number> {
    return load().then(() => this.page.evaluate(firstRowShown, this.limits.firstRowMs));
  }

  /** Waits for the console to settle after its sync (its search index saved in full), as a reload the next day finds it. */
  async settled(): Promise<void> {
    const seconds = await this.page.evaluate(searchIndexSaved, this.limits.syncMs);
    this.run.progress(`    search index saved in full ${seconds.toFixed(1)} s after the sync`);
  }

  /** Reloaded until the first row shows, as the figures after the sync find the console. */
  async reloaded(): Promise<void> {
    await this.firstRow(() => this.page.goto(this.run.appUrl));
  }

  /** Signs in from an empty profile; seconds until the local copy's cursor is the server's. */
  async signInAndSync(): Promise<number> {
    const { page, run } = this;
    await page.goto(run.appUrl);
    await page.getByLabel('Server').fill(run.apiUrl);
    await page.getByLabel('E-mail').fill(LEAD.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const seq = currentSeq(run.dataDir);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const seconds = await page.evaluate(syncedAfterSignIn, { seq, timeoutMs: this.limits.syncMs });
    this.synced = true;
    return seconds;
  }

  /**
   * Sign-in to "the local copy's cursor is the server's", against fetch+parse of every page plus a bare
   * put; then, once the console has settled, the same bare pages with each ticket's queue row put beside
   * it (the console's layout: two records a ticket), the floor of that layout on this machine.
   */
  async sync(): Promise<RunFigures> {
    const { page, run } = this;
    const pull = { api: `${run.apiUrl}${API_PREFIX}`, token: await leadToken(run.apiUrl), limit: PULL_LIMIT_MAX };
    // The bare pages first, on the console's origin while it waits at its sign-in: after its sync they
    // would share the machine with the search index it is still building.
    await page.goto(run.appUrl);
    const bare = await page.evaluate(bareSync, { ...pull, queueRows: false });
    if (bare.tickets !== run.tickets)
      throw new Error(`the bare pull brought ${bare.tickets} tickets, not ${run.tickets}`);
    run.progress(`    bare pages: ${((bare.fetchMs + bare.putMs) / 1000).toFixed(2)} s; now the console`);
    const seconds = await this.signInAndSync();
    await this.settled();
    const layout = await page.evaluate(bareSync, { ...pull, queueRows: true });
    const bareSeconds = (bare.fetchMs + bare.putMs) / 1000;
    const layoutSeconds = (layout.fetchMs + layout.putMs) / 1000;
    run.progress(`    bare pages with their queue rows: ${layoutSeconds.toFixed(2)} s`);
    return {
      syncTicketsPerSecond: {
        value: run.tickets / seconds,
        baseline: run.tickets / bareSeconds,
        details: { seconds, fetchSeconds: bare.fetchMs / 1000, putSeconds: bare.putMs / 1000 },
      },
      syncVsBaseline: {
        value: seconds / bareSeconds,
        baseline: null,
        details: { layoutVsBare: layoutSeconds / bareSeconds, syncVsLayout: seconds / layoutSeconds },
      },
    };
  }

  /** The console's files kept by its service worker, as before a reload without a network. */
  async shellKept(): Promise<void> {
    await this.page.waitForFunction(
      async () => {
        if (navigator.serviceWorker.controller === null) return false;
        const names = await caches.keys();
        const first = names[0];
        return first !== undefined && (await (await caches.open(first)).keys()).length >= 2;
      },
      undefined,
      { timeout: this.limits.stepMs },
    );
  }

  /** Loaded twice like the console (the first warms the caches), the second timed after the page was closed. */
  async blankPaint(): Promise<number> {
    const blank = new URL(BLANK_PAGE, this.run.appUrl).href;
    await this.page.goto(blank);
    await this.closed();
    await this.page.goto(blank);
    return this.page.evaluate(paintedAt, this.limits.stepMs);
  }

  /**
   * The console closed, then opened as a lead opens it in the morning: the page before it is gone. A
   * reload right after a start also timed that page's teardown in the middle of its start-up work (its
   * queue still being read, its search index loading): about 100 ms more at 50,000 tickets.
   */
  private async closed(): Promise<void> {
    await this.page.goto('about:blank');
    await sleep(CLOSED_MS);
  }

  /** Navigation to first row, with everything cached; a first load warms the browser's and the worker's caches. */
  async firstRowOnline(blankMs: number | null): Promise<RunFigures> {
    await this.firstRow(() => this.page.goto(this.run.appUrl));
    await this.closed();
    const ms = await this.firstRow(() => this.page.goto(this.run.appUrl));
    return { firstRowMs: { value: ms, baseline: blankMs, details: {} } };
  }

  async firstRowOffline(blankMs: number | null): Promise<RunFigures> {
    await this.closed();
    await this.context.setOffline(true);
    try {
      const ms = await this.firstRow(() => this.page.goto(this.run.appUrl));
      return { firstRowOfflineMs: { value: ms, baseline: blankMs, details: {} } };
    } finally {
      await this.context.setOffline(false);
    }
  }

  /** Reloaded and left idle, then garbage-collected: what the console keeps to show the queue. */
  async heap(): Promise<RunFigures> {
    await this.firstRow(() => this.page.reload());
    await sleep(HEAP_SETTLE_MS);
    const { pageMB, workersMB, workers } = await readHeap(this.page);
    return { heapMB: { value: pageMB + workersMB, baseline: null, details: { pageMB, workersMB, workers } } };
  }

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

  /** Clicks queue rows top to bottom, each a different ticket; ms from the click to the pane showing its number. */
  async openTickets(): Promise<RunFigures> {
    const { page } = this;
    const opened = new Set<string>();
    const times: number[] = [];
    while (times.length < OPENED_TICKETS) {
      // Clicking a row scrolls it into view, so the virtualized queue renders the next ones.
      const number = (await page.evaluate(rowNumbers)).find((candidate) => !opened.has(candidate));
      if (number === undefined) throw new Error(`the queue shows only ${opened.size} tickets to open`);
      opened.add(number);
      await page.evaluate(armPaneWait, { number, timeoutMs: this.limits.stepMs });
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

  async scroll(): Promise<RunFigures> {
    const { longestMs, longTasks, frames, ms } = await this.page.evaluate(scrollQueue, {
      step: SCROLL_STEP_PX,
      timeoutMs: this.limits.stepMs,
    });
    return {
      scrollLongestTaskMs: { value: longestMs, baseline: null, details: { longTasks, frames, seconds: ms / 1000 } },
    };
  }

  /**
   * 1,000 notes written into the outbox while offline, as the console's own writes leave them; the
   * console is reloaded offline (going online first would let the old page start sending), then the
   * time runs from the browser coming online to no entry pending. Baseline: 1,000 more notes posted
   * batch after batch with bare fetch.
   */
  async push(): Promise<RunFigures> {
    const { page, context, run } = this;
    const ticketIds = await page.evaluate(openTicketIds, QUEUED_CHANGES);
    // Reloaded offline below: from the service worker's files, as when measured after the offline first row.
    await this.shellKept();
    if (ticketIds.length === 0) throw new Error('the local copy has no open ticket to add notes to');
    const ticketFor = (index: number) => ticketIds[index % ticketIds.length] as string;
    const api = `${run.apiUrl}${API_PREFIX}`;
    const token = await leadToken(run.apiUrl);
    // A hundred notes sent first warm the server's push for both measurements alike: the console's push,
    // sent first, would otherwise pay the server's first push, and the bare one after it would not.
    const warmUp = Array.from({ length: 100 }, (_, index) => addNote(ticketFor(index), index));
    await page.evaluate(barePush, { api, token, batches: [warmUp] });
    const actor = { id: LEAD.id, name: LEAD.name, role: LEAD.role };
    const entries = Array.from({ length: QUEUED_CHANGES }, (_, index) =>
      OutboxEntry.omit({ seq: true }).parse({
        mutation: addNote(ticketFor(index), index),
        ticketId: ticketFor(index),
        actor,
        state: 'pending',
        appliedVersion: null,
        appliedSeq: null,
        appliedHistory: null,
        acknowledgedAt: null,
        refusal: null,
      }),
    );
    await context.setOffline(true);
    try {
      await page.evaluate(queueOutbox, entries);
      await this.firstRow(() => page.reload());
    } finally {
      await context.setOffline(false);
    }
    const ms = await page.evaluate(outboxSentAfterOnline, this.limits.pushMs);

    const mutations = Array.from({ length: QUEUED_CHANGES }, (_, index) => addNote(ticketFor(index), index));
    const batches = Array.from({ length: Math.ceil(mutations.length / PUSH_BATCH_MAX) }, (_, index) =>
      mutations.slice(index * PUSH_BATCH_MAX, (index + 1) * PUSH_BATCH_MAX),
    );
    const bare = await page.evaluate(barePush, { api, token, batches });
    const refused = QUEUED_CHANGES - bare.applied;
    return {
      push1000Ms: {
        value: ms,
        baseline: bare.ms,
        details: {},
        ...(refused > 0 ? { note: `the server refused ${refused} of the bare pushes` } : {}),
      },
    };
  }
}

function addNote(ticketId: string, index: number): Mutation {
  return {
    id: randomUUID(),
    name: 'addNote',
    args: AddNoteArgs.parse({
      ticketId,
      noteId: randomUUID(),
      body: `Scale bench note ${index + 1}: the customer called back, the change is scheduled for tonight.`,
    }),
    createdAt: new Date().toISOString(),
  };
}

const CACHED: FigureKey[] = [
  'firstRowMs',
  'firstRowOfflineMs',
  'heapMB',
  'searchKeystrokeP95Ms',
  'searchResultsP95Ms',
  'openTicketP95Ms',
  'scrollLongestTaskMs',
  'push1000Ms',
];

/** One run in the run's fresh profile; its page is closed afterwards. */
export async function measureConsole(run: ConsoleRun): Promise<RunFigures> {
  const { context } = run;
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  await context.addInitScript(installBench);
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    page.on('pageerror', (error) => run.problem(`uncaught: ${reason(error)}`));
    page.on('console', (entry) => {
      if (entry.type() !== 'error') return;
      const { url } = entry.location();
      run.problem(`console.error: ${entry.text().split('\n')[0]?.slice(0, 160)}${url === '' ? '' : ` (${url})`}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) run.problem(`HTTP ${response.status()} for ${response.url()}`);
    });
    const steps = new RunSteps(run, context, page);

    await steps.measure(['syncTicketsPerSecond', 'syncVsBaseline'], () => steps.sync());
    if (!steps.synced && !run.only.has('syncTicketsPerSecond') && !run.only.has('syncVsBaseline')) {
      await steps.signInAndSync();
      await steps.reloaded();
    }
    if (!steps.synced) {
      steps.skip(CACHED, 'the initial sync did not complete');
      return steps.figures;
    }
    await steps.settled();
    const firstRowAsked = run.only.has('firstRowMs') || run.only.has('firstRowOfflineMs');
    const blankMs = !firstRowAsked
      ? null
      : await steps.blankPaint().catch((error: unknown) => {
          run.progress(`  no blank-page baseline: ${reason(error)}`);
          return null;
        });
    await steps.measure(['firstRowMs'], () => steps.firstRowOnline(blankMs));
    await steps.measure(['firstRowOfflineMs'], async () => {
      // Measured alone (--only), the page is still on the blank page's baseline.
      await steps.reloaded();
      await steps.shellKept();
      return steps.firstRowOffline(blankMs);
    });
    await steps.measure(['heapMB'], () => steps.heap());
    await steps.measure(['searchKeystrokeP95Ms', 'searchResultsP95Ms'], () => steps.search());
    await steps.measure(['openTicketP95Ms'], () => steps.openTickets());
    await steps.measure(['scrollLongestTaskMs'], () => steps.scroll());
    // Last: it adds 2,000 notes to the server's tickets.
    await steps.measure(['push1000Ms'], () => steps.push());
    return steps.figures;
  } finally {
    await page.close();
  }
}
