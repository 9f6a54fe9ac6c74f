// A refusal belongs to the ticket it came from: opening another ticket does not carry it, nor a note
// half written there.
import { expect, serverScope, signIn, test } from './portal';
import { fillEscalation, openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';

test('a refusal and a half-written note stay with their ticket', async ({ page, portal }) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const [first, second] = tickets.filter((t) => t.stage === 'investigation' && t.assignee?.id === user.id);
  if (first === undefined || second === undefined)
    throw new Error('the demo data gives Giulia fewer than two tickets in investigation');

  await signIn(page, portal, ENGINEER);
  let pane = await openTicket(page, first.number);
  await pane.getByRole('button', { name: 'Escalate to Microsoft…' }).click();
  const dialog = page.getByRole('dialog');
  await fillEscalation(dialog, '251125010000779', '2099-01-01T10:00');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog.getByText(/cannot be opened in the future/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await pane.getByRole('textbox', { name: /Internal note/ }).fill('Half a thought about the first ticket');

  pane = await openTicket(page, second.number);
  await expect(pane.getByRole('toolbar', { name: 'Ticket actions' })).toBeVisible();
  await expect(page.getByText(/cannot be opened in the future/)).toHaveCount(0);
  await expect(pane.getByRole('textbox', { name: /Internal note/ })).toHaveValue('');
});

test('a refusal is said beside the field it is about, in words and in the user’s own date format', async ({
  page,
  portal,
}) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const ticket = tickets.find((t) => t.stage === 'investigation' && t.assignee?.id === user.id);
  if (ticket === undefined) throw new Error('the demo data gives Giulia no ticket in investigation');

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, ticket.number);
  await pane.getByRole('button', { name: 'Escalate to Microsoft…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Microsoft case number').fill('251125010000779');
  await dialog.getByRole('button', { name: 'Escalate' }).click();

  // Each missing detail beside its own field, in words: no argument path such as microsoftContact.name.
  await expect(dialog.getByText('Give the name of the Microsoft engineer who owns the case.')).toBeVisible();
  await expect(dialog.getByLabel(/^Microsoft engineer\W*$/)).toHaveAccessibleDescription(
    /Give the name of the Microsoft engineer who owns the case/,
  );
  await expect(dialog.getByLabel('Product')).toHaveAccessibleDescription(
    /Give the Microsoft product the case is about/,
  );
  await expect(dialog.getByText('Correct the fields marked above, then try again.')).toBeVisible();
  await expect(dialog).not.toContainText('microsoftContact');

  // A rule about a time names the times as the user reads them, beside the field.
  await fillEscalation(dialog, '251125010000779', '2099-01-01T10:00');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  const openedAt = dialog.getByLabel('Opened at Microsoft');
  await expect(openedAt).toHaveAccessibleDescription(/cannot be opened in the future \(1 Jan 2099, 10:00 is after now/);
  await expect(dialog).not.toContainText('2099-01-01T');
  await page.screenshot({ path: 'test-results/e2e/escalate-field-errors.png' });

  // The refusal belongs to the dialog: the ticket behind it shows none.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(pane.getByText(/cannot be opened in the future/)).toHaveCount(0);
});
