// The contract check (test/support/contract.ts) catches what breaks the OpenAPI document, and what the server
// answers outside any route — unknown paths, bad URLs, oversized headers, broken HTTP — is in the document too.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { type SeenResponse, contractViolation, takeContractViolations } from '../../support/contract';
import { type Portal, anna, bearer, giulia, seededPortal, signIn } from './fixtures';

const health: SeenResponse = {
  method: 'GET',
  url: `${API_PREFIX}/health`,
  route: `${API_PREFIX}/health`,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: '{"ok":true}',
};

describe('the contract check', () => {
  it('passes an answer the document describes', () => {
    expect(contractViolation(health)).toBeNull();
  });

  it('fails an undocumented status, a body off its schema, a wrong type and an undocumented operation', () => {
    expect(contractViolation({ ...health, status: 429 })).toMatch(/status 429 is not documented/);
    expect(contractViolation({ ...health, body: '{"ok":false}' })).toMatch(/does not match its schema: \/ok/);
    expect(contractViolation({ ...health, body: '{"ok":true,"more":1}' })).toMatch(/does not match its schema/);
    expect(contractViolation({ ...health, body: 'ok' })).toBe('the body is not JSON');
    expect(contractViolation({ ...health, contentType: 'text/html' })).toMatch(/text\/html, documented as application/);
    expect(contractViolation({ ...health, route: `${API_PREFIX}/nowhere` })).toMatch(/not in the document/);
    // Fastify's own error shape is not the contract's.
    const fastifyError = '{"statusCode":500,"error":"Internal Server Error","message":"boom"}';
    expect(contractViolation({ ...health, status: 500, body: fastifyError })).toMatch(/does not match its schema/);
  });

  it("checks a page's status and type, not its HTML", () => {
    const page = { ...health, url: '/chat', route: '/chat', contentType: 'text/html; charset=utf-8', body: '<p>' };
    expect(contractViolation(page)).toBeNull();
    expect(contractViolation({ ...page, status: 404 })).toMatch(/status 404 is not documented/);
  });

  it('watches every answer of a seeded portal, and reports the ones off the document', async () => {
    const portal = await seededPortal();
    portal.app.get(`${API_PREFIX}/teapot`, (_request, reply) => reply.code(418).send({ short: 'and stout' }));
    await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/teapot` });
    await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/health` });
    const violations = takeContractViolations();
    await portal.close();
    expect(violations).toEqual([
      `GET ${API_PREFIX}/teapot answered 418: the operation GET ${API_PREFIX}/teapot is not in the document`,
    ]);
  });
});

