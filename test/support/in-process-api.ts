// The real ApiClient with its requests routed into a Fastify instance (inject) instead of the network.
import axios, { type AxiosAdapter, AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import type { FastifyInstance } from 'fastify';
import { ApiClient } from '../../renderer/data/api-client';

/** Never resolved: inject needs no host, but ApiClient builds its URLs from one. */
export const IN_PROCESS_URL = 'http://portal.invalid';

/**
 * An axios adapter over `app.inject`: the request goes through axios's own transforms (JSON body,
 * query params, headers) and the answer back through ApiClient's schemas and error mapping, so the
 * console's HTTP door is exercised whole; only the socket is missing.
 */
export function injectAdapter(server: FastifyInstance | (() => FastifyInstance)): AxiosAdapter {
  // A getter reaches whichever server runs at that address now, across restarts.
  const app = typeof server === 'function' ? server : () => server;
  return async (config) => {
    const uri = new URL(axios.getUri(config));
    const injected = await app().inject({
      method: (config.method ?? 'get').toUpperCase(),
      url: `${uri.pathname}${uri.search}`,
      headers: config.headers.toJSON(true),
      ...(config.data === undefined ? {} : { payload: config.data as string }),
    });
    const response: AxiosResponse = {
      data: injected.body,
      status: injected.statusCode,
      statusText: injected.statusMessage,
      headers: new AxiosHeaders(injected.headers as Record<string, string>),
      config,
      request: {},
    };
    // What axios's own adapters do with a status outside validateStatus: reject, with the response.
    if (config.validateStatus?.(response.status) ?? true) return response;
    throw new AxiosError(
      `Request failed with status code ${response.status}`,
      response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      {},
      response,
    );
  };
}

/** An ApiClient signed in with `token` (or anonymous) that talks to `app` in-process. */
export function inProcessApi(app: FastifyInstance | (() => FastifyInstance), token: string | null): ApiClient {
  return new ApiClient(IN_PROCESS_URL, token, { adapter: injectAdapter(app) });
}
