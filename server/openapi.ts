/** The OpenAPI document of the portal API, generated from the shared zod schemas (never written by hand). */
import { HEARTBEAT_MS } from './changes-stream';
import { z } from 'zod';
import { type oas31, createDocument } from 'zod-openapi';
import { API_PREFIX } from '../shared/api';
import { LoginRequest, LoginResponse } from '../shared/api/auth';
import { ErrorBody } from '../shared/api/errors';
import { LeadEscalationsResponse } from '../shared/api/lead';
import { IntakeReceipt, IntakeRequest } from '../shared/api/intake';
import {
  MutationResult,
  PULL_LIMIT_MAX,
  PUSH_BATCH_BYTES,
  PUSH_BATCH_MAX,
  PUSH_BODY_LIMIT_BYTES,
  PullQuery,
  PullResponse,
  PushResponse,
} from '../shared/api/sync';
import { Ticket } from '../shared/domain/ticket';
import { User } from '../shared/domain/people';
import { TeamContext } from '../shared/domain/team';
import { FollowUpCadence } from '../shared/domain/cadence';
import { Mutation, Refusal } from '../shared/mutations';
import { DEFAULT_BODY_LIMIT_BYTES, formatBytes } from './http';
import { CHAT_INTAKE_PATH, INTAKE_BODY_LIMIT } from './intake/routes';
import { PUSH_DESCRIPTION, PushRequestBody, mutationArgs } from './openapi/mutations';
import { INTAKE_LIMIT_DESCRIPTION, customerPages } from './openapi/pages';
import {
  anyRequestResponses,
  authenticatedErrors,
  responseRefs,
  sharedResponses,
  bodyErrors,
  commonErrors,
  corsPreflightResponses,
  error,
  json,
  leadErrors,
  rateLimited,
} from './openapi/responses';
import { WRONG_PASSWORDS_ALLOWED, WRONG_PASSWORD_WINDOW_MS } from './sign-in';

/** The health check's answer; the shared contract has no schema for it, it is the server's own. */
export const HealthResponse = z.object({ ok: z.literal(true) });

const DESCRIPTION = [
  'The contract between the CSS Engineer Console and the ticketing portal: sign-in, the sync protocol (pull by ' +
    'server cursor, push of named mutations keyed by client mutation id), the customer intake (web form and chat) ' +
    "that opens tickets in validation, and the customer's scheduling page of a remote session. " +
    'docs/sync-protocol.md in the repository explains the sync protocol to whoever implements a portal.',
  'Every JSON error has one shape, `ErrorBody`. Besides what each operation lists, any request may be answered ' +
    'with the statuses in `x-any-request` (an unknown method or path is 404, never 405); OPTIONS on any path is ' +
    'the CORS preflight (`x-cors-preflight`), and every GET also answers HEAD, without a body. Every answer carries ' +
    '`Cache-Control: no-store` and `X-Content-Type-Options: nosniff`.',
  'Rate limits answer 429 `rate_limited` with Retry-After: sign-in after repeated wrong passwords, and the ' +
    'customer intake after many new requests from one address. This reference portal never answers 503. A client ' +
    'treats 429 or 503 as "try again later" (after Retry-After when given), never as a refusal of its data.',
].join('\n\n');

const PULL_DESCRIPTION = [
  "Pages through the changes in the caller's scope (an engineer: tickets assigned to them or in their team's " +
    'queue; a lead: every ticket of their team). Start from cursor 0 without a history; then send back the `cursor` ' +
    'and `history` of the last page received, and pull again at once while `hasMore`. A page holds at most ' +
    `\`limit\` tickets (default 500, at most ${PULL_LIMIT_MAX}), each whole, at its latest version, once; a ticket ` +
    'changed again after the page is sent again later, never missed.',
  "`removed` names the tickets that left the caller's scope in the same window: drop them. `remaining` counts " +
    'the tickets later pages will send, for progress.',
  "**Histories.** The cursor is a position in one history of the server's changes. When the cursor and history " +
    "sent are not in this server's past (restored from a backup, or the tail of its log lost in a crash), the " +
    'answer has `reset: true` and is the first page from cursor 0 in the current history: the client pulls ' +
    'everything again, drops what the server no longer has, and sends again, with their ids, the changes the ' +
    'server had acknowledged (`seq`) beyond what it still holds. A `cursor` never moves backwards within a ' +
    'history; a client that sees it do so without `reset` must stop trusting the server.',
].join('\n\n');

