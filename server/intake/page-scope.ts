/** What every customer page shares: form bodies, the headers that forbid scripts, and failures as pages. */
import { parse as parseFormBody } from 'node:querystring';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** The pages need no script, so none may run: an escaping slip could not become an attack. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

export const sendPage = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).headers(PAGE_HEADERS).send(body);

/** A posted form field as text; absent, or sent twice (an array), is not a value a page can use. */
export function formText(body: unknown, name: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The fields of `names` posted as text, as typed, to put back in a form. */
export function formValues<Name extends string>(body: unknown, names: readonly Name[]): Partial<Record<Name, string>> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = formText(body, name);
      return value === undefined ? [] : [[name, value]];
    }),
  ) as Partial<Record<Name, string>>;
}

/**
 * Registers `routes` in a plugin scope of their own, so that form bodies are accepted there and nowhere
 * else in the API, and their failures (too large, wrong type, a bug) are answered with `problemPage`, a
 * page the customer can read, rather than JSON.
 */
export function registerPages(
  app: FastifyInstance,
  { name, problemPage }: { name: string; problemPage: (status: number) => string },
  routes: (pages: FastifyInstance) => void,
): void {
  void app.register((pages, _options, done) => {
    pages.removeAllContentTypeParsers();
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, parsed) =>
      parsed(null, parseFormBody(String(body))),
    );
    pages.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, `${name} failed`);
      return sendPage(reply, status, problemPage(status));
    });
    routes(pages);
    done();
  });
}
