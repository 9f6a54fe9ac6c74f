/** The customer's pages in the OpenAPI document: the intake form, the chat, the receipts and the scheduling page, all HTML. */
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { IntakeRequest } from '../../shared/api/intake';
import { TicketNumber } from '../../shared/domain/ticket';
import { CHAT_PAGE_PATH, CHAT_RECEIPT_PATH } from '../intake/chat-routes';
import {
  INTAKE_BODY_LIMIT,
  INTAKE_FORM_PATH,
  INTAKE_RECEIPT_PATH,
  INTAKE_REQUESTS_PER_ADDRESS,
  INTAKE_WINDOW_MS,
} from '../intake/routes';
import { SCHEDULING_BODY_LIMIT, SCHEDULING_PAGE_PATH } from '../scheduling/routes';
import { formErrors, htmlPage, pageErrors, rateLimitedPage } from './responses';

/** The customer's scheduling page, in OpenAPI's path syntax. */
const SCHEDULING_PATH = SCHEDULING_PAGE_PATH.replace(':token', '{token}');
const tokenParam = { path: z.object({ token: z.string().meta({ description: 'The secret of the scheduling link' }) }) };
const formBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema } },
});
const seeOther = (description: string) => ({
  description,
  headers: z.object({
    location: z.string().meta({ description: `${SCHEDULING_PATH}, with ?zone= when one was chosen` }),
  }),
});
const created = (receiptPath: string) => ({
  description: 'Created: Location is the receipt page of the new ticket',
  headers: z.object({ location: z.string().meta({ description: `${receiptPath}/{number}` }) }),
});
/** The intake's limit on new requests, as the form and the chat page answer it. */
export const INTAKE_LIMIT_DESCRIPTION =
  `Nothing is created: ${INTAKE_REQUESTS_PER_ADDRESS} requests were opened from this address, through any of the ` +
  `intake's doors, within ${INTAKE_WINDOW_MS / 60_000} minutes`;
const unreadable = htmlPage("The body's length is not its Content-Length; nothing was changed");

/** The page a customer lands on once their request is a ticket. */
const receiptPage = (operationId: string, summary: string) => ({
  get: {
    operationId,
    summary,
    security: [],
    requestParams: { path: z.object({ number: TicketNumber }) },
    responses: { '200': htmlPage('The receipt'), '404': htmlPage('No ticket has this number'), ...pageErrors },
  },
});

export const customerPages: ZodOpenApiPathsObject = {
  [INTAKE_FORM_PATH]: {
    get: {
      operationId: 'intakeForm',
      summary: "The customer's web form for a support request (HTML)",
      security: [],
      responses: { '200': htmlPage('The form, listing the resellers, priorities and product areas'), ...pageErrors },
    },
    post: {
      operationId: 'submitIntakeForm',
      summary: 'Open a ticket in validation from the web form; the browser is sent on to the receipt page',
      security: [],
      requestBody: formBody(IntakeRequest),
      responses: {
        '303': created(INTAKE_RECEIPT_PATH),
        '400': htmlPage(
          'The form again, with the message of each failing field and the entries kept; nothing is created',
        ),
        '429': rateLimitedPage(INTAKE_LIMIT_DESCRIPTION),
        ...formErrors(INTAKE_BODY_LIMIT),
      },
    },
  },
  [`${INTAKE_RECEIPT_PATH}/{number}`]: receiptPage(
    'intakeReceipt',
    'The receipt page a customer lands on after the web form: the number of their request (HTML)',
  ),
  [CHAT_PAGE_PATH]: {
    get: {
      operationId: 'chatPage',
      summary: "The customer's chat page (HTML): the intake's questions one at a time, no script needed",
      security: [],
      responses: { '200': htmlPage('The first question'), ...pageErrors },
    },
    post: {
      operationId: 'answerChat',
      summary:
        'Answer a question (answers so far in hidden fields); the last step creates a ticket as the chat intake does',
      description:
        'Fields: the intake fields answered so far, `asking` and `answer` for the new answer, `change` to ask a ' +
        'question again, `send=yes` to create the request. An invalid answer is asked again with the message the ' +
        'intake gives for that field.',
      security: [],
      requestBody: formBody(z.looseObject({})),
      responses: {
        '200': htmlPage('The transcript and the next question, or the answers to check before sending'),
        '303': created(CHAT_RECEIPT_PATH),
        '400': htmlPage('The same question again, with the message of the invalid answer; nothing is created'),
        '429': rateLimitedPage(`${INTAKE_LIMIT_DESCRIPTION} (answering is not limited, only sending)`),
        ...formErrors(INTAKE_BODY_LIMIT),
      },
    },
  },
  [`${CHAT_RECEIPT_PATH}/{number}`]: receiptPage(
    'chatReceipt',
    'The receipt page after the chat: the number of the request (HTML)',
  ),
  [SCHEDULING_PATH]: {
    get: {
      operationId: 'schedulingPage',
      summary:
        "The customer's scheduling page of a proposal (HTML): the offered times in the customer's time zone, or " +
        'in `zone`, with working hours; or the booking, once booked',
      security: [],
      requestParams: {
        ...tokenParam,
        query: z.object({
          zone: z.string().optional().meta({ description: 'An IANA time zone to show the times in' }),
        }),
      },
      responses: {
        '200': htmlPage('The page as the proposal stands: open, booked, moved, cancelled, expired or closed'),
        '404': htmlPage('This scheduling link is not valid'),
        ...pageErrors,
      },
    },
  },
  [`${SCHEDULING_PATH}/book`]: {
    post: {
      operationId: 'bookSession',
      summary: 'The customer books one of the offered times; the console pulls the confirmed session',
      security: [],
      requestParams: tokenParam,
      requestBody: formBody(
        z.object({
          slot: z.string().meta({ description: 'start/end of an offered time, ISO-8601 UTC' }),
          zone: z.string().optional(),
        }),
      ),
      responses: {
        '303': seeOther('Booked: back to the page, which shows the booking'),
        '400': unreadable,
        '404': htmlPage('This scheduling link is not valid'),
        '409': htmlPage(
          'Not booked, nothing changed: the time is no longer free, not offered, or passed, or the proposal is ' +
            'booked, withdrawn or expired',
        ),
        ...formErrors(SCHEDULING_BODY_LIMIT),
      },
    },
  },
  [`${SCHEDULING_PATH}/other-times`]: {
    post: {
      operationId: 'askForOtherTimes',
      summary: "The customer asks for other times: the proposal is withdrawn, their message on the ticket's timeline",
      security: [],
      requestParams: tokenParam,
      requestBody: formBody(z.object({ message: z.string().max(2000), zone: z.string().optional() })),
      responses: {
        '303': seeOther('Sent: back to the page, which shows the request'),
        '400': htmlPage('The message is empty or too long; nothing changed'),
        '404': htmlPage('This scheduling link is not valid'),
        '409': htmlPage('The proposal is no longer open; nothing changed'),
        ...formErrors(SCHEDULING_BODY_LIMIT),
      },
    },
  },
  [`${SCHEDULING_PATH}/invite.ics`]: {
    get: {
      operationId: 'sessionInvite',
      summary:
        'The calendar invite of the booked session (REQUEST; the same UID with a higher SEQUENCE once moved; a ' +
        'CANCEL once cancelled)',
      security: [],
      requestParams: tokenParam,
      responses: {
        '200': {
          description: 'The .ics file, as an attachment',
          content: { 'text/calendar': { schema: z.string() } },
        },
        '404': htmlPage('The link is not valid, or the session has no time booked'),
        ...pageErrors,
      },
    },
  },
};
