/**
 * A page of pulled tickets as the console checks it on arrival. The server validated every record
 * when it was written, so each is checked here only for what the console reads of it before it is
 * opened: which change of the ticket it is, and what its queue row is made of (SummarySource). The row
 * is made from what was checked, once (pulledRow). The record kept is the one the server sent; the
 * whole of it is parsed when the ticket is first opened (LocalStore.ticketView), where a damaged one is
 * set aside and pulled again.
 */
import { z } from 'zod';
import { PullResponse } from '../../shared/api';
import { Ticket } from '../../shared/domain';
import { SummarySource, summarize, type TicketSummary } from './summary';

/** The row's sources and which change of the ticket this is; nothing else of the record is read or copied. */
const Checked = SummarySource.extend(Ticket.pick({ version: true, serverSeq: true }).shape);

/** Rows made while their page was checked, for the store to keep instead of making them again. */
const checkedRows = new WeakMap<Ticket, TicketSummary>();

/**
 * A pulled record, checked for what the console reads of it. Typed as the whole ticket it claims to
 * be: the rest of it is checked when the ticket is first opened (see above).
 */
const PulledTicket = z
  .custom<Ticket>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'a ticket must be an object',
    abort: true,
  })
  .superRefine((ticket, ctx) => {
    const checked = Checked.safeParse(ticket);
    if (checked.success) {
      checkedRows.set(ticket, summarize(checked.data, 0));
      return;
    }
    for (const { message, path } of checked.error.issues)
      ctx.addIssue({ code: 'custom', message, path, input: ticket });
  });

export const PulledPage = PullResponse.extend({ tickets: z.array(PulledTicket) });

export type PulledTickets = z.infer<typeof PulledPage>;

/** A pulled ticket's queue row as the server has it (no change of the user's outstanding). */
export function pulledRow(ticket: Ticket): TicketSummary {
  return checkedRows.get(ticket) ?? summarize(ticket, 0);
}
