// An engineer signs out: the console revokes its token at the portal, so a copy of it is refused from
// then on. Signed out offline, the console signs out all the same, and the note not yet sent reaches
// the portal after the next sign-in.
import { API_PREFIX } from '../../shared/api';
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';

test('signing out revokes the token at the portal', async ({ page, portal }) => {
  await signIn(page, portal, ENGINEER);
  const revoked = page.waitForResponse((response) => response.url().endsWith(`${API_PREFIX}/auth/logout`));
  await page.getByRole('button', { name: 'Sign out' }).click();
  const answer = await revoked;
  expect(answer.status()).toBe(204);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(/In a browser, your sign-in is kept in this tab only/)).toBeVisible();
  const authorization = await answer.request().headerValue('authorization');
  expect(authorization).toMatch(/^Bearer /);
  const pull = await fetch(`${portal.apiUrl}${API_PREFIX}/sync/pull?cursor=0`, {
    headers: { authorization: authorization ?? '' },
  });
  expect(pull.status).toBe(401);
});

test('signing out offline keeps the note not yet sent, which reaches the portal after signing in', async ({
  page,
  context,
  portal,
}) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const ticket = tickets.find((t) => t.stage === 'investigation' && t.assignee?.id === user.id);
  if (ticket === undefined) throw new Error('the demo data gives Giulia no ticket in investigation');
  await signIn(page, portal, ENGINEER);
  await expect(page.getByText('All changes sent')).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  const note = `Offline before signing out: the customer sent the trace (${Date.now()}).`;
  const pane = await openTicket(page, ticket.number);
  await pane.getByRole('textbox', { name: /Internal note/ }).fill(note);
  await pane.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to be sent');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await context.setOffline(false);
  await signIn(page, portal, ENGINEER);
  await expect(page.getByTestId('pending-count')).toHaveText('All changes sent');
  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.id === ticket.id);
  expect(onServer?.timeline.filter((e) => e.kind === 'internal_note' && e.body === note)).toHaveLength(1);
});
