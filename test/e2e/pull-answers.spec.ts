// Pages of tickets travel apart from the console's other requests (fetched in a Web Worker). What the
// server, or a gateway in its place, answers a pull with is still said to the user as for any other
// request: a busy server's wait, a gateway's failure, a session that has ended. The sync carries on
// once the server answers again.
import type { Page } from '@playwright/test';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from '../../shared/api';
import { expect, type Portal, signIn, test } from './portal';

const ENGINEER = 'giulia.rossi@css.example';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A gateway on 127.0.0.1 in front of the portal: it passes every request on, except pulls while
 * `answerPulls` is set, which it answers itself, with the portal's grant to the console's origin.
 */
async function startGateway(portal: Portal) {
  const target = new URL(portal.apiUrl);
  const gateway = {
    answerPulls: null as Answer | null,
    pulls: 0,
    url: '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((incoming, outgoing) => {
    const answer = gateway.answerPulls;
    if (incoming.method === 'GET' && incoming.url?.startsWith(`${API_PREFIX}/sync/pull`) === true) {
      gateway.pulls += 1;
      if (answer !== null) {
        outgoing.writeHead(answer.status, {
          ...answer.headers,
          'access-control-allow-origin': incoming.headers.origin ?? '',
          'access-control-expose-headers': 'Retry-After, Date',
        });
        outgoing.end(answer.body);
        return;
      }
    }
    const passed = forward(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    passed.on('error', () => outgoing.destroy());
    incoming.pipe(passed);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return gateway;
}

/** A change the user makes: its sync pushes, then pulls. */
async function addNote(page: Page, body: string): Promise<void> {
  await page.locator('[role="row"][data-ticket-number]').first().click();
  const pane = page.getByRole('region', { name: /^Ticket / });
  await pane.getByRole('textbox', { name: /Internal note/ }).fill(body);
  await pane.getByRole('button', { name: 'Add note' }).click();
}

test('what a pull is answered with is said in words, and the sync carries on once the server answers', async ({
  page,
  portal,
}) => {
  const gateway = await startGateway(portal);
  try {
    await signIn(page, { ...portal, apiUrl: gateway.url }, ENGINEER);
    const status = page.getByRole('status', { name: 'Sync status' });

    // A busy server says how long to wait: the console waits that long, and says so.
    gateway.answerPulls = {
      status: 503,
      headers: { 'content-type': 'text/plain', 'retry-after': '120' },
      body: 'Service Unavailable',
    };
    await addNote(page, 'Asked the customer for the tenant ID.');
    await expect(
      status.getByText('The server is busy and asks to wait 120 s before trying again (HTTP 503).'),
    ).toBeVisible();
    const pullsWhileBusy = gateway.pulls;

    // A gateway's error page: said as the server's problem, and tried again by itself.
    gateway.answerPulls = {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    };
    await page.reload();
    await expect(status.getByText('The server had a problem (HTTP 502).')).toBeVisible();
    expect(gateway.pulls).toBeGreaterThan(pullsWhileBusy);
    gateway.answerPulls = null;
    await expect(status.getByText('The server had a problem (HTTP 502).')).toBeHidden({ timeout: 15_000 });
    await expect(status.getByText(/^Last synced /)).toBeVisible();

    // A session ended at the server: the user is signed out with the reason, their changes kept.
    gateway.answerPulls = {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'unauthenticated', message: 'The session has ended.' }),
    };
    await addNote(page, 'Customer confirmed the fix; waiting for the closing reply.');
    await expect(
      page.getByText('Your session has expired. Sign in again; your pending changes are kept.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  } finally {
    await gateway.close();
  }
});
