// The portal's answers checked against the OpenAPI document it serves: each status documented for its route, each body valid.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../../server/openapi';

/** One answer as a client saw it: the route Fastify matched (null when none did), the status, the type and the body. */
export interface SeenResponse {
  method: string;
  url: string;
  route: string | null;
  status: number;
  contentType: string | undefined;
  body: string;
}

type Responses = Record<string, { $ref?: string; content?: Record<string, unknown> } | undefined>;
interface Document {
  paths: Record<string, Record<string, { responses: Responses } | undefined>>;
  components: { responses: Responses };
  'x-any-request': Responses;
  'x-cors-preflight': Responses;
}

/** The document as JSON, exactly as GET /openapi.json serves it. */
const document = JSON.parse(JSON.stringify(openApiDocument())) as Document;

// The schemas are JSON Schema 2020-12 (OpenAPI 3.1); the formats also carry patterns, which are what is checked.
const ajv = new Ajv2020({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
ajv.addSchema(document, 'openapi.json');
const validators = new Map<string, ValidateFunction>();

const pointer = (...segments: string[]) =>
  segments.map((segment) => `/${encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))}`).join('');

function validatorAt(at: string): ValidateFunction {
  let validate = validators.get(at);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `openapi.json#${at}` });
    validators.set(at, validate);
  }
  return validate;
}

/** Fastify's `/sessions/:token` as the document spells it, `/sessions/{token}`. */
const documentPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/** The responses that apply to the request, and where they are in the document. */
function documentedResponses(seen: SeenResponse): { responses: Responses; at: string[] } | string {
  if (seen.method === 'OPTIONS') return { responses: document['x-cors-preflight'], at: ['x-cors-preflight'] };
  if (seen.route === null) return { responses: document['x-any-request'], at: ['x-any-request'] };
  const path = documentPath(seen.route);
  // Fastify answers HEAD for every GET route, with the GET's status and headers.
  const method = seen.method === 'HEAD' ? 'get' : seen.method.toLowerCase();
  const operation = document.paths[path]?.[method];
  if (operation === undefined) return `the operation ${method.toUpperCase()} ${path} is not in the document`;
  return { responses: operation.responses, at: ['paths', path, method, 'responses'] };
}

/** What is wrong with the answer by the document, or null when it is what the document says. */
export function contractViolation(seen: SeenResponse): string | null {
  const found = documentedResponses(seen);
  if (typeof found === 'string') return found;
  let response = found.responses[String(seen.status)];
  let at = [...found.at, String(seen.status)];
  if (response === undefined) {
    return `status ${seen.status} is not documented (documented: ${Object.keys(found.responses).join(', ')})`;
  }
  if (response.$ref !== undefined) {
    const id = response.$ref.replace('#/components/responses/', '');
    response = document.components.responses[id];
    at = ['components', 'responses', id];
    if (response === undefined) return `the document refers to a response it lacks: ${id}`;
  }
  const documentedTypes = Object.keys(response.content ?? {});
  const type = seen.contentType?.split(';')[0]?.trim();
  if (documentedTypes.length === 0) {
    return seen.body === '' ? null : `a body (${type ?? 'no type'}) where the document has none`;
  }
  if (type === undefined || !documentedTypes.includes(type)) {
    return `the body is ${type ?? 'untyped'}, documented as ${documentedTypes.join(' or ')}`;
  }
  // HEAD has no body; pages and files are checked for their status and type only.
  if (seen.method === 'HEAD' || type !== 'application/json') return null;
  let body: unknown;
  try {
    body = JSON.parse(seen.body);
  } catch {
    return 'the body is not JSON';
  }
  const validate = validatorAt(pointer(...at, 'content', 'application/json', 'schema'));
  if (validate(body)) return null;
  const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`);
  return `the body does not match its schema: ${errors.join('; ')}`;
}

const violations: string[] = [];

/** How many answers were checked, by `METHOD path status`: what the suite exercises of the document. */
export const checkedResponses = new Map<string, number>();

/**
 * Checks every answer `app` sends; read the violations with takeContractViolations. The router's own
 * refusals (a path that is not valid URL encoding, an overlong path part) skip Fastify's hooks: check
 * those with contractViolation.
 */
export function watchContract(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload) => {
    const route = request.is404 ? null : (request.routeOptions.url ?? null);
    const contentType = reply.getHeader('content-type');
    const seen: SeenResponse = {
      method: request.method,
      url: request.url,
      route,
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload.toString() : '',
    };
    recordResponse(seen);
    return Promise.resolve(payload);
  });
}

/** Checks an answer seen some other way (a raw socket), as watchContract does. */
export function recordResponse(seen: SeenResponse): void {
  const key = `${seen.method} ${seen.route === null ? '(unrouted)' : documentPath(seen.route)} ${seen.status}`;
  checkedResponses.set(key, (checkedResponses.get(key) ?? 0) + 1);
  const violation = contractViolation(seen);
  if (violation !== null) violations.push(`${seen.method} ${seen.url} answered ${seen.status}: ${violation}`);
}

/** The violations seen since the last call. */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}
