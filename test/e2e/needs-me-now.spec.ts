// What needs the user now, seen from the queue: follow-ups past due and Microsoft's silences badged,
// filtered and sorted; open work by default with closed tickets a switch away; and a new ticket
// arriving in the queue within seconds, pushed by the server's change stream rather than the next pull.
import { DEFAULT_CADENCE, nextFollowUpDue, type Ticket } from '../../shared/domain';
import { FIRST_SCREEN_ROWS } from '../../renderer/data/stores/queue-store';
import { expect, serverScope, signIn, test } from './portal';
import { entitledAccount, submitWebForm } from './ticket-flow';

const LEAD = 'anna.moretti@css.example';
const shots = 'test-results/screenshots';

/** The tickets whose Microsoft case is still chased: the queue keeps their clock. */
const chased = (tickets: readonly Ticket[]) =>
  tickets.filter((t) => t.stage !== 'closed' && t.escalation !== null && t.escalation.status !== 'closed');

test('the lead finds every overdue follow-up from the queue, without opening a ticket', async ({ page, portal }) => {
  const open = chased((await serverScope(portal, LEAD)).tickets);
  expect(open.length).toBeGreaterThan(1);
  await page.clock.install();
  await signIn(page, portal, LEAD);
  const queue = page.getByRole('region', { name: 'Ticket queue' });
  const grid = queue.getByRole('grid', { name: 'Tickets' });

  // Two days on without a follow-up: every case still open is overdue, whatever its severity.
  await page.clock.fastForward('49:00:00');
  await queue.getByRole('combobox', { name: 'Follow-up' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Follow-up overdue' }).click();
  await page.keyboard.press('Escape');
  await expect(grid).toHaveAttribute('aria-rowcount', String(open.length));
  await expect(grid.getByRole('row').first().getByText('Follow-up overdue')).toBeVisible();
  await page.screenshot({ path: `${shots}/queue-overdue-follow-ups.png` });

  // Sorted by the follow-up due, the longest overdue comes first.
  await queue.getByRole('combobox', { name: 'Sort by' }).click();
  await page.getByRole('option', { name: 'Follow-up due' }).click();
  const due = (t: Ticket) =>
    t.escalation === null ? Infinity : nextFollowUpDue(t.escalation, DEFAULT_CADENCE).getTime();
  const soonest = Math.min(...open.map(due));
  const soonestNumbers = open.filter((t) => due(t) === soonest).map((t) => t.number);
  // The rows re-sort just after the choice: wait for the order, not the first frame.
  await expect
    .poll(async () =>
      soonestNumbers.includes((await grid.getByRole('row').first().getAttribute('data-ticket-number')) ?? ''),
    )
    .toBe(true);
});

test('the queue shows open work; closed tickets wait behind "Show closed"', async ({ page, portal }) => {
  const { tickets } = await serverScope(portal, LEAD);
  const closed = tickets.filter((t) => t.stage === 'closed').length;
  expect(closed).toBeGreaterThan(0);
  await signIn(page, portal, LEAD);
  const queue = page.getByRole('region', { name: 'Ticket queue' });
  const grid = queue.getByRole('grid', { name: 'Tickets' });

  await expect(queue.getByRole('tab', { name: `All (${tickets.length - closed})` })).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', String(tickets.length - closed));
  await expect(grid.getByText('Closed', { exact: true })).toHaveCount(0);

  await queue.getByRole('switch', { name: 'Show closed' }).check();
  await expect(queue.getByRole('tab', { name: `All (${tickets.length})` })).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', String(tickets.length));

  // Opened again from the local copy: the first screen, then every row read back in the background.
  expect(tickets.length).toBeGreaterThan(FIRST_SCREEN_ROWS);
  await page.reload();
  await expect(queue.getByRole('tab', { name: `All (${tickets.length - closed})` })).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', String(tickets.length - closed));
  await queue.getByRole('switch', { name: 'Show closed' }).check();
  await expect(grid).toHaveAttribute('aria-rowcount', String(tickets.length));
});

test('a new request reaches the lead’s queue within seconds, highlighted until opened', async ({
  page,
  context,
  portal,
}) => {
  const account = entitledAccount((await serverScope(portal, LEAD)).tickets);
  await signIn(page, portal, LEAD);
  const number = await submitWebForm(await context.newPage(), portal, {
    ...account,
    contactName: 'Chiara Lombardi',
    contactEmail: 'chiara.lombardi@nuvoladigitale.example',
    priority: 'critical',
    scope: 'exchange_online',
    subject: 'No mail delivered since 09:00',
    description: 'Every inbound message bounces with 550 5.7.1 since this morning, for all 40 users.',
  });
  // The console pulls every 30 s on its own; the change stream brings the ticket well before that.
  await page.bringToFront();
  const row = page.locator(`[role="row"][data-ticket-number="${number}"]`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  // Highlighted as new until the lead opens it.
  await expect(row.getByText('Just arrived')).toBeVisible();
  await page.screenshot({ path: `${shots}/queue-new-ticket.png` });
  await row.click();
  await expect(page.getByRole('region', { name: `Ticket ${number}` })).toBeVisible();
  await expect(row.getByText('Just arrived')).toHaveCount(0);
});
