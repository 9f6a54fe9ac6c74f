/**
 * The bench's code that runs inside the console's page: every function here is serialized by
 * Playwright and evaluated in the browser, so it may use only its arguments, the DOM and what
 * `installBench` leaves on `window` — never anything else of this module. Times are the page's own
 * performance.now(), so they are relative to the navigation and free of the bench's polling delays.
 */

interface KeySample {
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

/**
 * Polls the console's local database until its sync cursor is the server's `seq` (the cursor is
 * written with the last page's tickets, so every ticket is then in the local copy); resolves with the
 * seconds since the sign-in was submitted.
 */
export async function syncedAfterSignIn({ seq, timeoutMs }: { seq: number; timeoutMs: number }): Promise<number> {
  const { __bench: state, __benchLib: lib } = window;
  const deadline = performance.now() + timeoutMs;
  let seen: unknown = 'no local database';
  for (;;) {
    const db = await lib.openConsoleDb();
    if (db !== null) {
      try {
        const record: unknown = await lib.request(db.transaction('meta').objectStore('meta').get('cursor'));
        const cursor = typeof record === 'object' && record !== null && 'value' in record ? record.value : undefined;
        seen = cursor;
        if (cursor === String(seq) || cursor === seq) {
          if (state.signInAt === null) throw new Error('the sign-in was never submitted');
          return (performance.now() - state.signInAt) / 1000;
        }
      } finally {
        db.close();
      }
    }
    if (performance.now() > deadline)
      throw new Error(
        `the local copy did not reach change ${seq} in ${timeoutMs} ms (its cursor: ${JSON.stringify(seen) ?? 'none'}; on screen: ${document.body.innerText.slice(0, 300)})`,
      );
    await lib.sleep(50);
  }
}

/**
 * The floor for a first sync: every pull page fetched and parsed, and each page's tickets put in a
 * scratch database in one transaction, nothing else. With `queueRows`, each ticket's queue row is put
 * beside it in the same transaction, as the console lays its local copy out: the rows are the ones the
 * console stored for those tickets (read before the clock starts), in a table with the console's own
 * key and indexes (read from its database), so a synced console must be open on this origin.
 */
export async function bareSync({
  api,
  token,
  limit,
  queueRows,
}: {
  api: string;
  token: string;
  limit: number;
  queueRows: boolean;
}) {
  const lib = window.__benchLib;
  const rows = new Map<string, unknown>();
  const indexes: { name: string; keyPath: string | string[]; multiEntry: boolean }[] = [];
  let rowKey: string | string[] | null = null;
  if (queueRows) {
    const consoleDb = await lib.openConsoleDb();
    if (consoleDb === null) throw new Error('the queue rows need the console signed in on this origin');
    try {
      const summaries = consoleDb.transaction('summaries').objectStore('summaries');
      rowKey = summaries.keyPath;
      if (rowKey === null) throw new Error('the console keeps its queue rows without a key path');
      for (const name of Array.from(summaries.indexNames)) {
        const { keyPath, multiEntry } = summaries.index(name);
        indexes.push({ name, keyPath, multiEntry });
      }
      const stored = (await lib.request(summaries.getAll())) as { id: string }[];
      for (const row of stored) rows.set(row.id, row);
    } finally {
      consoleDb.close();
    }
  }
  const name = `bench-scratch-${Date.now()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('tickets', { keyPath: 'id' });
    if (rowKey === null) return;
    const summaries = open.result.createObjectStore('summaries', { keyPath: rowKey });
    for (const { name, keyPath, multiEntry } of indexes) summaries.createIndex(name, keyPath, { multiEntry });
  };
  const scratch = await lib.request(open);
  const stores = queueRows ? ['tickets', 'summaries'] : ['tickets'];
  let fetchMs = 0;
  let putMs = 0;
  let tickets = 0;
  try {
    let cursor = '0';
    for (;;) {
      let started = performance.now();
      const response = await fetch(`${api}/sync/pull?cursor=${cursor}&limit=${limit}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`the pull was refused (${response.status})`);
      // As bytes decoded in one go, the fastest way Chromium hands a page over (20,000 tickets, measured
      // alone: 6.0 against 8.6 s as text). The console's pages come as text: asked for as bytes, their
      // decoding held up the writing of the page before, and its sync was no faster (20.8 against 19.8 s).
      const page = JSON.parse(new TextDecoder().decode(await response.arrayBuffer())) as {
        tickets: { id: string }[];
        cursor: string;
        hasMore: boolean;
      };
      fetchMs += performance.now() - started;
      started = performance.now();
      const transaction = scratch.transaction(stores, 'readwrite');
      const ticketStore = transaction.objectStore('tickets');
      const rowStore = queueRows ? transaction.objectStore('summaries') : null;
      for (const ticket of page.tickets) {
        ticketStore.put(ticket);
        if (rowStore === null) continue;
        const row = rows.get(ticket.id);
        if (row === undefined) throw new Error(`the console has no queue row for ticket ${ticket.id}`);
        rowStore.put(row);
      }
      await lib.done(transaction);
      putMs += performance.now() - started;
      tickets += page.tickets.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
  } finally {
    scratch.close();
    await lib.request(indexedDB.deleteDatabase(name));
  }
  return { fetchMs, putMs, tickets };
}

