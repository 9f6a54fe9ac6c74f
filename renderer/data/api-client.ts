/** The console's HTTP door to the ticketing portal: axios, with every response parsed by the shared contract. */
import axios, { type AxiosAdapter, type AxiosInstance, isAxiosError } from 'axios';
import type { z } from 'zod';
import {
  API_PREFIX,
  type Cursor,
  ErrorBody,
  LoginResponse,
  type LoginRequest,
  formatLatest,
  PushResponse,
  type PushRequest,
  REQUEST_TIMEOUT_MS,
} from '../../shared/api';
import { describeZodError } from '../../shared/api/errors';
import { FollowUpCadence, TeamContext } from '../../shared/domain';
import type { PullPosition } from './pull-position';
import { pullInWorker } from './pull-fetcher';
import { PulledPage, type PulledTickets } from './pulled-page';
import type { SyncApi } from './sync-api';

/** busy: the server asks the console to slow down (429, or 503 with Retry-After), for `retryAfterMs` when it says. */
export type ApiFailureKind = 'offline' | 'unauthenticated' | 'refused' | 'server' | 'busy' | 'contract';

/** A request that did not succeed, with a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status: number | null = null,
    /** How long the server asked the console to wait before it tries again (Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later: the network or the server, not the request itself. */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'server' || this.kind === 'busy';
  }
}

/** A server's Retry-After is obeyed up to this long; a longer one is taken as this. */
export const RETRY_AFTER_MAX_MS = 15 * 60_000;

/**
 * Retry-After in milliseconds: delay-seconds, or an HTTP date read against the answer's own Date header
 * (the server's clock, not this computer's); null when absent or unreadable.
 */
function retryAfterMs(retryAfter: unknown, date: unknown): number | null {
  if (typeof retryAfter !== 'string' || retryAfter.trim() === '') return null;
  const text = retryAfter.trim();
  const ms = /^\d+$/.test(text)
    ? Number(text) * 1000
    : typeof date === 'string'
      ? Date.parse(text) - Date.parse(date)
      : Number.NaN;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS) : null;
}

const waitWords = (ms: number | null) => (ms === null ? 'a while' : `${Math.ceil(ms / 1000)} s`);

function toApiError(error: unknown, serverUrl: string): ApiError {
  if (!isAxiosError(error)) return error instanceof ApiError ? error : new ApiError('server', String(error));
  const response = error.response;
  if (response === undefined) {
    return new ApiError(
      'offline',
      `The server at ${serverUrl} cannot be reached. Check the address and your connection.`,
    );
  }
  const body = ErrorBody.safeParse(response.data);
  const detail = body.success ? body.data.message : `HTTP ${response.status}`;
  if (response.status === 401) return new ApiError('unauthenticated', detail, 401);
  const wait = retryAfterMs(response.headers['retry-after'], response.headers.date);
  if (response.status === 429 || (response.status === 503 && wait !== null)) {
    // The portal's own words say why and for how long; a gateway's page says nothing of use.
    const message = body.success
      ? detail
      : `The server is busy and asks to wait ${waitWords(wait)} before trying again (${detail}).`;
    return new ApiError('busy', message, response.status, wait);
  }
  if (response.status === 408) {
    return new ApiError('server', `The server stopped waiting for the request (${detail}).`, 408);
  }
  if (response.status >= 500) return new ApiError('server', `The server had a problem (${detail}).`, response.status);
  return new ApiError('refused', detail, response.status);
}

/** Where a proxy or a gateway answered in the server's place, the start of what it said. */
const NOT_JSON_QUOTED = 80;

function parseBody<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  // Every answer is a JSON object: text is what did not parse.
  if (typeof data === 'string') {
    const said = data.replace(/\s+/g, ' ').trim();
    const quoted = said.length > NOT_JSON_QUOTED ? `${said.slice(0, NOT_JSON_QUOTED)}…` : said;
    throw new ApiError('contract', `The server sent an unexpected ${what} (not JSON: "${quoted}").`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError('contract', `The server sent an unexpected ${what} (${describeZodError(parsed.error)}).`);
  }
  return parsed.data;
}

export interface ApiClientOptions {
  /** How requests travel; axios picks XHR or fetch by default. Tests route them into the server in-process. */
  adapter?: AxiosAdapter;
}

export class ApiClient implements SyncApi {
  private readonly http: AxiosInstance;
  /** How pages of tickets travel (see pull-fetcher.ts); undefined: as every other request does. */
  private readonly pullAdapter: AxiosAdapter | undefined;

  constructor(
    readonly serverUrl: string,
    token: string | null = null,
    { adapter }: ApiClientOptions = {},
  ) {
    this.http = axios.create({
      ...(adapter === undefined ? {} : { adapter }),
      baseURL: new URL(API_PREFIX, serverUrl).toString(),
      timeout: REQUEST_TIMEOUT_MS,
      headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    });
    this.pullAdapter = adapter ?? pullInWorker;
  }

  private async request<T>(
    schema: z.ZodType<T>,
    what: string,
    send: (http: AxiosInstance) => Promise<{ data: unknown }>,
  ) {
    try {
      const response = await send(this.http);
      return parseBody(schema, response.data, what);
    } catch (error) {
      throw toApiError(error, this.serverUrl);
    }
  }

  login(credentials: LoginRequest): Promise<LoginResponse> {
    return this.request(LoginResponse, 'sign-in answer', (http) => http.post('auth/login', credentials));
  }

  /** Revokes this client's token on the server: it is refused from then on. */
  async logout(): Promise<void> {
    try {
      await this.http.post('auth/logout');
    } catch (error) {
      throw toApiError(error, this.serverUrl);
    }
  }

  async pull(
    cursor: Cursor,
    limit: number,
    history: string | null,
    latest: PullPosition['latest'] = [],
  ): Promise<PulledTickets> {
    const params = {
      cursor,
      limit,
      ...(history === null ? {} : { history }),
      ...(latest.length === 0 ? {} : { latest: formatLatest(latest) }),
    };
    return this.request(PulledPage, 'page of tickets', (http) =>
      http.get('sync/pull', { params, adapter: this.pullAdapter }),
    );
  }

  team(): Promise<TeamContext> {
    return this.request(TeamContext, 'team roster', (http) => http.get('team'));
  }

  /** Team leads only: the team's follow-up cadence, applied by the server to every console of the team. */
  saveCadence(cadence: FollowUpCadence): Promise<FollowUpCadence> {
    return this.request(FollowUpCadence, 'cadence', (http) => http.put('lead/cadence', cadence));
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.request(PushResponse, 'push answer', (http) => http.post('sync/push', request));
  }
}
