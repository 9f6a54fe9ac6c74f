/** The portal's HTTP API: routes wired to sign-in, pull, push, customer intake and scheduling, with CORS, security headers, rate limits and the shared error shape. */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { API_PREFIX, DESKTOP_CONSOLE_ORIGIN } from '../shared/api';
import { fieldIssues } from '../shared/api/errors';
import { PUSH_BODY_LIMIT_BYTES, PullQuery, PushRequest, PushResponse } from '../shared/api/sync';
import { DEFAULT_FLOW_POLICY, type FlowPolicy } from '../shared/domain/flow';
import type { User } from '../shared/domain/people';
import { TeamContext } from '../shared/domain/team';
import type { Clock } from '../shared/domain/time';
import { authenticate } from './auth';
import type { PortalDatabase } from './db';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  HttpError,
  answerClientError,
  answerFrameworkError,
  installErrorHandlers,
  parseRequest,
  sendParsed,
} from './http';
import { registerChangeStream } from './changes-stream';
import { registerIntakeRoutes } from './intake/routes';
import { registerLeadRoutes } from './lead';
import { LeadStore } from './lead-store';
import { HealthResponse, openApiDocument } from './openapi';
import { PASSWORD_COST, type ScryptCost } from './password';
import { pullChanges } from './pull';
import { pushMutations } from './push';
import { registerSchedulingRoutes } from './scheduling/routes';
import { registerSignInRoutes } from './sign-in';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireSignIn` on the routes that need a bearer token. */
    signedInUser: User | null;
  }
}

export interface ServerDependencies {
  db: PortalDatabase;
  clock: Clock;
  /** The support process's configurable rules (reopen window, reminders); the defaults otherwise. */
  flowPolicy?: FlowPolicy;
  /**
   * The portal's address as customers reach it, which scheduling links start with: read per request,
   * as main.ts learns the port only once listening; null leaves links as paths.
   */
  portalUrl?: () => string | null;
  /** Fastify's (pino) logger options; warnings and errors only by default, `false` in tests. */
  logger?: FastifyServerOptions['logger'];
  /**
   * The origins the console is served from besides the desktop shell's (a browser tab, Vite's dev
   * server): only these may read the API's answers from a browser.
   */
  consoleOrigins?: readonly string[];
  /**
   * True behind a reverse proxy on this machine: the caller's address, which the rate limits count by,
   * is then the one the proxy forwards (X-Forwarded-For) rather than the proxy's own.
   */
  behindProxy?: boolean;
  /** The scrypt cost passwords are hashed at; OWASP's by default (a test may choose a cheaper one). */
  passwordCost?: ScryptCost;
}

/** The configured server, not listening: `inject` it in tests, `listen` it in main.ts. */
export function buildServer({
  db,
  clock,
  flowPolicy = DEFAULT_FLOW_POLICY,
  portalUrl = () => null,
  logger = { level: 'warn' },
  consoleOrigins = [],
  behindProxy = false,
  passwordCost = PASSWORD_COST,
}: ServerDependencies): FastifyInstance {
  const app = Fastify({
    logger,
    // The server listens on loopback only, so a proxy in front of it connects from there.
    trustProxy: behindProxy ? 'loopback' : false,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    // Refusals made before a route runs carry the contract's ErrorBody too.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  // The console runs from another origin (Electron's app://, a browser tab) and sends a bearer token. Only
  // its own origins get a grant: a page elsewhere (or a sandboxed one, Origin: null) that holds a token
  // it should not have still cannot read an answer.
  void app.register(cors, {
    origin: [DESKTOP_CONSOLE_ORIGIN, ...consoleOrigins],
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // How long to wait before asking again (429, 503) is read against the server's own clock.
    exposedHeaders: ['Retry-After', 'Date'],
    maxAge: 600,
  });
  // Helmet's headers (nosniff, no framing, no referrer); the customer's pages set their own stricter CSP.
  void app.register(helmet);
  // Every answer may carry a customer's data or a token: no browser or proxy keeps a copy.
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.header('cache-control', 'no-store');
    done();
  });
  installErrorHandlers(app);
  // Bodies are JSON only: without Fastify's text/plain parser, any other type is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('signedInUser', null);

  // Runs before the body is read, so an anonymous caller learns nothing from how their body parses.
  const requireSignIn = async (request: FastifyRequest): Promise<void> => {
    request.signedInUser = await authenticate(db, request.headers.authorization, clock());
    if (request.signedInUser === null) {
      throw new HttpError(401, 'unauthenticated', 'sign in again: the bearer token is missing, unknown or expired');
    }
  };
  const signedIn = (request: FastifyRequest): User => {
    if (request.signedInUser === null) throw new Error('route is missing its requireSignIn hook');
    return request.signedInUser;
  };

  const leadStore = new LeadStore(db);
  const teamOf = async (user: User): Promise<TeamContext> => ({
    members: await db.directory.teamMembers(user.teamId),
    policy: flowPolicy,
    cadence: await leadStore.cadence(user.teamId),
    portalUrl: portalUrl(),
  });
  app.get(`${API_PREFIX}/health`, (_request, reply) => sendParsed(reply, HealthResponse, { ok: true }));

  app.get(`${API_PREFIX}/openapi.json`, (_request, reply) => reply.send(openApiDocument()));

  app.get(`${API_PREFIX}/sync/pull`, { onRequest: requireSignIn }, async (request, reply) => {
    const query = PullQuery.safeParse(request.query);
    if (!query.success) {
      const issues = fieldIssues(query.error);
      const badCursor = issues.some((issue) => issue.path === 'cursor');
      throw new HttpError(400, badCursor ? 'bad_cursor' : 'invalid_request', 'the pull query is not valid', issues);
    }
    // Already the JSON's bytes (see pullChanges), which Fastify sends as they are.
    const page = await pullChanges(db, signedIn(request), query.data);
    return reply.type('application/json; charset=utf-8').send(page);
  });

  // Large enough for a console's push, and for 100 of the largest mutations allowed (see PUSH_BODY_LIMIT_BYTES).
  app.post(
    `${API_PREFIX}/sync/push`,
    { onRequest: requireSignIn, bodyLimit: PUSH_BODY_LIMIT_BYTES },
    async (request, reply) => {
      const batch = parseRequest(PushRequest, request.body, 'push request');
      const user = signedIn(request);
      const response = await pushMutations(db, batch, { user, team: await teamOf(user), now: clock() });
      return sendParsed(reply, PushResponse, response);
    },
  );

  app.get(`${API_PREFIX}/team`, { onRequest: requireSignIn }, async (request, reply) =>
    sendParsed(reply, TeamContext, await teamOf(signedIn(request))),
  );

  registerChangeStream(app, { db, requireSignIn, signedIn });
  registerSignInRoutes(app, { db, clock, passwordCost, requireSignIn });
  registerIntakeRoutes(app, { db, clock });
  registerSchedulingRoutes(app, { db, clock });
  registerLeadRoutes(app, { leadStore, clock, requireSignIn, signedIn });

  return app;
}
