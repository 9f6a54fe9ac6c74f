/**
 * The customer's scheduling page behind a private link: GET shows it, POST books a time or asks for other
 * times (post, redirect, get), and the booked session's calendar invite is a download.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { schedulingPath } from '../../shared/domain/remote-session';
import { sessionIcs } from '../../shared/domain/session-ics';
import type { Actor } from '../../shared/domain/people';
import { TimeZone, type Clock } from '../../shared/domain/time';
import type { PortalDatabase } from '../db';
import { formText, registerPages, sendPage } from '../intake/page-scope';
import {
  type CustomerOutcome,
  type LinkedSession,
  askOtherTimes,
  availabilityOf,
  bookSlot,
  findLinkedSession,
  linkState,
} from './customer-link';
import { renderInvalidLink, renderScheduling, renderSchedulingProblem } from './scheduling-page';

/** The page of a link: its token is the last part of the path. */
export const SCHEDULING_PAGE_PATH = schedulingPath(':token');

/** A message asking for other times is at most 2,000 characters: room for that however it is encoded. */
export const SCHEDULING_BODY_LIMIT = 64 * 1024;

type TokenRequest = { Params: { token: string } };

/** The zone to show the times in: the one asked for when it is a zone, the customer's otherwise. */
function displayZone(asked: string | undefined, own: string): { zone: string; zoneProblem: string | null } {
  if (asked === undefined || asked.trim() === '' || asked === own) return { zone: own, zoneProblem: null };
  if (TimeZone.safeParse(asked).success) return { zone: asked, zoneProblem: null };
  const shown = asked.length > 60 ? `${asked.slice(0, 60)}…` : asked;
  return {
    zone: own,
    zoneProblem: `“${shown}” is not a time zone this page knows, so the times are shown in ${own}. Choose a zone from the list.`,
  };
}

const UserRow = z.object({ name: z.string(), email: z.string() });

export function registerSchedulingRoutes(app: FastifyInstance, { db, clock }: { db: PortalDatabase; clock: Clock }) {
  /** The invite's organiser: the engineer as on file, or as the session names them once they have left. */
  const organizerOf = async (engineer: Actor) => {
    const row = await db.sql.get('SELECT name, email FROM users WHERE id = ?', [engineer.id]);
    return row === undefined ? { name: engineer.name } : UserRow.parse(row);
  };

  const pageOf = (token: string) => schedulingPath(token);

  async function showPage(
    reply: FastifyReply,
    status: number,
    token: string,
    linked: LinkedSession,
    extra: { zone?: string; problem?: string; request?: string; requestProblem?: string } = {},
  ) {
    const now = clock();
    const state = linkState(linked, now);
    const slots = [];
    if (state === 'open') {
      for (const slot of linked.current.proposedSlots) {
        slots.push({ slot, availability: await availabilityOf(db, linked, slot, now) });
      }
    }
    const view = {
      path: pageOf(token),
      state,
      ticket: linked.ticket,
      offered: linked.offered,
      current: linked.current,
      ...displayZone(extra.zone, linked.ticket.endCustomer.timeZone),
      problem: extra.problem ?? null,
      slots,
      request: extra.request ?? '',
      requestProblem: extra.requestProblem ?? null,
    };
    return sendPage(reply, status, renderScheduling(view));
  }

  /**
   * After a post: back to the page (in the zone read) when it was saved; otherwise the page with the
   * reason, and the message asking for other times as typed.
   */
  async function answer(reply: FastifyReply, token: string, outcome: CustomerOutcome, body: unknown) {
    const zone = formText(body, 'zone');
    if (outcome.ok) {
      const query = zone === undefined || zone === '' ? '' : `?zone=${encodeURIComponent(zone)}`;
      return reply.redirect(`${pageOf(token)}${query}`, 303);
    }
    const linked = 'problem' in outcome ? await findLinkedSession(db, token) : null;
    if (linked === null || !('problem' in outcome)) return sendPage(reply, 404, renderInvalidLink());
    const request = formText(body, 'message');
    return outcome.atMessage
      ? showPage(reply, 400, token, linked, { zone, request, requestProblem: outcome.problem })
      : showPage(reply, 409, token, linked, { zone, request, problem: outcome.problem });
  }

  registerPages(app, { name: 'scheduling page', problemPage: renderSchedulingProblem }, (pages) => {
    pages.get<TokenRequest & { Querystring: { zone?: unknown } }>(SCHEDULING_PAGE_PATH, async (request, reply) => {
      const { token } = request.params;
      const linked = await findLinkedSession(db, token);
      if (linked === null) return sendPage(reply, 404, renderInvalidLink());
      const zone = typeof request.query.zone === 'string' ? request.query.zone : undefined;
      return showPage(reply, 200, token, linked, { zone });
    });

    pages.post<TokenRequest>(
      `${SCHEDULING_PAGE_PATH}/book`,
      { bodyLimit: SCHEDULING_BODY_LIMIT },
      async (request, reply) => {
        const { token } = request.params;
        const outcome = await bookSlot(db, token, formText(request.body, 'slot'), clock());
        return answer(reply, token, outcome, request.body);
      },
    );

    pages.post<TokenRequest>(
      `${SCHEDULING_PAGE_PATH}/other-times`,
      { bodyLimit: SCHEDULING_BODY_LIMIT },
      async (request, reply) => {
        const { token } = request.params;
        const message = formText(request.body, 'message') ?? '';
        const outcome = await askOtherTimes(db, token, message, clock());
        return answer(reply, token, outcome, request.body);
      },
    );

    pages.get<TokenRequest>(`${SCHEDULING_PAGE_PATH}/invite.ics`, async (request, reply) => {
      const linked = await findLinkedSession(db, request.params.token);
      if (linked === null) return sendPage(reply, 404, renderInvalidLink());
      const { ticket, current } = linked;
      const organizer = await organizerOf(current.engineer);
      const invite = sessionIcs({ ticket, session: current, organizer, now: clock() });
      if (!invite.ok) {
        return showPage(reply, 404, request.params.token, linked, {
          problem: 'There is no calendar invite for this session yet: book a time first.',
        });
      }
      return reply
        .code(200)
        .headers({
          'content-type': `text/calendar; charset=utf-8; method=${current.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
          'content-disposition': `attachment; filename="${invite.fileName}"`,
          'x-content-type-options': 'nosniff',
        })
        .send(invite.text);
    });
  });
}
