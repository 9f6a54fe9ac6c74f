/**
 * One run of the console's figures in Chromium, as the team lead: a fresh browser profile signs in and
 * syncs from empty, then the cached console is reloaded (online and offline), weighed, searched,
 * opened and scrolled, and finally sends 1,000 changes queued offline. Each figure is taken with its
 * baseline in the same page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from '../server/demo/organisations';
import { LEAD, currentSeq } from './scale-data';
import { readHeap } from './scale-heap';
import { firstRowShown, installBench, paintedAt } from './scale-page';
import { searchIndexSaved, syncedAfterSignIn } from './scale-page-sync';
import { measurePush } from './scale-push';
import { measureOpen, measureScroll } from './scale-queue';
import type { FigureKey, RunFigures } from './scale-report';
import { SearchSteps } from './scale-search';
import { measureSync } from './scale-sync';
import { BLANK_PAGE } from './scale-services';

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

  sync(): Promise<RunFigures> {
    return measureSync({
      ...this.run,
      page: this.page,
      signInAndSync: () => this.signInAndSync(),
      settled: () => this.settled(),
    });
  }

  openTickets(): Promise<RunFigures> {
    return measureOpen(this.page, this.limits.stepMs);
  }

  scroll(): Promise<RunFigures> {
    return measureScroll(this.page, this.limits.stepMs);
  }

  search(): Promise<RunFigures> {
    return new SearchSteps(this.page, this.limits).search();
  }

  push(): Promise<RunFigures> {
    const { page, context, run } = this;
    return measurePush({
      page,
      context,
      apiUrl: run.apiUrl,
      timeoutMs: this.limits.pushMs,
      shellKept: () => this.shellKept(),
      reload: () => this.firstRow(() => page.reload()),
    });
  }
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
