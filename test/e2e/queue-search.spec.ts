// The queue's search box keeps what is typed itself (see QueueToolbar's TypedSearchBox): what the
// console sets from elsewhere must still reach it. Clear and the box's own ✕ empty it and bring every
// row back; a search stays in the box, and on the queue, when the engineer comes back from the agenda.
import type { Page } from '@playwright/test';
import { expect, serverScope, signIn, test } from './portal';

const ENGINEER = 'giulia.rossi@css.example';

const rowCount = (page: Page) => page.getByRole('grid').getAttribute('aria-rowcount');

test('Clear and the box’s ✕ empty the search, and a search is kept across views', async ({ page, portal }) => {
  const { tickets } = await serverScope(portal, ENGINEER);
  const target = tickets.find((ticket) => ticket.stage !== 'closed');
  if (target === undefined) throw new Error('the demo data gives Giulia no open ticket');
  await signIn(page, portal, ENGINEER);
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  const rows = page.locator('[role="row"][data-row-index]');
  const unfiltered = await rowCount(page);
  const onlyTarget = async () => {
    await expect(rows).toHaveCount(1);
    await expect(page.locator(`[role="row"][data-ticket-number="${target.number}"]`)).toBeVisible();
  };

  await search.click();
  await page.keyboard.type(target.number);
  await onlyTarget();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', String(unfiltered));

  await search.fill(target.number);
  await onlyTarget();
  await page.getByRole('button', { name: 'clear', exact: true }).click();
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', String(unfiltered));

  await search.fill(target.number);
  await onlyTarget();
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeVisible();
  await page.getByRole('tab', { name: 'Ticket queue' }).click();
  await expect(search).toHaveValue(target.number);
  await onlyTarget();
});
