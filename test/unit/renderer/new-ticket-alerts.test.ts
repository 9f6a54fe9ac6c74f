// New tickets in the engineer's queue are found once each; High and Critical ones become desktop notifications.
import { describe, expect, it } from 'vitest';
import { arrivalNotice, newArrivals } from '../../../renderer/data/new-ticket-alerts';
import { summarize } from '../../../renderer/data/summary';
import { ENGINEER, FIXED_NOW, makeTicket } from '../../fixtures/tickets';

const opened = new Date(FIXED_NOW);
const later = '2025-03-10T09:05:00.000Z';
const earlier = '2025-03-10T08:55:00.000Z';
const row = (overrides: Parameters<typeof makeTicket>[0]) => summarize(makeTicket(overrides), 0);

describe('newArrivals', () => {
  it('finds a ticket created since the console opened, in the team queue or assigned to the engineer', () => {
    const queued = row({ id: '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44', assignee: null, createdAt: later });
    const mine = row({ id: '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e45', assignee: ENGINEER, createdAt: later });
    expect(newArrivals([queued, mine], ENGINEER.id, opened, new Set())).toEqual([queued, mine]);
  });

  it.each([
    ['a ticket older than this session', { createdAt: earlier }],
    ["another engineer's ticket", { createdAt: later, assignee: { id: 'user-marco', name: 'Marco' } }],
    ['a closed ticket', { createdAt: later, stage: 'closed' as const }],
  ])('leaves out %s', (_case, overrides) => {
    expect(newArrivals([row(overrides)], ENGINEER.id, opened, new Set())).toEqual([]);
  });

  it('finds each ticket once', () => {
    const ticket = row({ createdAt: later });
    expect(newArrivals([ticket], ENGINEER.id, opened, new Set([ticket.id]))).toEqual([]);
  });
});

describe('arrivalNotice', () => {
  it('announces a Critical ticket with its ticket to open', () => {
    const ticket = row({ priority: 'critical', createdAt: later });
    expect(arrivalNotice(ticket)).toEqual({
      title: `New Critical ticket: ${ticket.number}`,
      body: `${ticket.customerName ?? ticket.resellerName}: ${ticket.title}`,
      tag: `new-ticket:${ticket.id}`,
      ticketId: ticket.id,
    });
  });

  it('lets a Normal or Low ticket arrive without interrupting', () => {
    expect(arrivalNotice(row({ priority: 'normal' }))).toBeNull();
    expect(arrivalNotice(row({ priority: 'low' }))).toBeNull();
  });
});
