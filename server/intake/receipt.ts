/** The receipt page a requester lands on once their request is a ticket, whichever page they used. */
import type { FastifyInstance } from 'fastify';
import { TicketNumber } from '../../shared/domain/ticket';
import { HttpError } from '../http';
import { renderReceipt } from './form';
import { sendPage } from './page-scope';
import type { IntakeStore } from './store';

/** GET `path`/:number: the request's number, and the way back to `backPath` for another one. */
export function registerReceipt(pages: FastifyInstance, store: IntakeStore, path: string, backPath: string): void {
  pages.get<{ Params: { number: string } }>(`${path}/:number`, async (request, reply) => {
    const number = TicketNumber.safeParse(request.params.number);
    if (!number.success || !(await store.ticketNumberExists(number.data))) {
      throw new HttpError(404, 'not_found', `no request ${request.params.number}`);
    }
    return sendPage(reply, 200, renderReceipt(number.data, backPath));
  });
}