/**
 * Seconds until the console's search index is saved with every change in it (its backlog empty): a
 * console that has settled after its sync, as a lead finds it the next morning.
 */
export async function searchIndexSaved(timeoutMs: number): Promise<number> {
  const lib = window.__benchLib;
  const started = performance.now();
  for (;;) {
    const db = await lib.openConsoleDb();
    if (db !== null) {
      try {
        const transaction = db.transaction(['searchBacklog', 'searchIndex']);
        const [backlog, snapshot] = await Promise.all([
          lib.request(transaction.objectStore('searchBacklog').count()),
          lib.request<unknown>(transaction.objectStore('searchIndex').get('snapshot')),
        ]);
        if (backlog === 0 && snapshot !== undefined) return (performance.now() - started) / 1000;
      } finally {
        db.close();
      }
    }
    if (performance.now() - started > timeoutMs)
      throw new Error(`the search index was not saved with every change within ${timeoutMs} ms`);
    await lib.sleep(250);
  }
}

/** Records keystrokes (keydown → painted frame) and changes to the queue's grid, until `stopKeystrokes`. */
export function recordKeystrokes(): void {
  const { __bench: state, __benchLib: lib } = window;
  state.stopKeys?.();
  state.keys = [];
  let keydownAt: number | null = null;
  const onKeydown = (event: KeyboardEvent) => (keydownAt = event.timeStamp);
  // Capturing at the document runs before React's listeners: the frame waits for whatever they do.
  const onInput = () => {
    if (keydownAt === null) return;
    const sample: KeySample = { keydownAt, frameAt: null };
    keydownAt = null;
    state.keys.push(sample);
    requestAnimationFrame(() => setTimeout(() => (sample.frameAt = performance.now())));
  };
  const observer = new MutationObserver((records) => {
    const grid = lib.grid();
    if (grid === null) return;
    const inGrid = records.some(
      (record) => grid.contains(record.target) || Array.from(record.addedNodes).some((node) => node.contains(grid)),
    );
    if (inGrid) state.gridChangedAt = performance.now();
  });
  document.addEventListener('keydown', onKeydown, { capture: true });
  document.addEventListener('input', onInput, { capture: true });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  state.stopKeys = () => {
    document.removeEventListener('keydown', onKeydown, { capture: true });
    document.removeEventListener('input', onInput, { capture: true });
    observer.disconnect();
    state.stopKeys = null;
  };
}

export function stopKeystrokes(): void {
  window.__bench.stopKeys?.();
}

/**
 * Waits for keystroke `index` to be painted and the grid to be quiet for `quietMs`; the results time
 * is when the grid last changed after the keydown (the painted frame if it did not change at all).
 */
