// An engineer works from the keyboard: the queue is one Tab stop moved with J/K and the arrows, Enter
// opens a ticket, `/` searches, single keys start the common steps and give the focus back when their
// dialog closes (after a refusal too), `?` shows the keys, and Ctrl/⌘+K finds any command or ticket.
import type { Page } from '@playwright/test';
import type { Ticket } from '../../shared/domain';
import { fillEscalation } from './ticket-flow';
import { expectNoSeriousViolations } from './axe';
import { expect, serverScope, signIn, test } from './portal';

const ENGINEER = 'giulia.rossi@css.example';

async function investigationTickets(portal: Parameters<typeof serverScope>[0]): Promise<Ticket[]> {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const mine = tickets.filter((t) => t.stage === 'investigation' && t.assignee?.id === user.id);
  if (mine.length < 2) throw new Error('the demo data gives Giulia fewer than two tickets in investigation');
  return mine;
}

const row = (page: Page, index: number) => page.locator(`[role="row"][data-row-index="${index}"]`);

test('the queue is one Tab stop: J/K and the arrows move between rows, Enter opens the ticket', async ({
  page,
  portal,
}) => {
  await signIn(page, portal, ENGINEER);
  const grid = page.getByRole('grid', { name: 'Tickets' });
  // With nothing focused, J reaches the queue.
  await page.locator('body').press('j');
  await expect(row(page, 0)).toBeFocused();
  // Only the row the keyboard is on can be reached with Tab.
  await expect(grid.locator('[role="row"][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('j');
  await expect(row(page, 1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(row(page, 1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('j');
  await expect(row(page, 1)).toBeFocused();

  // End goes to the last ticket however long the list: the virtualized grid scrolls it into view.
  const count = Number(await grid.getAttribute('aria-rowcount'));
  await page.keyboard.press('End');
  await expect(page.locator(`[role="row"][aria-rowindex="${count}"]`)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row(page, 0)).toBeFocused();

  await page.keyboard.press('j');
  const number = await row(page, 1).getAttribute('data-ticket-number');
  await page.keyboard.press('Enter');
  const pane = page.getByRole('region', { name: `Ticket ${number}` });
  await expect(pane).toBeVisible();
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');
  // The ticket's steps are drawn just after its header: the engineer tabs once they are shown.
  const actions = pane.getByRole('toolbar', { name: 'Ticket actions' });
  await expect(actions).toBeVisible();

  // From the opened row, Tab reaches the split's handle, then the ticket's first button; and back the same way.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('separator', { name: 'Resize the queue and the ticket (arrow keys)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(actions.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(row(page, 1)).toBeFocused();
});

test('single keys start the open ticket’s steps, never while typing, and the focus comes back when the dialog closes', async ({
  page,
  portal,
}) => {
  const [target] = await investigationTickets(portal);
  if (target === undefined) throw new Error('no ticket in investigation');
  await signIn(page, portal, ENGINEER);

  // `/` goes to the search box without typing itself there.
  await page.locator('body').press('/');
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  // Typed in a field, letters are letters.
  await page.keyboard.type(`${target.number} `);
  await page.keyboard.type('en');
  await expect(search).toHaveValue(`${target.number} en`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await search.fill(target.number);

  // Down from the search reaches the results; Enter opens the one found.
  const targetRow = page.locator(`[role="row"][data-ticket-number="${target.number}"]`);
  await expect(page.locator('[role="row"][data-row-index]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(targetRow).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('region', { name: `Ticket ${target.number}` });
  await expect(pane).toBeVisible();
  await expect(targetRow).toBeFocused();

  // E escalates; Cancel gives the focus back to the row.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: `Escalate ${target.number} to Microsoft` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(targetRow).toBeFocused();

  // Refused: the focus stays in the dialog, Escape still closes it, and the focus comes back.
  await page.keyboard.press('e');
  await expect(dialog).toBeVisible();
  await fillEscalation(dialog, '251125010000778', '2099-01-01T10:00');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog.getByText(/cannot be opened in the future/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Escalate' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(targetRow).toBeFocused();

  // N writes a note: the keys typed there are the note's, not shortcuts.
  await page.keyboard.press('n');
  const note = pane.getByRole('textbox', { name: /Internal note/ });
  await expect(note).toBeFocused();
  await page.keyboard.type('Checked the mail flow rules; nothing else.');
  await expect(note).toHaveValue('Checked the mail flow rules; nothing else.');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // `?` shows the keys; Escape closes the map.
  await targetRow.focus();
  await page.keyboard.press('?');
  const map = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(map).toBeVisible();
  await expect(map.getByRole('region', { name: 'Open ticket' })).toContainText('Escalate to Microsoft');
  await expectNoSeriousViolations(page, 'keyboard map');
  await page.keyboard.press('Escape');
  await expect(map).toHaveCount(0);
  await expect(targetRow).toBeFocused();
});

test('the command palette goes to a ticket by its number and runs the steps its stage allows', async ({
  page,
  portal,
}) => {
  const [, target] = await investigationTickets(portal);
  if (target === undefined) throw new Error('no second ticket in investigation');
  await signIn(page, portal, ENGINEER);

  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  // No ticket is open: no ticket steps, but the views and the console's commands.
  await expect(palette.getByRole('option', { name: 'Sync now' })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Escalate/ })).toHaveCount(0);
  await page.keyboard.type(target.number.replace('CSS-', ''));
  await expect(palette.getByRole('option', { name: new RegExp(`Go to ${target.number}`) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  const pane = page.getByRole('region', { name: `Ticket ${target.number}` });
  await expect(pane).toBeVisible();

  // The open ticket's steps, as its stage allows: escalation yes, passing validation no. The dialog the
  // palette opens gives the focus back to where it was before the palette.
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  await search.focus();
  await page.keyboard.press('ControlOrMeta+K');
  await expect(palette.getByRole('option', { name: 'Pass validation' })).toHaveCount(0);
  await expect(palette.getByRole('option', { name: 'Reply to the customer R' })).toBeVisible();
  await expectNoSeriousViolations(page, 'command palette');
  await page.keyboard.type('escalate');
  await expect(palette.getByRole('option', { name: /Escalate to Microsoft/ })).toContainText('E');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Escalate ${target.number} to Microsoft` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();

  // The theme from the palette, and the agenda.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('theme dark');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+K');
  await expect(palette.getByRole('option', { name: 'Theme: Dark' })).toBeVisible();
  await expectNoSeriousViolations(page, 'command palette, dark theme');
  await page.keyboard.type('agenda');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Agenda', selected: true })).toBeVisible();
});
