/**
 * A page of pulled tickets as the console checks it on arrival. The server validated every record
 * when it was written, so each is checked here only for what the queue reads of it (SUMMARIZED_FIELDS);
 * the whole record is parsed when the ticket is first opened (LocalStore.ticketView), where a damaged
 * one is set aside and pulled again.
 */
import { z } from 'zod';
import { PullResponse } from '../../shared/api';
import { Ticket } from '../../shared/domain';
import { SUMMARIZED_FIELDS } from './summary';

export const PulledPage = PullResponse.extend({
  tickets: z.array(Ticket.pick(SUMMARIZED_FIELDS).loose()),
});

/** The page, its tickets typed as the server's records: checked in full when read back (see above). */
export type PulledTickets = Omit<PullResponse, 'tickets'> & { tickets: Ticket[] };
