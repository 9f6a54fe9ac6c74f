/** How requests are parsed and every failure becomes the shared ErrorBody, whatever raised it. */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ErrorBody, type ErrorCode, type FieldIssue, fieldIssues } from '../shared/api/errors';

/** A refusal with its HTTP status, thrown by a handler and turned into an ErrorBody. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

/** Parses a request part with its schema; a failure is a 400 naming every failing field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, 'invalid_request', `the ${what} does not match the API contract`, fieldIssues(parsed.error));
}

/** Sends a body only once it passes its schema: the schema, not the handler, is the contract. */
export function sendParsed<S extends z.ZodType>(reply: FastifyReply, schema: S, body: z.input<S>, status = 200) {
  return reply.code(status).send(schema.parse(body));
}

function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  return sendParsed(reply, ErrorBody, body, status);
}

/** Fastify's own request errors (body parsing, content type, size), in the contract's terms. */
const fastifyErrors: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', message: 'the request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    message: 'the request body is empty; send a JSON object',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'invalid_request',
    message: 'send the request body as application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'invalid_request', message: 'the request body is too large' },
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return sendError(reply, error.statusCode, { error: error.code, message: error.message, issues: error.issues });
    }
    const known = fastifyErrors[error.code];
    if (known !== undefined) {
      return sendError(reply, known.status, { error: known.code, message: known.message });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, { error: 'invalid_request', message: error.message });
    }
    // The details go to the log, never to the client: a stack trace helps nobody at the console.
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, { error: 'internal', message: 'the server failed to handle the request; try again' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, { error: 'not_found', message: `no such endpoint: ${request.method} ${request.url}` }),
  );
}
