// The search index saved and caught up across changes and restarts answers exactly as one rebuilt
// from the local copy would; unsent notes are found; tickets that leave the copy leave the index.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import { SearchIndexer } from '../../../renderer/data/search/search-indexer';
import type { Ticket } from '../../../shared/domain';
import { ENGINEER, FIXED_NOW, makeTicket } from '../../fixtures/tickets';

const actor = { ...ENGINEER, role: 'engineer' as const };
const WORDS = ['mailbox', 'teams', 'licence', 'sharepoint', 'quota', 'contoso', 'fabrikam', 'outage'] as const;
const QUERIES = [...WORDS, 'CSS-1000', 'CSS-100003', 'mail', 'teams licence', 'contoso outage'];
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let dbs = 0;
const opened: LocalDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function openStore(name: string) {
  const db = new LocalDb(name);
  opened.push(db);
  return { db, store: new LocalStore(db, actor) };
}

function ticket(n: number, words: readonly string[], version: number): Ticket {
  return makeTicket({
    id: id(n),
    number: `CSS-10000${n}`,
    title: `Problem with ${words[0] ?? 'something'}`,
    description: words.join(' '),
    version,
  });
}

const hits = (indexer: SearchIndexer) =>
  QUERIES.map((query) => [query, [...indexer.search(query, 100).ids].sort()] as const);

type Step =
  | { kind: 'pull'; n: number; words: string[] }
  | { kind: 'remove'; n: number }
  | { kind: 'note'; n: number; word: string }
  | { kind: 'catchUp' }
  | { kind: 'save' }
  | { kind: 'restart' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('pull' as const),
    n: fc.integer({ min: 1, max: 6 }),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('note' as const), n: fc.integer({ min: 1, max: 6 }), word: fc.constantFrom(...WORDS) }),
  fc.constant({ kind: 'catchUp' as const }),
  fc.constant({ kind: 'save' as const }),
  fc.constant({ kind: 'restart' as const }),
);

describe('SearchIndexer', () => {
  it('answers like an index rebuilt from scratch, after any changes, saves and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 20 }), async (steps) => {
        const name = `search-${++dbs}`;
        const { db, store } = openStore(name);
        let indexer = new SearchIndexer(db, store);
        await indexer.open();
        let version = 1;
        let notes = 0;
        for (const step of steps) {
          switch (step.kind) {
            case 'pull':
              await store.applyPullPage([ticket(step.n, step.words, ++version)], String(version), FIXED_NOW);
              break;
            case 'remove':
              await store.applyPullPage([], String(++version), FIXED_NOW, [id(step.n)]);
              break;
            case 'note': {
              if ((await db.tickets.get(id(step.n))) === undefined) break;
              const noteId = `00000000-0000-4000-9000-${String(++notes).padStart(12, '0')}`;
              const args = { ticketId: id(step.n), noteId, body: `asked about ${step.word}` };
              await store.enqueue({ id: noteId, name: 'addNote', args, createdAt: FIXED_NOW });
              break;
            }
            case 'catchUp':
              await indexer.catchUp();
              break;
            case 'save':
              await indexer.save();
              break;
            case 'restart':
              indexer = new SearchIndexer(db, store);
              await indexer.open();
              break;
          }
        }
        await indexer.catchUp();
        const rebuilt = new SearchIndexer(db, store);
        await rebuilt.rebuild();
        expect(hits(indexer)).toEqual(hits(rebuilt));
        expect(indexer.indexedTickets).toBe(await db.tickets.count());
      }),
      { numRuns: 60 },
    );
  });

  it('finds a note the server has not received yet, and loads the saved index instead of rebuilding', async () => {
    const { db, store } = openStore('search-note');
    await store.applyPullPage([ticket(1, ['mailbox'], 1), ticket(2, ['quota'], 1)], '2', FIXED_NOW);
    const indexer = new SearchIndexer(db, store);
    await indexer.open();
    const noteId = '00000000-0000-4000-9000-000000000001';
    await store.enqueue({
      id: noteId,
      name: 'addNote',
      args: { ticketId: id(2), noteId, body: 'The tenant is fabrikam.onmicrosoft.com' },
      createdAt: FIXED_NOW,
    });
    expect(await indexer.catchUp()).toBe(1);
    expect(indexer.search('fabrikam', 10)).toEqual({ ids: [id(2)], total: 1, complete: true });
    await indexer.save();
    expect(await db.searchBacklog.count()).toBe(0);

    // A restart loads the saved index: the tickets table is not read.
    await db.tickets.clear();
    const reopened = new SearchIndexer(db, store);
    await reopened.open();
    expect(reopened.search('fabrikam', 10)).toEqual({ ids: [id(2)], total: 1, complete: true });
  });

  it('caps the answer and says how many matched in all', async () => {
    const { db, store } = openStore('search-cap');
    await store.applyPullPage(
      [1, 2, 3, 4, 5].map((n) => ticket(n, ['mailbox'], 1)),
      '5',
      FIXED_NOW,
    );
    const indexer = new SearchIndexer(db, store);
    await indexer.open();
    const { ids, total } = indexer.search('mailbox', 2);
    expect(ids).toHaveLength(2);
    expect(total).toBe(5);
  });

  it('catches up on a page larger than a backlog entry a chunk at a time, and misses none of it', async () => {
    const { db, store } = openStore('search-large-page');
    const indexer = new SearchIndexer(db, store);
    await indexer.open();
    const page = Array.from({ length: 1_200 }, (_, i) => ticket(i + 1, ['mailbox'], 1));
    await store.applyPullPage(page, '1200', FIXED_NOW);
    // Three entries (500, 500, 200 tickets), written with the page.
    expect((await db.searchBacklog.toArray()).map((entry) => entry.ticketIds.length)).toEqual([500, 500, 200]);
    expect(await indexer.catchUp(1)).toBe(500);
    expect(indexer.search('mailbox', 1).total).toBe(500);
    expect(await indexer.catchUp()).toBe(700);
    expect(indexer.search('mailbox', 1).total).toBe(1_200);
  });
});
