/** The OpenAPI document of the portal API, generated from the shared zod schemas (never written by hand). */
import { z } from 'zod';
import { type ZodOpenApiResponsesObject, type oas31, createDocument } from 'zod-openapi';
import { API_PREFIX } from '../shared/api';
import { LoginRequest, LoginResponse } from '../shared/api/auth';
import { ErrorBody } from '../shared/api/errors';
import { MutationResult, PullQuery, PullResponse, PushRequest, PushResponse } from '../shared/api/sync';
import { Ticket } from '../shared/domain/ticket';
import { User } from '../shared/domain/people';
import { TeamContext } from '../shared/domain/team';
import { Mutation, Refusal } from '../shared/mutations';

/** The health check's answer; the shared contract has no schema for it, it is the server's own. */
export const HealthResponse = z.object({ ok: z.literal(true) });

const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

const error = (description: string) => ({ description, ...json(ErrorBody) });

/** The failures every endpoint can answer with, besides its own. */
const commonErrors: ZodOpenApiResponsesObject = {
  '500': error('internal: the server failed; the body carries no details'),
};
const authenticatedErrors: ZodOpenApiResponsesObject = {
  '401': error('unauthenticated: the bearer token is missing, unknown or expired; sign in again'),
  ...commonErrors,
};
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
        'The contract between the CSS Engineer Console and the ticketing portal: sign-in, and the sync protocol ' +
        '(pull by server cursor, push of named mutations keyed by client mutation id).',
    },
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token returned by POST /auth/login' },
      },
      schemas: { Ticket, User, Mutation, MutationResult, Refusal, ErrorBody },
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
            '200': { description: 'A page of changed tickets and the cursor to pull from next', ...json(PullResponse) },
            '400': error('bad_cursor: the cursor is malformed or ahead of the server; invalid_request: bad limit'),
            ...authenticatedErrors,
          },
        },
      },
      [`${API_PREFIX}/sync/push`]: {
        post: {
          operationId: 'push',
          summary: 'Apply named mutations in order, each exactly once; one result per mutation',
          requestBody: { required: true, ...json(PushRequest) },
          responses: {
            '200': {
              description: 'The result of each mutation, applied or refused with its reason',
              ...json(PushResponse),
            },
            ...bodyErrors,
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
