// Any window size: on a small laptop screen, a common one and a full-HD monitor, the queue and the open
// ticket sit side by side without overlapping, the ticket gets the wider part, its header with the
// actions and the note box are in view without scrolling, and the split the engineer drags is kept
// across a reload.
import type { Locator, Page } from '@playwright/test';
import type { Ticket } from '../../shared/domain';
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const shots = 'test-results/screenshots';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('the element is not displayed');
  return found;
}

/** Giulia's open escalation: the busiest ticket there is, with the escalation panel and the most actions. */
async function openEscalation(page: Page, tickets: Ticket[], userId: string) {
  const escalated = tickets.find(
    (t) => t.stage === 'escalated' && t.escalation?.status !== 'closed' && t.assignee?.id === userId,
  );
  if (escalated === undefined) throw new Error('the demo data gives Giulia no open escalation');
  return openTicket(page, escalated.number);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the queue and the ticket do not overlap, and the actions and note box are in view`, async ({
    page,
    portal,
  }) => {
    const { user, tickets } = await serverScope(portal, ENGINEER);
    await page.setViewportSize(size);
    await signIn(page, portal, ENGINEER);
    const pane = await openEscalation(page, tickets, user.id);
    const queue = page.getByRole('region', { name: 'Ticket queue' });

    const queueBox = await box(queue);
    const paneBox = await box(pane);
    expect(queueBox.x + queueBox.width).toBeLessThanOrEqual(paneBox.x);
    expect(paneBox.x + paneBox.width).toBeLessThanOrEqual(size.width);
    // The ticket, where the work happens, gets the wider part.
    expect(paneBox.width).toBeGreaterThan(queueBox.width);

    // Every column the queue still shows ends inside the queue: none runs under the ticket.
    const row = queue
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .first();
    const cells = row.getByRole('cell');
    for (let index = 0; index < (await cells.count()); index += 1) {
      const cell = await cells.nth(index).boundingBox();
      if (cell !== null) expect(cell.x + cell.width).toBeLessThanOrEqual(queueBox.x + queueBox.width);
    }

    // The page itself never scrolls: the header, its actions and the note box are where the engineer looks.
    await expect(pane.getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(pane.getByRole('toolbar', { name: 'Ticket actions' })).toBeInViewport({ ratio: 1 });
    await expect(pane.getByRole('textbox', { name: /Internal note/ })).toBeInViewport({ ratio: 1 });
    await expect(pane.getByRole('button', { name: 'Add note' })).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);

    // Scrolling the timeline down keeps the header and the note box where they were.
    const timeline = pane.getByRole('heading', { name: 'Timeline' });
    await timeline.scrollIntoViewIfNeeded();
    await expect(pane.getByRole('toolbar', { name: 'Ticket actions' })).toBeInViewport({ ratio: 1 });
    await expect(pane.getByRole('textbox', { name: /Internal note/ })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${shots}/window-${size.width}x${size.height}.png` });
  });
}

test('the split the engineer moves with the keyboard is kept across a reload', async ({ page, portal }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, portal, ENGINEER);
  const queue = page.getByRole('region', { name: 'Ticket queue' });
  const before = (await box(queue)).width;

  const handle = page.getByRole('separator', { name: /Resize the queue and the ticket/ });
  await handle.focus();
  for (let step = 0; step < 5; step += 1) await handle.press('ArrowRight');
  await expect.poll(async () => (await box(queue)).width).toBeGreaterThan(before + 40);
  const widened = (await box(queue)).width;

  await page.reload();
  await expect(page.getByText(/^Last synced /)).toBeVisible();
  await expect.poll(async () => Math.round((await box(queue)).width)).toBeGreaterThan(widened - 2);
  expect((await box(queue)).width).toBeLessThan(widened + 2);
});
