/** The customer's doors into the portal, none needing a sign-in: the web form and the chat page (HTML), the chat intake (JSON). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { API_PREFIX } from '../../shared/api';
import type { FieldIssue } from '../../shared/api/errors';
import { INTAKE_FIELDS, IntakeReceipt, type IntakeField } from '../../shared/api/intake';
import type { Clock } from '../../shared/domain/time';
import type { PortalDatabase } from '../db';
import { HttpError, sendParsed } from '../http';
import { createLimit, inSeconds } from '../rate-limits';
import { CHAT_PAGE_PATH, registerChatPage } from './chat-routes';
import { createIntakeTicket, readIntake } from './create';
import { renderIntakeForm, renderProblem } from './form';
import { formValues, registerPages, sendPage } from './page-scope';
import { registerReceipt } from './receipt';
import { IntakeStore } from './store';

export const INTAKE_FORM_PATH = '/intake';
export const INTAKE_RECEIPT_PATH = `${INTAKE_FORM_PATH}/received`;
export const CHAT_INTAKE_PATH = `${API_PREFIX}/intake/chat`;

/**
 * Anyone may post here, so bodies are capped: room for the longest valid request however it is encoded
 * (20,000 characters of description, percent-encoded), and for an overlong one to come back as a field error.
 */
export const INTAKE_BODY_LIMIT = 256 * 1024;

/**
 * New requests one address may open in a window, through any door: each lands in every console of its
 * team, so one client must not flood them (a helpdesk behind one address still has room for a busy morning).
 */
export const INTAKE_REQUESTS_PER_ADDRESS = 10;
export const INTAKE_WINDOW_MS = 10 * 60_000;

export function registerIntakeRoutes(app: FastifyInstance, { db, clock }: { db: PortalDatabase; clock: Clock }): void {
  const store = new IntakeStore(db);
  const limit = createLimit({
    db,
    clock,
    name: 'support requests by address',
    max: INTAKE_REQUESTS_PER_ADDRESS,
    windowMs: INTAKE_WINDOW_MS,
    refusal: (seconds) =>
      `too many support requests were opened from your address in the last ${INTAKE_WINDOW_MS / 60_000} minutes: ` +
      `send this one again in ${inSeconds(seconds)}`,
  });
  const problemPage = (status: number) => renderProblem(status, INTAKE_FORM_PATH);
  registerPages(app, { name: 'intake form', problemPage }, (form) => {
    const showForm = async (
      reply: FastifyReply,
      status: number,
      entered: Partial<Record<IntakeField, string>>,
      issues: FieldIssue[],
    ) =>
      sendPage(
        reply,
        status,
        renderIntakeForm({
          action: INTAKE_FORM_PATH,
          chatPath: CHAT_PAGE_PATH,
          resellers: await store.resellers(),
          entered,
          issues,
        }),
      );

    form.get(INTAKE_FORM_PATH, (_request, reply) => showForm(reply, 200, {}, []));

    form.post(INTAKE_FORM_PATH, { bodyLimit: INTAKE_BODY_LIMIT }, async (request, reply) => {
      return limit.guard(request, reply, async (count) => {
        // A post with no body at all is a form with every field empty.
        const body = request.body ?? {};
        const intake = await readIntake(store, body);
        if (!intake.ok) return showForm(reply, 400, formValues(body, INTAKE_FIELDS), intake.issues);
        const ticket = await createIntakeTicket(store, intake, 'web_form', clock());
        count();
        // Post, redirect, get: reloading the receipt cannot send the request a second time.
        return reply.redirect(`${INTAKE_RECEIPT_PATH}/${ticket.number}`, 303);
      });
    });

    registerReceipt(form, store, INTAKE_RECEIPT_PATH, INTAKE_FORM_PATH);
  });
  registerChatPage(app, { store, clock, limit, formPath: INTAKE_FORM_PATH, bodyLimit: INTAKE_BODY_LIMIT });

  app.post(CHAT_INTAKE_PATH, { bodyLimit: INTAKE_BODY_LIMIT }, async (request, reply) => {
    return limit.guard(request, reply, async (count) => {
      const intake = await readIntake(store, request.body);
      if (!intake.ok) {
        throw new HttpError(
          400,
          'invalid_request',
          'the chat intake request is not valid: see each field',
          intake.issues,
        );
      }
      const ticket = await createIntakeTicket(store, intake, 'chat', clock());
      count();
      return sendParsed(reply, IntakeReceipt, { id: ticket.id, number: ticket.number }, 201);
    });
  });
}
