// A long pull fetches the next page while the previous one is written, and still moves the stored
// cursor only with a page that is durable: a write that fails leaves the cursor where it was.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Cursor } from '../../../shared/api';
import { soloTeam, type Ticket } from '../../../shared/domain';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import type { PulledTickets } from '../../../renderer/data/pulled-page';
import { SyncEngine, type SyncStatus } from '../../../renderer/data/sync-engine';
import type { SyncApi } from '../../../renderer/data/sync-api';
import { Cable } from '../../support/cable';
import { fillDiskWhen } from '../../support/full-disk';
import { allSummaries } from '../../support/local-copy';
import { ENGINEER_MEMBER, makeTicket } from '../../fixtures/tickets';

const PAGE_SIZE = 2;
const HISTORY = '0b0e8f0e-3a52-4f1e-9d55-2f4a3c000001';

/** Six tickets, changes 1 to 6: three full pages of two. */
const TICKETS: Ticket[] = Array.from({ length: 6 }, (_, index) =>
  makeTicket({
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    number: `CSS-1001${String(index).padStart(2, '0')}`,
    serverSeq: index + 1,
  }),
);

/** A server holding TICKETS that logs each request; a page's cursor is its last ticket's change. */
function portal(log: string[]): SyncApi {
  return {
    team: () => Promise.resolve(soloTeam(ENGINEER_MEMBER)),
    pull: (cursor: Cursor): Promise<PulledTickets> => {
      log.push(`pull after ${cursor}`);
      const tickets = TICKETS.filter((ticket) => ticket.serverSeq > Number(cursor)).slice(0, PAGE_SIZE);
      const last = tickets.at(-1)?.serverSeq ?? Number(cursor);
      const remaining = TICKETS.filter((ticket) => ticket.serverSeq > last).length;
      return Promise.resolve({
        tickets,
        removed: [],
        remaining,
        cursor: String(last),
        history: HISTORY,
        reset: false,
        hasMore: remaining > 0,
      });
    },
    // Every change is refused: what a push is told does not matter here, only when it goes.
    push: ({ mutations }) => {
      log.push(`push of ${mutations.length}`);
      return Promise.resolve({
        results: mutations.map((mutation) => ({
          id: mutation.id,
          status: 'refused' as const,
          refusal: { code: 'invalid_args' as const, message: 'Not taken here.' },
        })),
      });
    },
  };
}

function consoleOf(api: SyncApi, log: string[], failWriteOf: Cursor | null = null, onBusy?: (busy: boolean) => void) {
  const db = new LocalDb(`pull-pipeline-${crypto.randomUUID()}`);
  let full = false;
  fillDiskWhen(db, () => full);
  const store = new LocalStore(db, ENGINEER_MEMBER);
  const write = store.applyPullPage.bind(store);
  store.applyPullPage = (tickets, cursor, ...rest) => {
    log.push(`write up to ${cursor}`);
    full = cursor === failWriteOf;
    return write(tickets, cursor, ...rest);
  };
  const status: Partial<SyncStatus> = {};
  const engine = new SyncEngine({
    store,
    api,
    connectivity: new Cable(),
    clientId: '6f1c3c1e-8a55-4d0e-9d1a-3c2b1a000002',
    onStatus: (patch) => Object.assign(status, patch),
    onUnauthenticated: () => undefined,
    pageSize: PAGE_SIZE,
    retries: 0,
    ...(onBusy === undefined ? {} : { onBusy }),
  });
  const heal = () => {
    failWriteOf = null;
    full = false;
  };
  return { store, engine, status, heal };
}

describe('SyncEngine pulling several pages', () => {
  it('asks for each next page before writing the one it has', async () => {
    const log: string[] = [];
    const { store, engine } = consoleOf(portal(log), log);
    await engine.sync();
    expect(log).toEqual([
      'pull after 0',
      'pull after 2',
      'write up to 2',
      'pull after 4',
      'write up to 4',
      'write up to 6',
    ]);
    expect(await store.cursor()).toBe('6');
    expect((await allSummaries(store)).map((summary) => summary.id).sort()).toEqual(TICKETS.map((t) => t.id).sort());
    store.db.close();
  });

  it('says it is busy while it sends changes, and from the first page of a run until the last is written, so background work waits', async () => {
    const log: string[] = [];
    const { store, engine } = consoleOf(portal(log), log, null, (busy) => log.push(busy ? 'busy' : 'idle'));
    await engine.sync();
    expect(log).toEqual([
      // Nothing to send: the push holds nothing back.
      'pull after 0',
      'pull after 2',
      'write up to 2',
      'busy',
      'pull after 4',
      'write up to 4',
      'busy',
      'write up to 6',
      'idle',
    ]);
    log.length = 0;
    await engine.sync();
    // A pull of one page is no run: nothing waits for it.
    expect(log).toEqual(['pull after 6', 'write up to 6']);
    log.length = 0;
    const ticketId = TICKETS[0]?.id as string;
    await store.enqueue({
      id: crypto.randomUUID(),
      name: 'addNote',
      args: { ticketId, noteId: crypto.randomUUID(), body: 'Called the customer back.' },
      createdAt: '2025-03-04T09:00:00.000Z',
    });
    await engine.sync();
    // A change to send is one busy spell of its own, before the pull.
    expect(log).toEqual(['busy', 'push of 1', 'idle', 'pull after 6', 'write up to 6']);
    store.db.close();
  });

  it('keeps the cursor of the last page written when a write fails, drops the page fetched ahead, and resumes there', async () => {
    const log: string[] = [];
    const { store, engine, status, heal } = consoleOf(portal(log), log, '4');
    await engine.sync();
    expect(status.lastError).toMatch(/full/);
    expect(status.progress).toBeNull();
    expect(log).toEqual(['pull after 0', 'pull after 2', 'write up to 2', 'pull after 4', 'write up to 4']);
    expect(await store.cursor()).toBe('2');
    expect((await allSummaries(store)).map((summary) => summary.id).sort()).toEqual(
      TICKETS.slice(0, 2).map((t) => t.id),
    );

    heal();
    log.length = 0;
    await engine.sync();
    expect(status.lastError).toBeNull();
    expect(log).toEqual(['pull after 2', 'pull after 4', 'write up to 4', 'write up to 6']);
    expect(await store.cursor()).toBe('6');
    expect(await allSummaries(store)).toHaveLength(TICKETS.length);
    store.db.close();
  });
});
