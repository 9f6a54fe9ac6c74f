// What a support engineer gets from the queue's search box: every ticket whose words match all the
// words typed (whole, begun, or a typo away in longer words, never in numbers), the ticket whose number
// it is first, titles and customers before free text, and the same answers after changes, a save and a load.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../renderer/data/search/search-document';
import { TicketSearchIndex } from '../../../renderer/data/search/ticket-search-index';

function document(id: string, fields: Partial<Omit<SearchDocument, 'id'>>): SearchDocument {
  return {
    id,
    number: '',
    title: '',
    customerName: '',
    tenantDomain: '',
    resellerName: '',
    text: '',
    ...fields,
  };
}

const indexOf = (...documents: SearchDocument[]) => {
  const index = TicketSearchIndex.empty();
  index.upsert(documents);
  return index;
};

describe('TicketSearchIndex', () => {
  it('finds a ticket by its number, and only that one, before tickets that mention it', () => {
    const index = indexOf(
      document('a', { number: 'CSS-100103', title: 'Mailbox full' }),
      document('b', { number: 'CSS-100107', title: 'Mailbox full' }),
      document('c', { number: 'CSS-100200', text: 'Same problem as CSS-100103 last week' }),
    );
    expect(index.search('CSS-100103', 10)).toEqual({ ids: ['a', 'c'], total: 2 });
    expect(index.search('css-1001', 10)).toEqual({ ids: ['b', 'a', 'c'], total: 3 });
  });

  it('needs every word typed, and ranks the title above the free text', () => {
    const index = indexOf(
      document('text', { title: 'Licence question', text: 'Teams phone number porting' }),
      document('title', { title: 'Teams phone cannot dial out' }),
      document('half', { title: 'Teams meeting recording' }),
    );
    expect(index.search('teams phone', 10)).toEqual({ ids: ['title', 'text'], total: 2 });
  });

  it('ranks a whole word above a longer word it only begins', () => {
    const index = indexOf(
      document('longer', { title: 'Sharepoint site locked' }),
      document('whole', { title: 'Share link expired' }),
    );
    expect(index.search('share', 10).ids).toEqual(['whole', 'longer']);
  });

  it('forgives a typo in a longer word, never in a short word or a number', () => {
    const index = indexOf(
      document('outlook', { title: 'Outlook crashes at start' }),
      document('dkim', { title: 'DKIM keys not rotating' }),
      document('number', { number: 'CSS-100107' }),
    );
    expect(index.search('outlok', 10).ids).toEqual(['outlook']);
    expect(index.search('dkym', 10).ids).toEqual([]);
    expect(index.search('CSS-100108', 10).ids).toEqual([]);
  });

  it('among equal matches shows the most recently changed first, capped, with the total', () => {
    const index = indexOf(...['1', '2', '3', '4'].map((id) => document(id, { title: 'Quota exceeded' })));
    index.upsert([document('2', { title: 'Quota exceeded again' })]);
    expect(index.search('quota', 3)).toEqual({ ids: ['2', '4', '3'], total: 4 });
  });

  it('forgets what a changed ticket no longer says and a removed ticket altogether', () => {
    const index = indexOf(document('a', { title: 'Mailbox full' }), document('b', { title: 'Mailbox full' }));
    index.upsert([document('a', { title: 'Licence missing' })]);
    index.remove(['b']);
    expect(index.search('mailbox', 10)).toEqual({ ids: [], total: 0 });
    expect(index.search('licence', 10)).toEqual({ ids: ['a'], total: 1 });
    expect(index.size).toBe(1);
  });

  it('refuses a saved index that is not whole, so the console rebuilds it', () => {
    const saved = indexOf(document('a', { title: 'Mailbox full' })).save();
    expect(() => TicketSearchIndex.load({ ...saved, postings: saved.postings.subarray(1) })).toThrow(/do not match/);
    expect(() => TicketSearchIndex.load({ ...saved, offsets: [0, 1] as unknown as Int32Array })).toThrow(/shape/);
  });

  const WORDS = ['mailbox', 'mail', 'teams', 'tenant', 'sharepoint', 'share', 'contoso', 'css-100103', 'quota'];
  const documentArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    title: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((words) => words.join(' ')),
    text: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((words) => words.join(', ')),
  });
  const stepArb = fc.oneof(
    fc.record({ upsert: fc.array(documentArb, { minLength: 1, maxLength: 4 }) }),
    fc.record({ remove: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 2 }) }),
    fc.record({ reload: fc.constant(true) }),
  );

  it('answers as a plain scan of the tickets would, after any changes, saves and loads', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        let index = TicketSearchIndex.empty();
        const held = new Map<string, SearchDocument>();
        for (const step of steps) {
          if ('upsert' in step) {
            const documents = step.upsert.map((fields) => document(fields.id, fields));
            index.upsert(documents);
            for (const added of documents) held.set(added.id, added);
          } else if ('remove' in step) {
            index.remove(step.remove);
            for (const id of step.remove) held.delete(id);
          } else index = TicketSearchIndex.load(index.save());
        }
        for (const query of ['mail', 'teams', 'share contoso', 'css-100103', 'quota mailbox', 'sharepoint']) {
          const typed = query.split(' ');
          const expected = [...held.values()]
            .filter((held) => {
              const words = `${held.title} ${held.text}`.split(/[ ,]+/);
              return typed.every((word) => words.some((candidate) => candidate.startsWith(word)));
            })
            .map((held) => held.id)
            .sort();
          expect([...index.search(query, 10).ids].sort()).toEqual(expected);
          expect(index.size).toBe(held.size);
        }
      }),
      { numRuns: 200 },
    );
  });
});
