// The OpenAPI document: generated from the shared schemas, served without a token, listing every endpoint,
// every status the server answers, and every mutation with its arguments and refusal codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, PULL_LIMIT_MAX, PUSH_BATCH_MAX } from '../../../shared/api';
import { MutationName, RefusalCode } from '../../../shared/mutations';
import { type Portal, seededPortal } from './fixtures';

/** The statuses the HTTP layer may answer any operation with, besides its own. */
const EVERYWHERE = ['408', '431', '500'];
const withCommon = (...own: string[]) => [...own, ...EVERYWHERE].sort();

describe('GET /openapi.json', () => {
  let portal: Portal;
  let document: {
    openapi: string;
    info: { description: string };
    paths: Record<
      string,
      Record<string, { security?: unknown[]; description?: string; responses: Record<string, unknown> }>
    >;
    components: {
      schemas: Record<string, unknown>;
      securitySchemes: Record<string, unknown>;
      responses: Record<string, unknown>;
    };
    security: unknown[];
    'x-any-request': Record<string, { $ref: string }>;
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
        `GET ${API_PREFIX}/sync/changes`,
        `GET ${API_PREFIX}/team`,
        `POST ${API_PREFIX}/auth/login`,
        `POST ${API_PREFIX}/auth/logout`,
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
      withCommon('200', '400', '401', '413', '415'),
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
    expect(Object.keys(chat?.responses ?? {}).sort()).toEqual(withCommon('201', '400', '413', '415', '429'));
    expect(Object.keys(form?.responses ?? {}).sort()).toEqual(withCommon('303', '400', '413', '415', '429'));
    expect(document.components.schemas).toHaveProperty('IntakeReceipt');
  });

  it("documents the lead's endpoints as signed-in, lead-only (403), and the cadence as every user's", () => {
    const codes = (path: string, method: string) =>
      Object.keys(document.paths[`${API_PREFIX}${path}`]?.[method]?.responses ?? {}).sort();
    expect(codes('/lead/escalations', 'get')).toEqual(withCommon('200', '401', '403'));
    expect(codes('/lead/cadence', 'put')).toEqual(withCommon('200', '400', '401', '403', '413', '415'));
    expect(codes('/cadence', 'get')).toEqual(withCommon('200', '401'));
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
    expect(Object.keys(document.paths['/sessions/{token}/book']?.post?.responses ?? {}).sort()).toEqual(
      withCommon('303', '400', '404', '409', '413', '415'),
    );
  });

  it('names every mutation with the schema of its arguments, and every refusal code with its meaning', () => {
    const named = document.components.schemas.NamedMutation as {
      oneOf: { properties: { name: { const: string }; args: { $ref: string } } }[];
    };
    expect(named.oneOf.map((variant) => [variant.properties.name.const, variant.properties.args.$ref])).toEqual(
      MutationName.options.map((name) => [
        name,
        `#/components/schemas/${name.charAt(0).toUpperCase()}${name.slice(1)}Args`,
      ]),
    );
    const push = document.paths[`${API_PREFIX}/sync/push`]?.post;
    expect(JSON.stringify(push)).toContain('"items":{"$ref":"#/components/schemas/NamedMutation"}');
    for (const code of RefusalCode.options) expect(push?.description).toMatch(new RegExp(`^- \`${code}\`: \\w`, 'm'));
    expect(push?.description).toContain('A refusal is final for its id');
  });

  it('documents what the HTTP layer answers on every operation, and what any request may get', () => {
    const rateLimited: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(EVERYWHERE));
        const limited = operation.responses['429'] as { headers?: Record<string, unknown> } | undefined;
        if (limited === undefined) continue;
        rateLimited.push(`${method.toUpperCase()} ${path}`);
        expect(limited.headers, `${method} ${path}`).toHaveProperty('retry-after');
      }
    }
    expect(rateLimited.sort()).toEqual(
      [`POST ${API_PREFIX}/auth/login`, `POST ${API_PREFIX}/intake/chat`, 'POST /chat', 'POST /intake'].sort(),
    );
    expect(Object.keys(document['x-any-request']).sort()).toEqual(['400', '404', '408', '431', '500']);
    for (const { $ref } of Object.values(document['x-any-request'])) {
      expect(document.components.responses).toHaveProperty($ref.replace('#/components/responses/', ''));
    }
    expect(document.info.description).toContain('Rate limits answer 429 `rate_limited` with Retry-After');
  });

  it('states the body limit of each endpoint that reads one', () => {
    const tooLarge = (path: string, method = 'post') =>
      (document.paths[path]?.[method]?.responses['413'] as { description: string }).description;
    expect(tooLarge(`${API_PREFIX}/sync/push`)).toMatch(/larger than 16 MiB/);
    expect(tooLarge(`${API_PREFIX}/auth/login`)).toMatch(/larger than 1 MiB/);
    expect(tooLarge(`${API_PREFIX}/lead/cadence`, 'put')).toMatch(/larger than 1 MiB/);
    expect(tooLarge(`${API_PREFIX}/intake/chat`)).toMatch(/larger than 256 KiB/);
    expect(tooLarge('/sessions/{token}/book')).toMatch(/larger than 64 KiB/);
  });

  it('is explained by docs/sync-protocol.md, which names every mutation, refusal code and page limit', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../../docs/sync-protocol.md'), 'utf8');
    for (const name of MutationName.options) expect(guide).toMatch(new RegExp(`\\b${name}\\b`));
    for (const code of RefusalCode.options) expect(guide).toContain(`\`${code}\``);
    expect(guide).toContain(`1 to ${PULL_LIMIT_MAX.toLocaleString('en')}`);
    expect(guide).toContain(`1 to ${PUSH_BATCH_MAX.toLocaleString('en')} mutations`);
  });
});
