/**
 * A page of pulled tickets as the console checks it on arrival. The server validated every record
 * when it was written, so each is checked here only for what the console reads of it before it is
 * opened: its change counters and its queue row, which is made here once and checked (pulledRow).
 * The whole record is parsed when the ticket is first opened (LocalStore.ticketView), where a damaged
 * one is set aside and pulled again.
 */
import { z } from 'zod';
import { PullResponse } from '../../shared/api';
import { Ticket } from '../../shared/domain';
import { TicketSummary, summarize } from './summary';

/** What the local copy reads of a pulled record besides its row: which change of the ticket it is. */
const Counters = Ticket.pick({ version: true, serverSeq: true });

/** Rows made while their page was checked, for the store to keep instead of making them again. */
const checkedRows = new WeakMap<Ticket, TicketSummary>();

const PulledTicket = z.custom<Ticket>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: 'a ticket must be an object',
});

export const PulledPage = PullResponse.extend({
  tickets: z.array(
    PulledTicket.superRefine((ticket, ctx) => {
      const issues: { message: string; path: PropertyKey[] }[] = Counters.safeParse(ticket).error?.issues ?? [];
      try {
        const row = summarize(ticket, 0);
        const checked = TicketSummary.safeParse(row);
        if (checked.success) checkedRows.set(ticket, row);
        else issues.push(...checked.error.issues);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        issues.push({ message: `its queue row cannot be made from it (${why})`, path: [] });
      }
      for (const { message, path } of issues) ctx.addIssue({ code: 'custom', message, path, input: ticket });
    }),
  ),
});

/** The page, its tickets typed as the server's records: checked in full when read back (see above). */
export type PulledTickets = z.infer<typeof PulledPage>;

/** A pulled ticket's queue row as the server has it (no change of the user's outstanding). */
export function pulledRow(ticket: Ticket): TicketSummary {
  return checkedRows.get(ticket) ?? summarize(ticket, 0);
}
