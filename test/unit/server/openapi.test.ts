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
        `GET ${API_PREFIX}/lead/escalations`,
        `GET ${API_PREFIX}/cadence`,
        `PUT ${API_PREFIX}/lead/cadence`,
        `POST ${API_PREFIX}/intake/chat`,
        'GET /intake',
        'POST /intake',
        'GET /intake/received/{number}',
        'GET /chat',
        'POST /chat',
        'GET /chat/received/{number}',
        'GET /sessions/{token}',
        'POST /sessions/{token}/book',
        'POST /sessions/{token}/other-times',
        'GET /sessions/{token}/invite.ics',
      ].sort(),
    );
  });

  it('describes the bearer scheme, required everywhere but sign-in, health, intake and this document', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths[`${API_PREFIX}/auth/login`]?.post?.security).toEqual([]);
    expect(document.paths[`${API_PREFIX}/health`]?.get?.security).toEqual([]);
    expect(document.paths[`${API_PREFIX}/intake/chat`]?.post?.security).toEqual([]);
    expect(document.paths['/intake']?.post?.security).toEqual([]);
    expect(document.paths[`${API_PREFIX}/sync/pull`]?.get?.security).toBeUndefined();
  });

  it('documents the responses and errors from the shared schemas', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Ticket', 'User', 'Mutation', 'MutationResult', 'Refusal', 'ErrorBody']),
    );
    expect(Object.keys(document.paths[`${API_PREFIX}/sync/push`]?.post?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '413', '415', '500'].sort(),
    );
    expect(Object.keys(document.paths[`${API_PREFIX}/sync/pull`]?.get?.responses ?? {})).toContain('400');
  });

  it('documents both intake doors with the shared intake schema, the form as HTML', () => {
    type Operation = { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } };
    const chat = document.paths[`${API_PREFIX}/intake/chat`]?.post as (Operation & { responses: object }) | undefined;
    const form = document.paths['/intake']?.post as (Operation & { responses: object }) | undefined;
    const required = ['resellerId', 'contactName', 'contactEmail', 'subject', 'description'];
    expect(chat?.requestBody?.content['application/json']?.schema.required).toEqual(required);
    expect(form?.requestBody?.content['application/x-www-form-urlencoded']?.schema.required).toEqual(required);
    expect(Object.keys(chat?.responses ?? {}).sort()).toEqual(['201', '400', '413', '415', '500']);
    expect(Object.keys(form?.responses ?? {}).sort()).toEqual(['303', '400', '413', '415', '500']);
    expect(document.components.schemas).toHaveProperty('IntakeReceipt');
  });

  it("documents the lead's endpoints as signed-in, lead-only (403), and the cadence as every user's", () => {
    const codes = (path: string, method: string) =>
      Object.keys(document.paths[`${API_PREFIX}${path}`]?.[method]?.responses ?? {}).sort();
    expect(codes('/lead/escalations', 'get')).toEqual(['200', '401', '403', '500']);
    expect(codes('/lead/cadence', 'put')).toEqual(['200', '400', '401', '403', '415', '500']);
    expect(codes('/cadence', 'get')).toEqual(['200', '401', '500']);
    expect(document.paths[`${API_PREFIX}/lead/escalations`]?.get?.security).toBeUndefined();
  });

  it("documents the session mutations' arguments, the overlap refusal, and the customer's pages without a token", () => {
    for (const name of ['Propose', 'Confirm', 'Reschedule', 'Cancel', 'Complete']) {
      expect(document.components.schemas).toHaveProperty(`${name}SessionArgs`);
    }
    expect(document.components.schemas).toHaveProperty('MarkSessionNoShowArgs');
    expect(JSON.stringify(document.components.schemas.Refusal)).toContain('session_overlap');
    const push = document.paths[`${API_PREFIX}/sync/push`]?.post as { description?: string } | undefined;
    expect(push?.description).toContain('proposeSession');
    expect(push?.description).toContain('session_overlap');
    for (const path of ['/chat', '/sessions/{token}', '/sessions/{token}/invite.ics']) {
      expect(document.paths[path]?.get?.security).toEqual([]);
    }
    expect(Object.keys(document.paths['/sessions/{token}/book']?.post?.responses ?? {}).sort()).toEqual([
      '303',
      '404',
      '409',
    ]);
  });
});
