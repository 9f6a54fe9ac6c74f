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
