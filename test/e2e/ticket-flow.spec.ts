// The support process end to end: a web-form request reaches the console, is validated, investigated,
// resolved with the customer's confirmation and reopened; a request without a tenant domain fails
// validation and is closed with the explanation on its timeline; reopening after the window is refused.
import { differenceInDays } from 'date-fns';
import { expect, serverScope, signIn, test } from './portal';
import { entitledAccount, openTicket, submitWebForm } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const LEAD = 'anna.moretti@css.example';
const shots = 'test-results/screenshots';

test('a web-form request goes validation → investigation → resolution → closed, and is reopened', async ({
  page,
  context,
  portal,
}) => {
  const account = entitledAccount((await serverScope(portal, LEAD)).tickets);
  const customer = await context.newPage();
  const number = await submitWebForm(customer, portal, {
    ...account,
    contactName: 'Chiara Lombardi',
    contactEmail: 'chiara.lombardi@nuvoladigitale.example',
    priority: 'high',
    scope: 'exchange_online',
    subject: 'Shared mailbox not visible in Outlook',
    description:
      'Since Monday the shared mailbox "Orders" no longer appears in Outlook for the sales team of 12 users.',
  });

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, number);
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Validation');
  await pane.getByRole('button', { name: 'Take' }).click();
  await pane.getByRole('button', { name: 'Run validation' }).click();
  const checklist = pane.getByRole('region', { name: 'Validation checklist' });
  await expect(checklist.getByRole('listitem')).toHaveCount(6);
  await expect(checklist.getByRole('listitem', { name: /failed/ })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/flow-1-validation.png` });

  await pane.getByRole('button', { name: 'Pass validation' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Investigation');
  await page.screenshot({ path: `${shots}/flow-2-investigation.png` });

  await pane.getByRole('button', { name: 'Ask the customer to confirm…' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox')).toHaveValue(/Chiara/);
  await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Resolution');
  await page.screenshot({ path: `${shots}/flow-3-resolution.png` });

  // "Not fixed" sends it back to investigation.
  await pane.getByRole('button', { name: "Record the customer's answer…" }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/Not fixed/)
    .check();
  await page.getByRole('dialog').getByLabel('What the customer said (optional)').fill('Still missing for two users.');
  await page.getByRole('dialog').getByRole('button', { name: 'Back to investigation' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Investigation');
  await expect(pane.getByRole('listitem', { name: 'Message from the customer' })).toContainText('Still missing');

  // Asked again, and this time confirmed.
  await pane.getByRole('button', { name: 'Ask the customer to confirm…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
  await pane.getByRole('button', { name: "Record the customer's answer…" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close as resolved' }).click();
  await expect(pane.getByText('Closed: Resolved')).toBeVisible();
  await page.screenshot({ path: `${shots}/flow-4-closed.png` });

  // Within the window, it can be reopened.
  await pane.getByRole('button', { name: 'Reopen…' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('The customer reports the mailbox vanished again.');
  await page.getByRole('dialog').getByRole('button', { name: 'Reopen' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Investigation');
  await expect(page.getByText('All changes sent')).toBeVisible();

  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((ticket) => ticket.number === number);
  expect(onServer).toMatchObject({ stage: 'investigation', channel: 'web_form', closure: null });
  expect(
    onServer?.timeline.filter((entry) => entry.kind === 'customer_reply' && entry.direction === 'outbound'),
  ).toHaveLength(3);
});

test('a request without a tenant domain fails validation and is closed with the explanation', async ({
  page,
  context,
  portal,
}) => {
  const account = entitledAccount((await serverScope(portal, LEAD)).tickets);
  const number = await submitWebForm(await context.newPage(), portal, {
    ...account,
    tenantDomain: '',
    contactName: 'Chiara Lombardi',
    contactEmail: 'chiara.lombardi@nuvoladigitale.example',
    priority: 'normal',
    scope: 'teams',
    subject: 'Teams meetings drop after ten minutes',
    description: 'External participants are dropped from Teams meetings after about ten minutes, every time.',
  });

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, number);
  await pane.getByRole('button', { name: 'Take' }).click();
  await pane.getByRole('button', { name: 'Run validation' }).click();
  await expect(pane.getByRole('listitem', { name: 'endCustomer.tenantDomain: failed' })).toBeVisible();

  await pane.getByRole('button', { name: 'Fail validation and close…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Mandatory information missing or invalid')).toBeChecked();
  const explanation = dialog.getByRole('textbox', { name: /Explanation/ });
  await expect(explanation).toHaveValue(/tenant domain/i);
  await explanation.fill(`${await explanation.inputValue()}\n\nKind regards, Giulia`);
  await dialog.getByRole('button', { name: 'Close and send' }).click();

  await expect(pane.getByText('Closed: Missing information')).toBeVisible();
  const reply = pane.getByRole('listitem', { name: 'Reply to the customer' }).last();
  await expect(reply).toContainText('Kind regards, Giulia');
  await reply.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/flow-5-closed-missing-information.png` });

  await expect(page.getByText('All changes sent')).toBeVisible();
  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((ticket) => ticket.number === number);
  expect(onServer?.closure).toMatchObject({ reason: 'missing_information' });
  expect(onServer?.closure?.explanation).toContain('Kind regards, Giulia');
});

test('a ticket closed longer ago than the reopen window cannot be reopened', async ({ page, portal }) => {
  const { tickets } = await serverScope(portal, ENGINEER);
  const old = tickets.find(
    (ticket) => ticket.closure !== null && differenceInDays(new Date(), ticket.closure.closedAt) > 14,
  );
  if (old === undefined) throw new Error('the demo data has no ticket closed more than 14 days ago');

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, old.number);
  await expect(pane.getByRole('button', { name: 'Reopen…' })).toBeDisabled();
  await expect(pane.getByText(/reopen window ended/)).toBeVisible();
});