describe('answers outside any route', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await seededPortal();
  });
  afterAll(() => portal.close());

  // Checked here as well as by the fixtures: the router's refusals (a bad URL) skip Fastify's hooks.
  it.each([
    ['GET', `${API_PREFIX}/nowhere`, 404, 'not_found'],
    ['DELETE', `${API_PREFIX}/sync/push`, 404, 'not_found'],
    ['POST', `${API_PREFIX}/health`, 404, 'not_found'],
    ['GET', '/sessions/%E0%A4%A', 400, 'invalid_request'],
    ['GET', `/sessions/${'a'.repeat(200)}`, 404, 'not_found'],
  ] as const)('answers %s %s with %i %s in the error shape', async (method, url, status, code) => {
    const response = await portal.app.inject({ method, url });
    expect(response.statusCode).toBe(status);
    expect(ErrorBody.parse(response.json()).error).toBe(code);
    const contentType = response.headers['content-type'];
    const seen = { method, url, route: null, status, contentType: String(contentType), body: response.body };
    expect(contractViolation(seen)).toBeNull();
  });

  it('answers HEAD as GET, without a body', async () => {
    const response = await portal.app.inject({ method: 'HEAD', url: `${API_PREFIX}/health` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('documented refusals the other tests do not reach', () => {
  let portal: Portal;
  const tokens = { engineer: '', lead: '' };
  beforeAll(async () => {
    portal = await seededPortal();
    tokens.engineer = await signIn(portal.app, giulia.email);
    tokens.lead = await signIn(portal.app, anna.email);
  });
  afterAll(() => portal.close());

  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const text = { 'content-type': 'text/plain' };
  const over = (bytes: number) => `{"padding":"${'x'.repeat(bytes)}"}`;
  const MiB = 1024 * 1024;

  // The fixtures' contract check fails the test if one of these is not documented for its operation.
  it.each([
    ['POST', `${API_PREFIX}/auth/login`, 413, null, json, over(MiB)],
    ['PUT', `${API_PREFIX}/lead/cadence`, 413, 'lead', json, over(MiB)],
    ['PUT', `${API_PREFIX}/lead/cadence`, 415, 'lead', text, 'weekly'],
    ['POST', `${API_PREFIX}/sync/push`, 415, 'engineer', text, 'notes'],
    ['POST', `${API_PREFIX}/sync/push`, 400, 'engineer', json, ''],
    ['POST', '/chat', 415, null, text, 'hello'],
    ['POST', '/chat', 413, null, form, `answer=${'x'.repeat(300 * 1024)}`],
    ['POST', '/sessions/no-such-link/book', 415, null, text, 'slot'],
    ['POST', '/sessions/no-such-link/book', 413, null, form, `slot=${'x'.repeat(70 * 1024)}`],
    ['POST', '/sessions/no-such-link/other-times', 415, null, text, 'later'],
    ['POST', '/sessions/no-such-link/other-times', 404, null, form, 'message=later'],
    ['POST', '/sessions/no-such-link/other-times', 413, null, form, `message=${'x'.repeat(70 * 1024)}`],
    ['GET', '/chat/received/CSS-999999', 404, null, {}, undefined],
  ] as const)('%s %s is answered %i', async (method, url, status, who, headers, payload) => {
    const auth = who === null ? {} : bearer(tokens[who]);
    const response = await portal.app.inject({ method, url, headers: { ...headers, ...auth }, payload });
    expect(response.statusCode).toBe(status);
  });

  it('answers a page that fails with a page, not JSON', async () => {
    const broken = await seededPortal();
    await broken.db.sql.exec('DROP TABLE ticket_scope_exits; DROP TABLE tickets');
    const page = await broken.app.inject({ method: 'GET', url: '/intake/received/CSS-000001' });
    await broken.close();
    expect([page.statusCode, page.headers['content-type']]).toEqual([500, 'text/html; charset=utf-8']);
  });
});

/** Sends raw bytes to the listening server and reads its answer until it closes the connection. */
function rawExchange(port: number, request: string): Promise<SeenResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...headers] = head.split('\r\n');
      const contentType = headers.find((header) => /^content-type:/i.test(header))?.replace(/^content-type:\s*/i, '');
      const status = Number(statusLine.split(' ')[1]);
      resolve({ method: 'GET', url: '(raw)', route: null, status, contentType, body });
    });
  });
}

describe('what Node refuses before any route', () => {
  let portal: Portal;
  let port: number;
  beforeAll(async () => {
    portal = await seededPortal();
    await portal.app.listen({ port: 0, host: '127.0.0.1' });
    const address = portal.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on a port');
    port = address.port;
  });
  afterAll(() => portal.close());

  it('answers headers over the limit with 431 in the error shape, as the document says', async () => {
    const seen = await rawExchange(
      port,
      `GET ${API_PREFIX}/health HTTP/1.1\r\nHost: portal\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(seen.status).toBe(431);
    expect(ErrorBody.parse(JSON.parse(seen.body))).toEqual({
      error: 'invalid_request',
      message: 'the request headers are larger than 16 KiB; send a shorter request',
    });
    expect(contractViolation(seen)).toBeNull();
  });

  it('answers what is not HTTP with 400 in the error shape', async () => {
    const seen = await rawExchange(port, 'HELLO PORTAL\r\n\r\n');
    expect(seen.status).toBe(400);
    expect(ErrorBody.parse(JSON.parse(seen.body)).error).toBe('invalid_request');
    expect(contractViolation(seen)).toBeNull();
  });
});
