/**
 * The bench's code inside the console's page for the push of changes queued offline. Serialized by Playwright like
 * scale-page.ts's, under its rule: only the arguments, the DOM and what `installBench` leaves on `window`.
 */

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