export async function keystrokeSettled({
  index,
  quietMs,
  timeoutMs,
}: {
  index: number;
  quietMs: number;
  timeoutMs: number;
}) {
  const { __bench: state, __benchLib: lib } = window;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const sample = state.keys[index];
    if (sample !== undefined && sample.frameAt !== null) {
      const changedAt = state.gridChangedAt > sample.keydownAt ? state.gridChangedAt : sample.frameAt;
      if (performance.now() - Math.max(changedAt, sample.frameAt) >= quietMs) {
        return { keystrokeMs: sample.frameAt - sample.keydownAt, resultsMs: changedAt - sample.keydownAt };
      }
    }
    if (performance.now() > deadline) throw new Error(`keystroke ${index + 1} did not settle in ${timeoutMs} ms`);
    await lib.sleep(20);
  }
}

/** What the queue shows: its row count and the ticket numbers in the DOM, in order; changes when a search is answered. */
export function gridShows(): string {
  const grid = window.__benchLib.grid();
  const numbers = Array.from(grid?.querySelectorAll<HTMLElement>('[data-ticket-number]') ?? [])
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((row) => row.dataset.ticketNumber ?? '');
  return `${grid?.getAttribute('aria-rowcount') ?? '?'}: ${numbers.join(' ')}`;
}

export const PLAIN_INPUT_ID = 'bench-plain-input';

/** A bare <input> over the console, for the keystroke baseline. */
export function addPlainInput(id: string): void {
  const input = document.createElement('input');
  input.id = id;
  input.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
  document.body.append(input);
}

export function removePlainInput(id: string): void {
  document.getElementById(id)?.remove();
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

/** Ids of up to `count` open tickets in the local copy (a note on a closed ticket would be refused). */
export async function openTicketIds(count: number): Promise<string[]> {
  const lib = window.__benchLib;
  const db = await lib.openConsoleDb();
  if (db === null) throw new Error('the console has no local database');
  try {
    const ids: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const cursor = db.transaction('tickets').objectStore('tickets').openCursor();
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (current === null || ids.length >= count) return resolve();
        const ticket = current.value as { id: string; stage: string };
        if (ticket.stage !== 'closed') ids.push(ticket.id);
        current.continue();
      };
    });
    return ids;
  } finally {
    db.close();
  }
}

/** Adds entries to the console's outbox in one transaction, as its own writes would leave them. */
export async function queueOutbox(entries: unknown[]): Promise<void> {
  const lib = window.__benchLib;
  const db = await lib.openConsoleDb();
  if (db === null) throw new Error('the console has no local database');
  try {
    const transaction = db.transaction('outbox', 'readwrite');
    const outbox = transaction.objectStore('outbox');
    for (const entry of entries) outbox.add(entry);
    await lib.done(transaction);
  } finally {
    db.close();
  }
}

/** Polls the outbox until no entry is pending; resolves with the ms since the browser came online. */
export async function outboxSentAfterOnline(timeoutMs: number): Promise<number> {
  const { __bench: state, __benchLib: lib } = window;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const db = await lib.openConsoleDb();
    if (db === null) throw new Error('the console has no local database');
    let pending: number;
    try {
      const outbox = db.transaction('outbox').objectStore('outbox');
      pending = outbox.indexNames.contains('state')
        ? await lib.request(outbox.index('state').count('pending'))
        : (await lib.request(outbox.getAll())).filter((entry: { state?: string }) => entry.state === 'pending').length;
    } finally {
      db.close();
    }
    if (pending === 0 && state.onlineAt !== null) return performance.now() - state.onlineAt;
    if (performance.now() > deadline) throw new Error(`${pending} changes still pending after ${timeoutMs} ms`);
    await lib.sleep(25);
  }
}

/** The floor for sending the outbox: the same number of mutations, posted batch after batch. */
export async function barePush({ api, token, batches }: { api: string; token: string; batches: unknown[][] }) {
  const started = performance.now();
  let applied = 0;
  for (const batch of batches) {
    // A server may answer a long push for its first mutations only: the rest go in the next push, as the console sends them.
    for (let mutations = batch; mutations.length > 0;) {
      const response = await fetch(`${api}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId: crypto.randomUUID(), mutations }),
      });
      if (!response.ok) throw new Error(`the push was refused (${response.status})`);
      const { results } = (await response.json()) as { results: { status: string }[] };
      if (results.length === 0) throw new Error('the push answered none of its changes');
      applied += results.filter((result) => result.status === 'applied').length;
      mutations = mutations.slice(results.length);
    }
  }
  return { ms: performance.now() - started, applied };
}
