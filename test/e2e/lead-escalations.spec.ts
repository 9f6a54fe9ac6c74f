// The team lead's escalated-ticket view: every open escalation of the team, filtered, exported to CSV
// exactly as shown, and reassigned — and the new engineer has the ticket after their next sync.
import { readFile } from 'node:fs/promises';
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const LEAD = 'anna.moretti@css.example';
const FROM = 'giulia.rossi@css.example';
const TO = 'marco.bianchi@css.example';

test('the lead filters, exports and reassigns an escalation; the new engineer sees it', async ({
  browser,
  page,
  portal,
}) => {
  const { tickets } = await serverScope(portal, LEAD);
  const open = tickets.filter(
    (t) => t.stage === 'escalated' && t.escalation !== null && t.escalation.status !== 'closed',
  );
  const giulia = (await serverScope(portal, FROM)).user;
  const target = open.find((t) => t.assignee?.id === giulia.id);
  if (target?.escalation == null) throw new Error('the demo data gives Giulia no open escalation');

  await signIn(page, portal, LEAD);
  await page.getByRole('tab', { name: 'Escalations' }).click();
  const view = page.getByRole('region', { name: 'Escalations' });
  await expect(view.getByRole('status').filter({ hasText: /escalations$/ })).toHaveText(`${open.length} escalations`);
  await page.screenshot({ path: 'test-results/screenshots/lead-escalations.png' });

  await view.getByRole('searchbox', { name: 'Search escalations' }).fill(target.number);
  await expect(view.getByRole('status').filter({ hasText: /escalations$/ })).toHaveText(
    `1 of ${open.length} escalations`,
  );

  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const csv = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('Microsoft case');
  expect(lines[1]).toContain(target.number);
  expect(lines[1]).toContain(target.escalation.caseNumber);
  expect(lines[1]).toContain('Giulia Rossi');

  await view.getByRole('button', { name: `Reassign ${target.number}` }).click();
  await page.getByRole('menuitemradio', { name: 'Marco Bianchi' }).click();
  await expect(page.getByText(`${target.number} is now Marco Bianchi's.`).first()).toBeVisible();
  await expect(page.getByText('All changes sent')).toBeVisible();

  const marcoPage = await (await browser.newContext()).newPage();
  await signIn(marcoPage, portal, TO);
  const pane = await openTicket(marcoPage, target.number);
  await expect(pane.getByText('Marco Bianchi', { exact: true })).toBeVisible();
  expect((await serverScope(portal, FROM)).tickets.some((t) => t.id === target.id)).toBe(false);
});

test('an engineer is refused the lead-only list', async ({ portal }) => {
  const login = await fetch(`${portal.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: FROM, password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${portal.apiUrl}/api/v1/lead/escalations`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(403);
});

test('the lead sets the follow-up cadence; a value out of range is refused before it is sent', async ({
  page,
  portal,
}) => {
  await signIn(page, portal, LEAD);
  await page.getByRole('tab', { name: 'Escalations' }).click();
  await page.getByRole('button', { name: 'Follow-up cadence…' }).click();
  const dialog = page.getByRole('dialog');
  const severityA = dialog.getByLabel('Severity A: follow up every (hours)');
  await severityA.fill('0');
  await expect(severityA).toHaveAccessibleDescription('The follow-up interval for severity A must be at least 1 hour.');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await severityA.fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  const { token } = (await (
    await fetch(`${portal.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: FROM, password: 'demo1234' }),
    })
  ).json()) as { token: string };
  const cadence = (await (
    await fetch(`${portal.apiUrl}/api/v1/cadence`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { critical: number };
  expect(cadence.critical).toBe(2);
});

test('the lead filters from the charts, reassigns seeing each load, undoes it, and finds the board as left', async ({
  page,
  portal,
}) => {
  const { tickets } = await serverScope(portal, LEAD);
  const open = tickets.filter(
    (t) => t.stage === 'escalated' && t.escalation !== null && t.escalation.status !== 'closed',
  );
  const severities = ['critical', 'moderate', 'minimal'] as const;
  const bySeverity = severities.map((severity) => open.filter((t) => t.escalation?.severity === severity));
  const most = bySeverity.reduce(
    (best, rows, index) => (rows.length > (bySeverity[best]?.length ?? 0) ? index : best),
    0,
  );
  const chosen = bySeverity[most] ?? [];
  const target = chosen.find((t) => t.assignee !== null);
  if (target?.assignee == null) throw new Error('the demo data has no assigned escalation of that severity');
  const previous = target.assignee.name;
  const next = previous === 'Marco Bianchi' ? 'Giulia Rossi' : 'Marco Bianchi';

  await signIn(page, portal, LEAD);
  await page.getByRole('tab', { name: 'Escalations' }).click();
  const view = page.getByRole('region', { name: 'Escalations' });
  const count = view.getByRole('status').filter({ hasText: /escalations$/ });
  await expect(count).toHaveText(`${open.length} escalations`);

  // A click on a severity's bar filters the list to it; the other bars stay, faint, to click back in.
  await view
    .getByRole('figure', { name: 'Escalations by severity' })
    .locator('.recharts-bar-rectangle')
    .nth(most)
    .click();
  await expect(count).toHaveText(`${chosen.length} of ${open.length} escalations`);
  await page.screenshot({ path: 'test-results/screenshots/lead-chart-filter.png' });
  await view.getByRole('button', { name: 'Hide charts' }).click();
  await expect(view.getByRole('figure', { name: 'Escalations by severity' })).toHaveCount(0);

  // The menu says how loaded each engineer is; the reassignment can be undone from its notice.
  await view.getByRole('button', { name: `Reassign ${target.number}` }).click();
  const option = page.getByRole('menuitemradio', { name: new RegExp(next) });
  await expect(option).toContainText(/open escalation|No open escalations/);
  await option.click();
  await expect(page.getByText(`${target.number} is now ${next}'s.`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`${target.number} is ${previous}'s again.`, { exact: true })).toBeVisible();
  await expect(page.getByText('All changes sent')).toBeVisible();
  const onServer = (await serverScope(portal, LEAD)).tickets.find((t) => t.id === target.id);
  expect(onServer?.assignee?.name).toBe(previous);

  // Opening a ticket from the list and coming back finds the list as it was left.
  await view.getByRole('button', { name: target.number, exact: true }).click();
  await expect(page.getByRole('region', { name: `Ticket ${target.number}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Escalations' }).click();
  await expect(count).toHaveText(`${chosen.length} of ${open.length} escalations`);
  await expect(view.getByRole('button', { name: 'Show charts' })).toBeVisible();
});
