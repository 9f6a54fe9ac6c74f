// An engineer signs in, sees exactly the tickets of their scope, opens one, adds an internal note,
// reloads, still sees it, and the server holds it exactly once.
import type { Page } from '@playwright/test';
import { expect, serverScope, signIn, test } from './portal';

const ENGINEER = 'giulia.rossi@css.example';

test('an engineer adds an internal note that survives a reload and reaches the server once', async ({
  page,
  portal,
}) => {
  const { user, tickets: scope } = await serverScope(portal, ENGINEER);
  const mine = scope.filter((ticket) => ticket.assignee?.id === user.id);
  const unassigned = scope.filter((ticket) => ticket.assignee === null);
  // The scope: assigned to this engineer, or in their team's unassigned queue; nothing else.
  expect(scope.every((ticket) => ticket.teamId === user.teamId)).toBe(true);
  expect(mine.length + unassigned.length).toBe(scope.length);
  expect(mine.length).toBeGreaterThan(0);
  expect(unassigned.length).toBeGreaterThan(0);

  await recordOutboxWrites(page);
  await signIn(page, portal, ENGINEER);
  // The tabs count open work: closed tickets wait behind "Show closed".
  const open = (tickets: typeof scope) => tickets.filter((ticket) => ticket.stage !== 'closed').length;
  await expect(page.getByRole('tab', { name: `All (${open(scope)})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `My tickets (${open(mine)})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `Team queue (${open(unassigned)})` })).toBeVisible();
  await expect(page.getByText('All changes sent')).toBeVisible();

  // The most recently updated open ticket of mine is at the top of "My tickets".
  await page.getByRole('tab', { name: /My tickets/ }).click();
  const target = mine
    .filter((ticket) => ticket.stage !== 'closed')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.number.localeCompare(b.number))[0];
  if (target === undefined) throw new Error('the demo data gives this engineer no open ticket');
  await page.locator(`[role="row"][data-ticket-number="${target.number}"]`).click();
  const pane = page.getByRole('region', { name: `Ticket ${target.number}` });
  await expect(pane.getByRole('heading', { name: target.title })).toBeVisible();

  const body = `Called the customer: mail flow restored after the connector fix (${Date.now()}).`;
  await pane.getByRole('textbox', { name: /Internal note/ }).fill(body);
  await pane.getByRole('button', { name: 'Add note' }).click();
  await expect(pane.getByRole('listitem', { name: 'Internal note' }).filter({ hasText: body })).toBeVisible();
  await expect(page.getByText('All changes sent')).toBeVisible();
  // Kept (and then marked sent) only once on disk, so a power cut cannot take the note back.
  const outboxWrites = await page.evaluate(() => (window as unknown as { outboxWrites: string[] }).outboxWrites);
  expect(outboxWrites.length).toBeGreaterThanOrEqual(2);
  expect(new Set(outboxWrites)).toEqual(new Set(['strict']));

  await page.reload();
  await page.getByRole('tab', { name: /My tickets/ }).click();
  await page.locator(`[role="row"][data-ticket-number="${target.number}"]`).click();
  const note = page.getByRole('listitem', { name: 'Internal note' }).filter({ hasText: body });
  await expect(note).toBeVisible();
  await expect(note.getByText('Not sent yet')).toHaveCount(0);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/engineer-adds-a-note.png' });

  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((ticket) => ticket.id === target.id);
  expect(onServer?.timeline.filter((entry) => entry.kind === 'internal_note' && entry.body === body)).toHaveLength(1);
});

/**
 * How each of the page's IndexedDB transactions that may write the outbox asked to be committed, in
 * `window.outboxWrites`: 'strict' is on disk when it completes; 'default' and 'relaxed' may still be
 * in the system's cache, which a power cut empties.
 */
async function recordOutboxWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const writes: string[] = [];
    const open = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')?.value as (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) => IDBTransaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
      const transaction = open.apply(this, args);
      if (transaction.mode === 'readwrite' && transaction.objectStoreNames.contains('outbox')) {
        writes.push(transaction.durability);
      }
      return transaction;
    };
    Object.assign(window, { outboxWrites: writes });
  });
}
