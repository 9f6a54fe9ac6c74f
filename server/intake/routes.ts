/** The customer's doors into the portal, neither needing a sign-in: the web form (HTML) and the chat intake (JSON). */
import { parse as parseFormBody } from 'node:querystring';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { API_PREFIX } from '../../shared/api';
import type { FieldIssue } from '../../shared/api/errors';
import { INTAKE_FIELDS, IntakeReceipt, type IntakeField } from '../../shared/api/intake';
import { TicketNumber } from '../../shared/domain/ticket';
import type { Clock } from '../../shared/domain/time';
import type { PortalDatabase } from '../db';
import { HttpError, sendParsed } from '../http';
import { createIntakeTicket, readIntake } from './create';
import { renderIntakeForm, renderProblem, renderReceipt } from './form';
import { IntakeStore } from './store';

export const INTAKE_FORM_PATH = '/intake';
export const INTAKE_RECEIPT_PATH = `${INTAKE_FORM_PATH}/received`;
export const CHAT_INTAKE_PATH = `${API_PREFIX}/intake/chat`;

/**
 * Anyone may post here, so bodies are capped: room for the longest valid request however it is encoded
 * (20,000 characters of description, percent-encoded), and for an overlong one to come back as a field error.
 */
export const INTAKE_BODY_LIMIT = 256 * 1024;

/** The pages need no script, so none may run: an escaping slip could not become an attack. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

const sendPage = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).headers(PAGE_HEADERS).send(body);

/** The values as typed, to put back in the form; a field sent twice is not a value the form can show. */
function enteredValues(body: unknown): Partial<Record<IntakeField, string>> {
  const record: Partial<Record<string, unknown>> = typeof body === 'object' && body !== null ? body : {};
  return Object.fromEntries(
    INTAKE_FIELDS.flatMap((name) => {
      const value = record[name];
      return typeof value === 'string' ? [[name, value]] : [];
    }),
  );
}

export function registerIntakeRoutes(app: FastifyInstance, { db, clock }: { db: PortalDatabase; clock: Clock }): void {
  const store = new IntakeStore(db);
  // A plugin scope of its own, so that form bodies are accepted here and nowhere else in the API, and its
  // failures are answered with a page the customer can read rather than JSON.
  void app.register((form, _options, done) => {
    form.removeAllContentTypeParsers();
    form.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, parsed) =>
      parsed(null, parseFormBody(String(body))),
    );
    form.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'intake form failed');
      return sendPage(reply, status, renderProblem(status, INTAKE_FORM_PATH));
    });

    const showForm = (
      reply: FastifyReply,
      status: number,
      entered: Partial<Record<IntakeField, string>>,
      issues: FieldIssue[],
    ) =>
      sendPage(
        reply,
        status,
        renderIntakeForm({ action: INTAKE_FORM_PATH, resellers: store.resellers(), entered, issues }),
      );

    form.get(INTAKE_FORM_PATH, (_request, reply) => showForm(reply, 200, {}, []));

    form.post(INTAKE_FORM_PATH, { bodyLimit: INTAKE_BODY_LIMIT }, (request, reply) => {
      // A post with no body at all is a form with every field empty.
      const body = request.body ?? {};
      const intake = readIntake(store, body);
      if (!intake.ok) return showForm(reply, 400, enteredValues(body), intake.issues);
      const ticket = createIntakeTicket(store, intake, 'web_form', clock());
      // Post, redirect, get: reloading the receipt cannot send the request a second time.
      return reply.redirect(`${INTAKE_RECEIPT_PATH}/${ticket.number}`, 303);
    });

    form.get<{ Params: { number: string } }>(`${INTAKE_RECEIPT_PATH}/:number`, (request, reply) => {
      const number = TicketNumber.safeParse(request.params.number);
      if (!number.success || !store.ticketNumberExists(number.data)) {
        throw new HttpError(404, 'not_found', `no request ${request.params.number}`);
      }
      return sendPage(reply, 200, renderReceipt(number.data, INTAKE_FORM_PATH));
    });
    done();
  });

  app.post(CHAT_INTAKE_PATH, { bodyLimit: INTAKE_BODY_LIMIT }, (request, reply) => {
    const intake = readIntake(store, request.body);
    if (!intake.ok) {
      throw new HttpError(
        400,
        'invalid_request',
        'the chat intake request is not valid: see each field',
        intake.issues,
      );
    }
    const ticket = createIntakeTicket(store, intake, 'chat', clock());
    return sendParsed(reply, IntakeReceipt, { id: ticket.id, number: ticket.number }, 201);
  });
}
