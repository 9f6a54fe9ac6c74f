/** The responses the OpenAPI document repeats across endpoints: the error shape, the limits, and what any request may get. */
import { z } from 'zod';
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject, oas31 } from 'zod-openapi';
import { ErrorBody } from '../../shared/api/errors';
import { HEADER_LIMIT_BYTES, formatBytes } from '../http';

export const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

export const error = (description: string): ZodOpenApiResponseObject => ({ description, ...json(ErrorBody) });

const retryAfter = z.object({
  'retry-after': z.string().meta({ description: 'The seconds to wait before trying again, a whole number' }),
});

/** A refusal for the rate of requests: the shared error shape, and when to try again. */
export const rateLimited = (description: string): ZodOpenApiResponseObject => ({
  description: `rate_limited: ${description}; Retry-After says in how many seconds to try again`,
  headers: retryAfter,
  ...json(ErrorBody),
});

/** A page of the customer-facing web form: HTML for a browser, not JSON. */
export const htmlPage = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

/** A page refusing for the rate of requests, saying when to try again. */
export const rateLimitedPage = (description: string): ZodOpenApiResponseObject => ({
  ...htmlPage(`${description}; Retry-After says in how many seconds to try again`),
  headers: retryAfter,
});

/** Registered once (components.responses), referenced by every operation. */
const shared = (id: string, description: string): ZodOpenApiResponseObject => ({ id, ...error(description) });

const HEADERS_TOO_LARGE = shared(
  'HeadersTooLarge',
  `invalid_request: the request headers (a long URL or a large token included) are larger than ${formatBytes(HEADER_LIMIT_BYTES)}; ` +
    'answered by the HTTP layer before any route, so always as JSON',
);
const REQUEST_TIMEOUT = shared(
  'RequestTimeout',
  'invalid_request: the request headers did not arrive within 60 seconds (noticed within 90); answered by the HTTP layer before any route',
);
const INTERNAL = shared('Internal', 'internal: the server failed; the body carries no details; try again later');

/**
 * What any request may be answered, whatever its method and path, before or instead of an endpoint:
 * a client handles these everywhere. Referenced from the document's `x-any-request`.
 */
export const anyRequestResponses: ZodOpenApiResponsesObject = {
  '400': shared(
    'NotHttp',
    'invalid_request: the request is not valid HTTP, or its path is not valid URL encoding; no endpoint ran',
  ),
  '404': shared(
    'UnknownEndpoint',
    'not_found: no endpoint has this method and path (a wrong method is answered 404 too, never 405)',
  ),
  '408': REQUEST_TIMEOUT,
  '431': HEADERS_TOO_LARGE,
  '500': INTERNAL,
};

/** The failures every operation can answer with, besides its own. */
export const commonErrors: ZodOpenApiResponsesObject = {
  '408': REQUEST_TIMEOUT,
  '431': HEADERS_TOO_LARGE,
  '500': INTERNAL,
};

export const authenticatedErrors: ZodOpenApiResponsesObject = {
  '401': error('unauthenticated: the bearer token is missing, unknown or expired; sign in again'),
  ...commonErrors,
};

/** The lead's endpoints: a signed-in engineer is refused. */
export const leadErrors: ZodOpenApiResponsesObject = {
  '403': error('forbidden: only a team lead may call this endpoint'),
  ...authenticatedErrors,
};

/** An endpoint that reads a JSON body of at most `limit` bytes. */
export const bodyErrors = (limit: number, advice = ''): ZodOpenApiResponsesObject => ({
  '400': error(
    'malformed_json: the body is not JSON, or is empty; invalid_request: it breaks the schema (each failing field ' +
      'in `issues`), or its length is not its Content-Length',
  ),
  '413': error(`invalid_request: the body is larger than ${formatBytes(limit)}${advice}`),
  '415': error('invalid_request: the body is not sent as application/json'),
});

/**
 * The customer's pages answer their own failures as pages, except what the HTTP layer answers before
 * any route (header size, timeout), which is JSON.
 */
export const pageErrors: ZodOpenApiResponsesObject = {
  '408': REQUEST_TIMEOUT,
  '431': HEADERS_TOO_LARGE,
  '500': htmlPage('The server failed; nothing was changed'),
};

/** A page that reads a form body of at most `limit` bytes. */
export const formErrors = (limit: number): ZodOpenApiResponsesObject => ({
  '413': htmlPage(`The body is larger than ${formatBytes(limit)}; nothing was changed`),
  '415': htmlPage('The body is not sent as application/x-www-form-urlencoded; nothing was changed'),
  ...pageErrors,
});

/** OPTIONS on any path: the CORS preflight of a console running in a browser. Referenced from `x-cors-preflight`. */
export const corsPreflightResponses: ZodOpenApiResponsesObject = {
  '204': {
    id: 'CorsPreflight',
    description:
      "The preflight is answered. Access-Control-Allow-Origin repeats the Origin sent only when it is one of the console's " +
      '(app://console, the desktop shell, and those the portal is configured with) and is absent for any other, ' +
      '`null` included; the same holds for every other answer. Methods GET, POST and PUT, headers Authorization ' +
      'and Content-Type, cached 600 seconds',
  },
  '400': {
    id: 'NotPreflight',
    description: 'An OPTIONS request without Origin and Access-Control-Request-Method is not a preflight',
    content: { 'text/plain': { schema: z.string() } },
  },
};

type SharedResponses = Record<string, ZodOpenApiResponseObject & { id: string }>;

/** The responses with an id, for components.responses, under the names the references use. */
export const sharedResponses = Object.fromEntries(
  [anyRequestResponses, corsPreflightResponses]
    .flatMap((responses) => Object.values(responses as SharedResponses))
    .map((response) => [response.id, response]),
);

/** The same responses as references, for the document's own extensions (which zod-openapi does not convert). */
export function responseRefs(responses: ZodOpenApiResponsesObject): Record<string, oas31.ReferenceObject> {
  return Object.fromEntries(
    Object.entries(responses as SharedResponses).map(([status, { id }]) => [
      status,
      { $ref: `#/components/responses/${id}` },
    ]),
  );
}
