/**
 * The bench's code inside the console's page for the initial sync and its bare pages. Serialized by
 * Playwright like scale-page.ts's, under its rule: only the arguments, the DOM and what `installBench`
 * leaves on `window`.
 */

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
