/** The OpenAPI document of the portal API, generated from the shared zod schemas (never written by hand). */
import { z } from 'zod';
import { type ZodOpenApiResponsesObject, type oas31, createDocument } from 'zod-openapi';
import { API_PREFIX } from '../shared/api';
import { LoginRequest, LoginResponse } from '../shared/api/auth';
import { ErrorBody } from '../shared/api/errors';
import { LeadEscalationsResponse } from '../shared/api/lead';
import { IntakeReceipt, IntakeRequest } from '../shared/api/intake';
import {
  MutationResult,
  PUSH_BODY_LIMIT_BYTES,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  TICKET_MAX_BYTES,
  TICKET_MAX_TIMELINE_ENTRIES,
} from '../shared/api/sync';
import { Ticket, TicketNumber } from '../shared/domain/ticket';
import { User } from '../shared/domain/people';
import { TeamContext } from '../shared/domain/team';
import { FollowUpCadence } from '../shared/domain/cadence';
import { Mutation, MutationName, Refusal, RefusalCode, mutations } from '../shared/mutations';
import { CHAT_PAGE_PATH, CHAT_RECEIPT_PATH } from './intake/chat-routes';
import { CHAT_INTAKE_PATH, INTAKE_FORM_PATH, INTAKE_RECEIPT_PATH } from './intake/routes';
import { SCHEDULING_PAGE_PATH } from './scheduling/routes';

/** The health check's answer; the shared contract has no schema for it, it is the server's own. */
export const HealthResponse = z.object({ ok: z.literal(true) });

const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

const error = (description: string) => ({ description, ...json(ErrorBody) });

/** A page of the customer-facing web form: HTML for a browser, not JSON. */
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

/** The failures every endpoint can answer with, besides its own. */
const commonErrors: ZodOpenApiResponsesObject = {
  '500': error('internal: the server failed; the body carries no details'),
};
const authenticatedErrors: ZodOpenApiResponsesObject = {
  '401': error('unauthenticated: the bearer token is missing, unknown or expired; sign in again'),
  ...commonErrors,
};
/** The lead's endpoints: a signed-in engineer is refused. */
const leadErrors: ZodOpenApiResponsesObject = {
  '403': error('forbidden: only a team lead may call this endpoint'),
  ...authenticatedErrors,
};
/** Each mutation's arguments as a schema of its own (AddNoteArgs…), named after the mutation. */
const mutationArgs = Object.fromEntries(
  MutationName.options.map((name) => [`${name.charAt(0).toUpperCase()}${name.slice(1)}Args`, mutations[name].args]),
);

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

/** The page a customer lands on once their request is a ticket. */
const receiptPage = (operationId: string, summary: string) => ({
  get: {
    operationId,
    summary,
    security: [],
    requestParams: { path: z.object({ number: TicketNumber }) },
    responses: { '200': htmlPage('The receipt'), '404': htmlPage('No ticket has this number') },
  },
});

const bodyErrors: ZodOpenApiResponsesObject = {
  '400': error('malformed_json: the body is not JSON; invalid_request: it breaks the schema (see `issues`)'),
  '415': error('invalid_request: the body is not sent as application/json'),
};

