// New High and Critical tickets in the engineer's queue become desktop notifications, each once.
import { describe, expect, it } from 'vitest';
import { newUrgentTickets } from '../../../renderer/data/new-ticket-alerts';
import { summarize } from '../../../renderer/data/summary';
import { ENGINEER, FIXED_NOW, makeTicket } from '../../fixtures/tickets';

const opened = new Date(FIXED_NOW);
const later = '2025-03-10T09:05:00.000Z';
const earlier = '2025-03-10T08:55:00.000Z';
const row = (overrides: Parameters<typeof makeTicket>[0]) => summarize(makeTicket(overrides), 0);

describe('newUrgentTickets', () => {
  it('announces a Critical ticket created since the console opened, with its ticket to open', () => {
    const ticket = row({
      id: '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44',
      priority: 'critical',
      assignee: null,
      createdAt: later,
    });
    expect(newUrgentTickets([ticket], ENGINEER.id, opened, new Set())).toEqual([
      {
        title: `New Critical ticket: ${ticket.number}`,
        body: `${ticket.customerName ?? ticket.resellerName}: ${ticket.title}`,
        tag: `new-ticket:${ticket.id}`,
        ticketId: ticket.id,
      },
    ]);
  });

  it.each([
    ['a Normal priority', { priority: 'normal' as const, createdAt: later }],
    ['a ticket older than this session', { priority: 'high' as const, createdAt: earlier }],
    [
      "another engineer's ticket",
      { priority: 'high' as const, createdAt: later, assignee: { id: 'user-marco', name: 'Marco' } },
    ],
  ])('leaves out %s', (_case, overrides) => {
    expect(newUrgentTickets([row(overrides)], ENGINEER.id, opened, new Set())).toEqual([]);
  });

  it('announces each ticket once', () => {
    const ticket = row({ priority: 'high', createdAt: later });
    expect(newUrgentTickets([ticket], ENGINEER.id, opened, new Set([ticket.id]))).toEqual([]);
  });
});
