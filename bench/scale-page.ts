/**
 * The bench's code that runs inside the console's page: every function here is serialized by
 * Playwright and evaluated in the browser, so it may use only its arguments, the DOM and what
 * `installBench` leaves on `window` — never anything else of this module. Times are the page's own
 * performance.now(), so they are relative to the navigation and free of the bench's polling delays.
 */

export interface KeySample {
  keydownAt: number;
  /** After the input event: the next animation frame, then a task, i.e. once that frame is painted. */
  frameAt: number | null;
}

interface BenchState {
  /** When the sign-in form was submitted. */
  signInAt: number | null;
  /** When the first frame with a queue row in it was painted. */
  firstRowAt: number | null;
  /** When the browser last came online. */
  onlineAt: number | null;
  keys: KeySample[];
  /** Ends the keystroke recording, so its observer does not weigh on what is measured next. */
  stopKeys: (() => void) | null;
  /** When the queue's grid last changed. */
  gridChangedAt: number;
  paneWait: Promise<number> | null;
}

interface BenchLib {
  /** The console's own local database (it has tickets and an outbox), opened at its version, never created. */
  openConsoleDb(): Promise<IDBDatabase | null>;
  request<T>(request: IDBRequest<T>): Promise<T>;
  done(transaction: IDBTransaction): Promise<void>;
  sleep(ms: number): Promise<void>;
  grid(): Element | null;
}

declare global {
  interface Window {
    __bench: BenchState;
    __benchLib: BenchLib;
  }
}

/** Runs in every document of the bench's browser context before the page's own scripts. */
export function installBench(): void {
  const state: BenchState = {
    signInAt: null,
    firstRowAt: null,
    onlineAt: null,
    keys: [],
    stopKeys: null,
    gridChangedAt: 0,
    paneWait: null,
  };
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  window.__bench = state;
  window.__benchLib = {
    async openConsoleDb() {
      // Opening a name that does not exist would create it, and the console's upgrade would then start
      // from that empty database: only names the browser already lists are opened.
      const names = (await indexedDB.databases()).flatMap(({ name }) =>
        name?.startsWith('css-console:') === true ? [name] : [],
      );
      for (const name of names) {
        const db = await request(indexedDB.open(name));
        // Never stand in the way of the console upgrading or deleting its database.
        db.onversionchange = () => db.close();
        if (db.objectStoreNames.contains('tickets') && db.objectStoreNames.contains('outbox')) return db;
        db.close();
      }
      return null;
    },
    request,
    done: (transaction) =>
      new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    grid: () => document.querySelector('[role="grid"][aria-label="Tickets"]'),
  };
  // Timed once the frame that holds the first row is painted (the next animation frame, then a task),
  // as a keystroke's frame is: the work between the row entering the DOM and its paint is start-up too.
  const firstRow = new MutationObserver(() => {
    if (document.querySelector('[data-ticket-number]') === null) return;
    firstRow.disconnect();
    requestAnimationFrame(() => setTimeout(() => (state.firstRowAt = performance.now())));
  });
  firstRow.observe(document, { childList: true, subtree: true });
  document.addEventListener('submit', () => (state.signInAt ??= performance.now()), { capture: true });
  window.addEventListener('online', () => (state.onlineAt = performance.now()));
}

/** Resolves when the first queue row has been painted, with its time since navigation. */
export async function firstRowShown(timeoutMs: number): Promise<number> {
  const { __bench: state, __benchLib: lib } = window;
  const deadline = performance.now() + timeoutMs;
  while (state.firstRowAt === null) {
    if (performance.now() > deadline) throw new Error(`no queue row within ${timeoutMs} ms`);
    await lib.sleep(10);
  }
  return state.firstRowAt;
}

/** First contentful paint of a page, since navigation. */
export async function paintedAt(timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    if (paint !== undefined) return paint.startTime;
    if (performance.now() > deadline) throw new Error(`no paint within ${timeoutMs} ms`);
    await window.__benchLib.sleep(10);
  }
}

/** The ticket numbers of the queue rows in the DOM, top to bottom. */
export function rowNumbers(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-ticket-number]'))
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((row) => row.dataset.ticketNumber ?? '');
}

/** Before a row is clicked: resolves `paneWait` with the ms from the click to the pane showing that ticket. */
export function armPaneWait({ number, timeoutMs }: { number: string; timeoutMs: number }): void {
  let clickedAt: number | null = null;
  const onClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest(`[data-ticket-number="${number}"]`) !== null) {
      clickedAt = event.timeStamp;
    }
  };
  document.addEventListener('click', onClick, { capture: true });
  window.__bench.paneWait = new Promise<number>((resolve, reject) => {
    const shown = () =>
      document.querySelector(`section[aria-label="Ticket ${number}"]`)?.textContent?.includes(number) === true;
    const finish = (settle: () => void) => {
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('click', onClick, { capture: true });
      settle();
    };
    const observer = new MutationObserver(() => {
      if (clickedAt === null || !shown()) return;
      const ms = performance.now() - clickedAt;
      finish(() => resolve(ms));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${number} was not shown within ${timeoutMs} ms of the click`))),
      timeoutMs,
    );
  });
}

export function paneShown(): Promise<number> {
  const wait = window.__bench.paneWait;
  if (wait === null) return Promise.reject(new Error('no ticket click was armed'));
  return wait;
}

/** The floor for opening a ticket: one raw get of a ticket record from the console's database, per ticket. */
export async function rawGetTimes(count: number): Promise<number[]> {
  const lib = window.__benchLib;
  const db = await lib.openConsoleDb();
  if (db === null) throw new Error('the console has no local database');
  try {
    const ids = await lib.request(db.transaction('tickets').objectStore('tickets').getAllKeys(null, count));
    const times: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      await lib.request(db.transaction('tickets').objectStore('tickets').get(id));
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    db.close();
  }
}

/**
 * Scrolls the queue top to bottom, `step` pixels a frame, watching for long tasks meanwhile; first waits
 * up to `timeoutMs` for the queue to hold every row, not only the first screen's (the queue says so).
 */
export async function scrollQueue({ step, timeoutMs }: { step: number; timeoutMs: number }) {
  const grid = window.__benchLib.grid();
  if (grid === null) throw new Error('the queue has no grid to scroll');
  const deadline = performance.now() + timeoutMs;
  const queueNote = () => grid.closest('section')?.querySelector('[role="status"]')?.textContent ?? '';
  while (queueNote().startsWith('Showing the latest tickets')) {
    if (performance.now() > deadline)
      throw new Error(`the queue still showed only its first screen after ${timeoutMs} ms`);
    await window.__benchLib.sleep(100);
  }
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  grid.scrollTop = 0;
  await frame();
  const started = performance.now();
  let frames = 0;
  while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
    const before = grid.scrollTop;
    grid.scrollTop = before + step;
    await frame();
    frames += 1;
    if (grid.scrollTop === before) break;
  }
  const ms = performance.now() - started;
  // Long-task entries are delivered after the task; give the last one time to arrive.
  await window.__benchLib.sleep(200);
  tasks.push(...observer.takeRecords().map((entry) => entry.duration));
  observer.disconnect();
  return { longestMs: Math.max(0, ...tasks), longTasks: tasks.length, frames, ms, height: grid.scrollHeight };
}
