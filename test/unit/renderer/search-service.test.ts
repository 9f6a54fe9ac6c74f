// A console closed right after its first sync, or after the search index had to be rebuilt, finds the
// index saved at the next start instead of indexing every ticket again.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import type { SearchReply } from '../../../renderer/data/search/search-protocol';
import { SearchService } from '../../../renderer/data/search/search-service';
import { ENGINEER, FIXED_NOW, makeTicket } from '../../fixtures/tickets';

const actor = { ...ENGINEER, role: 'engineer' as const };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tickets = (numbers: number[]) =>
  numbers.map((n) => makeTicket({ id: id(n), number: `CSS-10000${n}`, title: `Mailbox ${n} full` }));
/** Never quiet long enough in a test: only the saves that do not wait for quiet can happen. */
const NEVER_QUIET = { quietMs: 3_600_000, changes: 1, maxAgeMs: 3_600_000 };

const services: SearchService[] = [];
afterEach(() => services.splice(0).forEach((service) => service.close()));

function start(name: string, eager: number) {
  const db = new LocalDb(name);
  const replies: SearchReply[] = [];
  const service = new SearchService((reply) => replies.push(reply), { ...NEVER_QUIET, eager });
  services.push(service);
  service.handle({ kind: 'open', dbName: name, user: actor });
  return { db, store: new LocalStore(db, actor), service, replies };
}

describe('SearchService', () => {
  it('saves an index it had to rebuild at once', async () => {
    const seeded = new LocalDb('service-rebuilt');
    await new LocalStore(seeded, actor).applyPullPage(tickets([1, 2, 3]), '3', FIXED_NOW);
    seeded.close();
    const { db } = start('service-rebuilt', 1_000);
    await vi.waitFor(async () => expect((await db.searchIndex.get('snapshot'))?.index.ids.split('\n')).toHaveLength(3));
    expect(await db.searchBacklog.count()).toBe(0);
    db.close();
  });

  it('saves a large catch-up as it goes, without waiting for the changes to stop', async () => {
    const { db, store, service, replies } = start('service-eager', 2);
    await vi.waitFor(() => expect(replies).toContainEqual({ kind: 'ready' }));
    await store.applyPullPage(tickets([1, 2, 3, 4]), '4', FIXED_NOW);
    service.handle({ kind: 'changed' });
    // The page's four tickets are one backlog entry, the first.
    await vi.waitFor(async () => expect((await db.searchIndex.get('snapshot'))?.upToSeq).toBe(1));
    service.handle({ kind: 'search', call: 1, query: 'mailbox', limit: 10 });
    await vi.waitFor(() => {
      const answer = replies.find((reply) => reply.kind === 'result' && reply.call === 1);
      expect(answer?.kind === 'result' && answer.result.total).toBe(4);
    });
    db.close();
  });

  it('saves a long catch-up each time the index has grown by half, not at every few changes', async () => {
    const { db, store, service, replies } = start('service-growing', 500);
    await vi.waitFor(() => expect(replies).toContainEqual({ kind: 'ready' }));
    // Six pages of 500: six backlog entries, caught up a page at a time.
    for (let page = 0; page < 6; page += 1) {
      const numbers = Array.from({ length: 500 }, (_, i) => 500 * page + i + 1);
      await store.applyPullPage(tickets(numbers), String(500 * (page + 1)), FIXED_NOW);
    }
    service.handle({ kind: 'changed' });
    let call = 0;
    await vi.waitFor(() => {
      call += 1;
      service.handle({ kind: 'search', call, query: 'mailbox', limit: 1 });
      const answer = replies.find((reply) => reply.kind === 'result' && reply.call === call);
      expect(answer?.kind === 'result' && answer.result.total).toBe(3_000);
    });
    // Saved at 500, 1,000 and 2,000 tickets; the last 1,000 wait for a quiet moment (never, here).
    const snapshot = await db.searchIndex.get('snapshot');
    expect(snapshot?.upToSeq).toBe(4);
    expect(snapshot?.index.ids.split('\n')).toHaveLength(2_000);
    db.close();
  });

  it('makes way for a push: background work waits while held, searches still answer, and it resumes after', async () => {
    const { db, store, service, replies } = start('service-held', 2);
    await vi.waitFor(() => expect(replies).toContainEqual({ kind: 'ready' }));
    service.handle({ kind: 'hold', held: true });
    await store.applyPullPage(tickets([1, 2, 3, 4]), '4', FIXED_NOW);
    service.handle({ kind: 'changed' });
    service.handle({ kind: 'search', call: 1, query: 'mailbox', limit: 10 });
    await vi.waitFor(() => expect(replies.some((reply) => reply.kind === 'result' && reply.call === 1)).toBe(true));
    // The catch-up holds between chunks: the index is not written while the console pushes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.searchIndex.get('snapshot')).toBeUndefined();

    service.handle({ kind: 'hold', held: false });
    await vi.waitFor(async () => expect((await db.searchIndex.get('snapshot'))?.upToSeq).toBe(1));
    db.close();
  });

  it('loads the index once the console is no longer busy, answering searches as incomplete meanwhile', async () => {
    const seeded = new LocalDb('service-busy-start');
    await new LocalStore(seeded, actor).applyPullPage(tickets([1, 2, 3]), '3', FIXED_NOW);
    seeded.close();
    const replies: SearchReply[] = [];
    const service = new SearchService((reply) => replies.push(reply), { ...NEVER_QUIET, eager: 1_000 });
    services.push(service);
    // The console pushes its unsent changes as it starts.
    service.handle({ kind: 'hold', held: true });
    service.handle({ kind: 'open', dbName: 'service-busy-start', user: actor });
    await new Promise((resolve) => setTimeout(resolve, 50));
    service.handle({ kind: 'search', call: 1, query: 'mailbox', limit: 10 });
    expect(replies).toEqual([{ kind: 'result', call: 1, result: { ids: [], total: 0, complete: false } }]);

    service.handle({ kind: 'hold', held: false });
    await vi.waitFor(() => expect(replies).toContainEqual({ kind: 'ready' }));
    service.handle({ kind: 'search', call: 2, query: 'mailbox', limit: 10 });
    const answer = replies.find((reply) => reply.kind === 'result' && reply.call === 2);
    expect(answer?.kind === 'result' && answer.result).toMatchObject({ total: 3, complete: true });
  });
});