export function buildOpenApiDocument(): oas31.OpenAPIObject {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'CSS ticketing portal API',
      version: '1.0.0',
      description:
        'The contract between the CSS Engineer Console and the ticketing portal: sign-in, the sync protocol ' +
        '(pull by server cursor, push of named mutations keyed by client mutation id), and the customer intake ' +
        "(web form and chat) that opens tickets in validation, and the customer's scheduling page of a remote session.",
    },
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token returned by POST /auth/login' },
      },
      schemas: { Ticket, User, Mutation, MutationResult, Refusal, ErrorBody, IntakeReceipt, ...mutationArgs },
    },
    paths: {
      [`${API_PREFIX}/auth/login`]: {
        post: {
          operationId: 'login',
          summary: 'Sign in with e-mail and password; returns a bearer token valid for 12 hours',
          security: [],
          requestBody: { required: true, ...json(LoginRequest) },
          responses: {
            '200': { description: 'Signed in', ...json(LoginResponse) },
            ...bodyErrors,
            '401': error('bad_credentials: the e-mail or the password is wrong (which one is not said)'),
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/sync/pull`]: {
        get: {
          operationId: 'pull',
          summary: "The tickets in the caller's scope changed after the cursor, in change order",
          requestParams: { query: PullQuery },
          responses: {
            '200': {
              description:
                "A page of changed tickets, the tickets that left the scope, how many remain, and the next cursor with its history; `reset` when the cursor sent is not in this server's past (it was restored from a backup, or lost its last changes): the page is then the first from cursor 0",
              ...json(PullResponse),
            },
            '400': error('bad_cursor: the cursor is malformed; invalid_request: a bad limit or history'),
            ...authenticatedErrors,
          },
        },
      },
      [`${API_PREFIX}/sync/push`]: {
        post: {
          operationId: 'push',
          summary: 'Apply named mutations in order, each exactly once; one result per mutation',
          description:
            'Each mutation is applied in its own transaction, in order, and its result is on disk before the answer ' +
            "is sent. A mutation's id is the idempotency key of one change (its name, args and createdAt): sent " +
            'again with the same payload, even twice in one batch, it is answered with its first result and not ' +
            'applied again; sent again with a different payload it is refused with `reused_id` and the id keeps its ' +
            'first change; sent by another user it is refused with `forbidden`. A refusal is final for its id: the ' +
            'same mutation is refused again each time it is sent, never applied later, so a change tried again ' +
            `needs a new id. A change that would take a ticket past ${TICKET_MAX_BYTES / 1024 / 1024} MiB of JSON or ` +
            `${TICKET_MAX_TIMELINE_ENTRIES} timeline entries is refused (\`illegal_transition\`), unless it moves ` +
            'the ticket to a later stage, closing included. A change that offers or books a remote-session time ' +
            'overlapping another confirmed session of the same engineer is refused with `session_overlap` unless its ' +
            '`overlapReason` says why. ' +
            `Mutations: ${MutationName.options.join(', ')} (arguments: components.schemas.<Name>Args). ` +
            `Refusal codes: ${RefusalCode.options.join(', ')}.`,
          requestBody: { required: true, ...json(PushRequest) },
          responses: {
            '200': {
              description: 'The result of each mutation, applied or refused with its reason',
              ...json(PushResponse),
            },
            ...bodyErrors,
            '413': error(
              `invalid_request: the body is larger than ${PUSH_BODY_LIMIT_BYTES / 1024 / 1024} MiB; send fewer mutations at a time`,
            ),
            ...authenticatedErrors,
          },
        },
      },
      [`${API_PREFIX}/team`]: {
        get: {
          operationId: 'team',
          summary: "The caller's team: who its tickets can be assigned to, and the support process's rules",
          responses: {
            '200': { description: 'The team roster and policy', ...json(TeamContext) },
            ...authenticatedErrors,
          },
        },
      },
      [CHAT_INTAKE_PATH]: {
        post: {
          operationId: 'chatIntake',
          summary: 'Open a ticket in validation from a chat; needs no token. Empty customer details are accepted',
          description:
            'Company name, tenant domain, priority and scope may be null or blank: validation then closes the ticket ' +
            'with an explanation. What is given must be well formed, and the reseller must be on file.',
          security: [],
          requestBody: { required: true, ...json(IntakeRequest) },
          responses: {
            '201': { description: 'The ticket was created in its team queue', ...json(IntakeReceipt) },
            ...bodyErrors,
            '413': error('invalid_request: the body is larger than 256 KiB'),
            ...commonErrors,
          },
        },
      },
      [INTAKE_FORM_PATH]: {
        get: {
          operationId: 'intakeForm',
          summary: "The customer's web form for a support request (HTML)",
          security: [],
          responses: { '200': htmlPage('The form, listing the resellers, priorities and product areas') },
        },
        post: {
          operationId: 'submitIntakeForm',
          summary: 'Open a ticket in validation from the web form; the browser is sent on to the receipt page',
          security: [],
          requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: IntakeRequest } } },
          responses: {
            '303': {
              description: 'Created: Location is the receipt page of the new ticket',
              headers: z.object({ location: z.string().meta({ description: `${INTAKE_RECEIPT_PATH}/{number}` }) }),
            },
            '400': htmlPage(
              'The form again, with the message of each failing field and the entries kept; nothing is created',
            ),
            '413': htmlPage('The body is larger than 256 KiB'),
            '415': htmlPage('The body is not sent as application/x-www-form-urlencoded'),
            '500': htmlPage('The server failed; nothing is created'),
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
          responses: { '200': htmlPage('The first question') },
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
            '303': {
              description: 'Created: Location is the receipt page of the new ticket',
              headers: z.object({ location: z.string().meta({ description: `${CHAT_RECEIPT_PATH}/{number}` }) }),
            },
            '400': htmlPage('The same question again, with the message of the invalid answer; nothing is created'),
            '413': htmlPage('The body is larger than 256 KiB'),
            '500': htmlPage('The server failed; nothing is created'),
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
            '404': htmlPage('This scheduling link is not valid'),
            '409': htmlPage(
              'Not booked, nothing changed: the time is no longer free, not offered, or passed, or the proposal is ' +
                'booked, withdrawn or expired',
            ),
          },
        },
      },
      [`${SCHEDULING_PATH}/other-times`]: {
        post: {
          operationId: 'askForOtherTimes',
          summary:
            "The customer asks for other times: the proposal is withdrawn, their message on the ticket's timeline",
          security: [],
          requestParams: tokenParam,
          requestBody: formBody(z.object({ message: z.string().max(2000), zone: z.string().optional() })),
          responses: {
            '303': seeOther('Sent: back to the page, which shows the request'),
            '400': htmlPage('The message is empty or too long; nothing changed'),
            '404': htmlPage('This scheduling link is not valid'),
            '409': htmlPage('The proposal is no longer open; nothing changed'),
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
          },
        },
      },
      [`${API_PREFIX}/lead/escalations`]: {
        get: {
          operationId: 'leadEscalations',
          summary:
            "Team lead only: the team's tickets escalated to Microsoft with their case open, most urgent first, " +
            "with the cadence flags computed at the server's clock",
          responses: {
            '200': {
              description: 'The escalated tickets, the cadence used and the instant of the flags',
              ...json(LeadEscalationsResponse),
            },
            ...leadErrors,
          },
        },
      },
      [`${API_PREFIX}/cadence`]: {
        get: {
          operationId: 'cadence',
          summary:
            "The caller's team follow-up cadence (hours per severity, Microsoft silent after); the default until set",
          responses: {
            '200': { description: 'The follow-up cadence', ...json(FollowUpCadence) },
            ...authenticatedErrors,
          },
        },
      },
      [`${API_PREFIX}/lead/cadence`]: {
        put: {
          operationId: 'setCadence',
          summary: "Team lead only: set the team's follow-up cadence",
          requestBody: { required: true, ...json(FollowUpCadence) },
          responses: {
            '200': { description: 'The cadence as stored', ...json(FollowUpCadence) },
            ...bodyErrors,
            ...leadErrors,
          },
        },
      },
      [`${API_PREFIX}/health`]: {
        get: {
          operationId: 'health',
          summary: 'Whether the server is up; needs no token',
          security: [],
          responses: { '200': { description: 'Up', ...json(HealthResponse) }, ...commonErrors },
        },
      },
      [`${API_PREFIX}/openapi.json`]: {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'The OpenAPI 3.1 document', ...json(z.looseObject({})) } },
        },
      },
    },
  });
}