function buildOpenApiDocument(): oas31.OpenAPIObject {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'CSS ticketing portal API', version: '1.0.0', description: DESCRIPTION },
    security: [{ bearerAuth: [] }],
    'x-any-request': responseRefs(anyRequestResponses),
    'x-cors-preflight': responseRefs(corsPreflightResponses),
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token returned by POST /auth/login' },
      },
      schemas: {
        Ticket,
        User,
        Mutation,
        MutationResult,
        Refusal,
        ErrorBody,
        IntakeReceipt,
        ...mutationArgs,
      },
      // Registered here as well as by their id where operations use them: `x-any-request` points at each.
      responses: sharedResponses,
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
            ...bodyErrors(DEFAULT_BODY_LIMIT_BYTES),
            '401': error('bad_credentials: the e-mail or the password is wrong (which one is not said)'),
            '429': rateLimited(
              `${WRONG_PASSWORDS_ALLOWED} wrong passwords for this account, or from this address, within ` +
                `${WRONG_PASSWORD_WINDOW_MS / 1000} seconds: its sign-in is paused until that window ends, the right ` +
                'password included (the account need not exist)',
            ),
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/auth/logout`]: {
        post: {
          operationId: 'logout',
          summary: 'Sign out: the bearer token sent is revoked and answers 401 unauthenticated from then on',
          description:
            'Other tokens of the same user (their other consoles) stay valid. The console signs out locally even when ' +
            'this cannot reach the portal, keeping its unsent changes; such a token lapses at its expiry.',
          responses: { '204': { description: 'Signed out; the token is revoked' }, ...authenticatedErrors },
        },
      },
      [`${API_PREFIX}/sync/pull`]: {
        get: {
          operationId: 'pull',
          summary: "The tickets in the caller's scope changed after the cursor, in change order",
          description: PULL_DESCRIPTION,
          requestParams: { query: PullQuery },
          responses: {
            '200': {
              description:
                'A page of changed tickets, the tickets that left the scope, how many remain, and the next cursor ' +
                "with its history; `reset` when the cursor sent is not in this server's past",
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
          summary: 'Apply named mutations in order, each exactly once; one result per mutation, in order',
          description: PUSH_DESCRIPTION,
          requestBody: { required: true, ...json(PushRequestBody) },
          responses: {
            '200': {
              description:
                'The result of each mutation, in the order sent: applied, or refused with its reason. A long push ' +
                'is answered for its first mutations only (see `results`)',
              ...json(PushResponse),
            },
            ...bodyErrors(
              PUSH_BODY_LIMIT_BYTES,
              `, which 100 of the largest mutations allowed fit in: split the batch and send each half. ` +
                `Consoles send at most ${formatBytes(PUSH_BATCH_BYTES)} and ${PUSH_BATCH_MAX} mutations a push, ` +
                'a single larger mutation alone',
            ),
            ...authenticatedErrors,
          },
        },
      },
      [`${API_PREFIX}/sync/changes`]: {
        get: {
          operationId: 'changes',
          summary: 'A stream of server-sent events: one `change` event each time changes in your scope are stored',
          description:
            'The event carries the latest change number (`{"seq": 42}`) and no ticket data: the console pulls what ' +
            'its scope holds. A change is announced to the users whose scope held the ticket before it or holds it ' +
            'after, whichever server process on the database stored it. The first event comes at once, so a ' +
            'console that reconnects pulls what it missed; a ' +
            `comment line every ${HEARTBEAT_MS / 1000} s keeps a quiet stream open through proxies.`,
          responses: {
            '200': {
              description: 'The stream, open until the console or the server closes it',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
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
            ...bodyErrors(INTAKE_BODY_LIMIT),
            '429': rateLimited(INTAKE_LIMIT_DESCRIPTION),
            ...commonErrors,
          },
        },
      },
      ...customerPages,
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
            ...bodyErrors(DEFAULT_BODY_LIMIT_BYTES),
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
          responses: {
            '200': { description: 'The OpenAPI 3.1 document', ...json(z.looseObject({})) },
            ...commonErrors,
          },
        },
      },
    },
  });
}

let built: oas31.OpenAPIObject | undefined;

/** The document, built once per process, when first asked for (building it takes a while). */
export const openApiDocument = (): oas31.OpenAPIObject => (built ??= buildOpenApiDocument());
