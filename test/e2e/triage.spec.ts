// Triage: an engineer sweeps five waiting tickets offline, one key per action (I take, 2 High, V validate,
// P pass or F fail with the proposed explanation), and every change reaches the server once back online.
import type { Ticket } from '../../shared/domain';
import { expect, serverScope, signIn, test } from './portal';

const ENGINEER = 'giulia.rossi@css.example';
const SWEPT = 5;

test('an engineer triages five tickets offline, one key per action, and the changes reach the server', async ({
  page,
  context,
  portal,
}) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const waiting = tickets
    .filter((t) => t.stage === 'validation' && (t.assignee === null || t.assignee.id === user.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number));
  expect(waiting.length).toBeGreaterThanOrEqual(SWEPT);

  await signIn(page, portal, ENGINEER);
  await page.getByRole('tab', { name: 'Triage' }).click();
  const triage = page.getByRole('region', { name: 'Triage' });
  const left = triage.getByRole('status');
  await expect(left).toHaveText(`${waiting.length} tickets left`);
  await context.setOffline(true);

  const outcomes = new Map<string, Ticket['stage']>();
  for (const ticket of waiting.slice(0, SWEPT)) {
    await expect(triage.getByRole('heading', { name: `${ticket.number} · ${ticket.title}` })).toBeVisible();
    await page.keyboard.press('i');
    await expect(triage.getByRole('button', { name: 'Take' })).toBeDisabled();
    await page.keyboard.press('2');
    await expect(triage.getByRole('button', { name: 'High', pressed: true })).toBeVisible();
    await page.keyboard.press('v');
    await expect(triage.getByRole('region', { name: 'Validation checklist' }).getByText(/^Run by /)).toBeVisible();
    if (await triage.getByRole('button', { name: 'Pass validation' }).isEnabled()) {
      outcomes.set(ticket.id, 'investigation');
      await page.keyboard.press('p');
    } else {
      outcomes.set(ticket.id, 'closed');
      await page.keyboard.press('f');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('textbox', { name: 'Explanation for the customer' })).not.toBeEmpty();
      await dialog.getByRole('button', { name: 'Close and send' }).click();
    }
  }
  await expect(left).toHaveText(
    waiting.length - SWEPT === 1 ? '1 ticket left' : `${waiting.length - SWEPT} tickets left`,
  );
  await page.screenshot({ path: 'test-results/screenshots/triage.png' });

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('All changes sent')).toBeVisible();
  const after = new Map((await serverScope(portal, ENGINEER)).tickets.map((t) => [t.id, t]));
  for (const [ticketId, stage] of outcomes) {
    expect(after.get(ticketId)).toMatchObject({ stage, priority: 'high', assignee: { id: user.id } });
  }
});
