// The OpenAPI document: generated from the shared schemas, served without a token, listing every endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { type Portal, seededPortal } from './fixtures';

describe('GET /openapi.json', () => {
  let portal: Portal;
  let document: {
    openapi: string;
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    security: unknown[];
  };
  beforeAll(async () => {
    portal = await seededPortal();
    const response = await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => portal.close());

  it('lists every endpoint with its method', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        `GET ${API_PREFIX}/health`,
        `GET ${API_PREFIX}/openapi.json`,
        `GET ${API_PREFIX}/sync/pull`,
        `GET ${API_PREFIX}/team`,
        `POST ${API_PREFIX}/auth/login`,
        `POST ${API_PREFIX}/sync/push`,
      ].sort(),
    );
  });

  it('describes the bearer scheme, required everywhere but sign-in, health and this document', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths[`${API_PREFIX}/auth/login`]?.post?.security).toEqual([]);
    expect(document.paths[`${API_PREFIX}/health`]?.get?.security).toEqual([]);
    expect(document.paths[`${API_PREFIX}/sync/pull`]?.get?.security).toBeUndefined();
  });

  it('documents the responses and errors from the shared schemas', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Ticket', 'User', 'Mutation', 'MutationResult', 'Refusal', 'ErrorBody']),
    );
    expect(Object.keys(document.paths[`${API_PREFIX}/sync/push`]?.post?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '415', '500'].sort(),
    );
    expect(Object.keys(document.paths[`${API_PREFIX}/sync/pull`]?.get?.responses ?? {})).toContain('400');
  });
});
