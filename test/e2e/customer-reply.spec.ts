// A reply to the customer: the composer says whom it goes to, a canned reply is filled in for the
// ticket and the engineer, and the timeline shows it waiting while offline and sent once synced.
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';

test('a canned reply is filled in for the ticket, says whom it goes to, and shows when it is sent', async ({
  page,
  context,
  portal,
}) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const ticket = tickets.find((t) => t.assignee?.id === user.id && t.stage === 'investigation');
  if (ticket === undefined) throw new Error('the demo data gives Giulia no ticket in investigation');
  const to = `To ${ticket.requester.name} <${ticket.requester.email}>`;

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, ticket.number);
  const composer = pane.getByRole('form', { name: 'Write on the timeline' });
  await composer.getByRole('tab', { name: 'Reply to the customer' }).click();
  await expect(composer.getByText(to)).toBeVisible();
  await composer.getByRole('button', { name: 'Insert canned reply' }).click();
  await page.getByRole('menuitem', { name: 'Ask for logs' }).click();
  const body = composer.getByRole('textbox', { name: 'Reply to the customer' });
  await expect(body).toHaveValue(
    new RegExp(`^Dear ${ticket.requester.name},\\n\\nTo look into ${ticket.number} further`),
  );
  await expect(body).toHaveValue(/Kind regards,\nGiulia Rossi$/);

  await context.setOffline(true);
  await composer.getByRole('button', { name: 'Send reply' }).click();
  const reply = pane.getByRole('listitem', { name: 'Reply to the customer' }).last();
  await expect(reply.getByText(to)).toBeVisible();
  await expect(reply.getByText('Not sent yet')).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(reply.getByText('Sent', { exact: true })).toBeVisible();
  await expect(reply.getByText('Not sent yet')).toHaveCount(0);
  await reply.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/customer-reply-sent.png' });
  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.id === ticket.id);
  expect(onServer?.timeline.at(-1)).toMatchObject({ kind: 'customer_reply', direction: 'outbound' });
});
