/** How requests are parsed and every failure becomes the shared ErrorBody, whatever raised it. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
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

/** The body limit of every route that sets none (Fastify's default, named so the contract can say it). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Node refuses request headers larger than this (16 KiB unless started with --max-http-header-size). */
export const HEADER_LIMIT_BYTES = maxHeaderSize;

/** "16 MiB", "256 KiB": the limits as the contract states them. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`;

function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  return sendParsed(reply, ErrorBody, body, status);
}

// The details of a failure go to the log, never to the client: a stack trace helps nobody at the console.
const INTERNAL: ErrorBody = { error: 'internal', message: 'the server failed to handle the request; try again' };

const unknownEndpoint = (request: FastifyRequest): ErrorBody => ({
  error: 'not_found',
  message: `no such endpoint: ${request.method} ${request.url}`,
});

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
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return sendError(reply, error.statusCode, { error: error.code, message: error.message, issues: error.issues });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = formatBytes(request.routeOptions.bodyLimit);
      const message = `the request body is larger than this endpoint's limit of ${limit}`;
      return sendError(reply, 413, { error: 'invalid_request', message });
    }
    const known = fastifyErrors[error.code];
    if (known !== undefined) {
      return sendError(reply, known.status, { error: known.code, message: known.message });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, { error: 'invalid_request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, INTERNAL);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, unknownEndpoint(request)));
}

/**
 * What Node refuses before any route sees the request (headers too large, too slow, not HTTP), written
 * to the socket in the contract's shape instead of Fastify's own `{error, message, statusCode}`.
 */
const clientErrors: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message: `the request headers are larger than ${formatBytes(HEADER_LIMIT_BYTES)}; send a shorter request`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'the request took too long to arrive; send it again' },
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message } = clientErrors[error.code ?? ''] ?? {
    status: 400,
    message: 'the request is not valid HTTP',
  };
  const body = JSON.stringify(ErrorBody.parse({ error: 'invalid_request', message }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** The router's refusals (a path that does not decode, an overlong path part) as ErrorBody, not Fastify's shape. */
export const answerFrameworkError: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, request, reply) => {
  let answer: [number, ErrorBody];
  if (error.code === 'FST_ERR_BAD_URL') {
    answer = [400, { error: 'invalid_request', message: 'the request path is not valid URL encoding' }];
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    // No path part of this API is that long: the path names nothing here.
    answer = [404, unknownEndpoint(request)];
  } else {
    request.log.error({ err: error }, 'routing failed');
    answer = [500, INTERNAL];
  }
  void sendError(reply, ...answer);
};
