// L3 escalation from the engineer's side: escalate a ticket, log follow-ups, watch the follow-up fall
// overdue as time passes; and Microsoft's On-Premise finding without the add-on closes the ticket.
import type { Locator, Page } from '@playwright/test';
import type { Ticket } from '../../shared/domain';
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const shots = 'test-results/screenshots';

async function escalate(page: Page, pane: Locator, caseNumber: string) {
  await pane.getByRole('button', { name: 'Escalate to Microsoft…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Microsoft case number').fill(caseNumber);
  await dialog.getByLabel(/^Microsoft engineer\W*$/).fill('Alex Wilber');
  await dialog.getByLabel("Microsoft engineer's e-mail").fill('alexw@microsoft.example');
  await dialog.getByLabel('Support topic').fill('Mail flow');
  await dialog.getByLabel('Product').fill('Exchange Online');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Escalated to Microsoft');
}

function investigationTickets(tickets: Ticket[], userId: string) {
  return tickets.filter((t) => t.stage === 'investigation' && t.assignee?.id === userId);
}

test('an escalated ticket shows its follow-up overdue once the cadence has passed', async ({ page, portal }) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const target = investigationTickets(tickets, user.id)[0];
  if (target === undefined) throw new Error('the demo data gives Giulia no ticket in investigation');
  await page.clock.install();

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, target.number);
  await pane.getByRole('button', { name: 'Escalate to Microsoft…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Microsoft case number').fill('12345');
  await expect(dialog.getByText(/must be 15 digits/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Escalate' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await escalate(page, pane, '251125010000777');

  const panel = pane.getByRole('region', { name: 'Microsoft escalation' });
  await expect(panel).toContainText('Microsoft case 251125010000777');
  await pane.getByRole('button', { name: 'Log follow-up…' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Summary')
    .fill('Called Microsoft: message trace requested, engineer assigned.');
  await page.getByRole('dialog').getByLabel('Microsoft responded').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Log follow-up' }).click();
  await expect(panel.getByRole('list', { name: 'Follow-ups with Microsoft' }).getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByText('Follow-up overdue')).toHaveCount(0);
  await expect(page.getByText('All changes sent')).toBeVisible();

  // Two days later, with no new follow-up, whatever the severity's cadence.
  await page.clock.fastForward('49:00:00');
  await expect(panel.getByText('Follow-up overdue')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/escalation-overdue.png` });

  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.id === target.id);
  expect(onServer?.stage).toBe('escalated');
  expect(onServer?.escalation?.followUps).toHaveLength(1);
});

test('On-Premise without the add-on closes the ticket with the explanation', async ({ page, portal }) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const target = investigationTickets(tickets, user.id).find((t) => t.entitlement?.onPremiseAddOn !== true);
  if (target === undefined) throw new Error('the demo data gives Giulia no ticket without the On-Premise add-on');

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, target.number);
  await escalate(page, pane, '2511250100007771');
  await pane.getByRole('button', { name: 'Record Cloud / On-Premise…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('The On-Premise scenario').check();
  await expect(dialog.getByRole('textbox', { name: /Explanation/ })).toHaveValue(/On-Premise add-on/);
  await dialog.getByRole('button', { name: 'Close as not entitled and send' }).click();

  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Closed');
  await expect(pane.getByText(/Closed: On-Premise without the add-on/)).toBeVisible();
  await expect(pane.getByRole('listitem', { name: 'Reply to the customer' }).last()).toContainText('On-Premise add-on');
  await expect(page.getByText('All changes sent')).toBeVisible();
  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.id === target.id);
  expect(onServer?.closure?.reason).toBe('on_premise_not_entitled');
});
