// Every console screen passes axe-core with no serious or critical violation, in the light and the dark theme:
// sign-in, queue, a ticket at each stage, the main dialogs, the agenda, the offline state with unsent
// changes and the lead's escalations; and the "Same as the system" theme follows the system as it changes.
import type { Locator, Page } from '@playwright/test';
import { STAGE_LABEL, type Ticket } from '../../shared/domain';
import { expectNoSeriousViolations } from './axe';
import { expect, serverScope, signIn, test, type Portal } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const LEAD = 'anna.moretti@css.example';

type ThemeChoice = 'Light' | 'Dark' | 'Same as the system';

async function chooseTheme(page: Page, theme: ThemeChoice): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: theme }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/** Opens a dialog with its button, checks it, and closes it unchanged. */
async function checkDialog(page: Page, opener: Locator, screen: string): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(page, screen);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
}

function pick(tickets: Ticket[], what: string, fits: (ticket: Ticket) => boolean): Ticket {
  const ticket = tickets.find(fits);
  if (ticket === undefined) throw new Error(`the demo data gives Giulia no ${what}`);
  return ticket;
}

/** Signs out and back in as someone else, on the same page. */
async function switchUser(page: Page, portal: Portal, email: string) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, portal, email);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${theme} theme`, async ({ page, context, portal }) => {
    test.slow();
    const { user, tickets } = await serverScope(portal, ENGINEER);
    const mine = (ticket: Ticket) => ticket.assignee?.id === user.id;
    const validation = pick(tickets, 'ticket in validation', (t) => t.stage === 'validation');
    const investigation = pick(
      tickets,
      'ticket in investigation with a remote session',
      (t) => mine(t) && t.stage === 'investigation' && t.remoteSessions.length > 0,
    );
    const escalated = pick(
      tickets,
      'open escalation',
      (t) => mine(t) && t.stage === 'escalated' && t.escalation?.status !== 'closed',
    );
    const resolution = pick(tickets, 'ticket in resolution', (t) => t.stage === 'resolution');
    const closed = pick(tickets, 'closed ticket', (t) => t.stage === 'closed');
    const label = (screen: string) => `${screen}, ${theme} theme`;

    await page.emulateMedia({ colorScheme: theme });
    await page.goto(portal.appUrl);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoSeriousViolations(page, label('sign-in'));

    await signIn(page, portal, ENGINEER);
    await chooseTheme(page, theme === 'light' ? 'Light' : 'Dark');
    await expectNoSeriousViolations(page, label('queue'));
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoSeriousViolations(page, label('settings menu'));
    await page.keyboard.press('Escape');

    let pane = await openTicket(page, validation.number);
    await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Validation');
    await expectNoSeriousViolations(page, label('ticket in validation'));

    pane = await openTicket(page, investigation.number);
    await expect(pane.getByRole('region', { name: 'Remote sessions' })).toBeVisible();
    await expectNoSeriousViolations(page, label('ticket in investigation with sessions'));
    await pane.getByRole('tab', { name: 'Reply to the customer' }).click();
    await expectNoSeriousViolations(page, label('reply composer'));
    await checkDialog(
      page,
      pane.getByRole('button', { name: 'Propose a session…' }),
      label('propose a session dialog'),
    );
    await checkDialog(page, pane.getByRole('button', { name: 'Escalate to Microsoft…' }), label('escalate dialog'));

    pane = await openTicket(page, escalated.number);
    await expect(pane.getByRole('region', { name: 'Microsoft escalation' })).toBeVisible();
    await expectNoSeriousViolations(page, label('escalated ticket'));
    await checkDialog(page, pane.getByRole('button', { name: 'Log follow-up…' }), label('log follow-up dialog'));

    for (const [ticket, screen] of [
      [resolution, 'ticket waiting for the customer to confirm'],
      [closed, 'closed ticket'],
    ] as const) {
      pane = await openTicket(page, ticket.number);
      await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText(STAGE_LABEL[ticket.stage]);
      await expectNoSeriousViolations(page, label(screen));
    }

    await page.getByRole('tab', { name: 'Agenda' }).click();
    await expect(page.getByRole('region', { name: 'Agenda' })).toBeVisible();
    await expectNoSeriousViolations(page, label('agenda'));
    await page.getByRole('tab', { name: 'Ticket queue' }).click();

    await context.setOffline(true);
    await expect(page.getByText('Offline', { exact: true })).toBeVisible();
    pane = await openTicket(page, investigation.number);
    await pane.getByRole('tab', { name: 'Internal note' }).click();
    await pane.getByRole('textbox', { name: /Internal note/ }).fill('Written offline: the customer will call back.');
    await pane.getByRole('button', { name: 'Add note' }).click();
    await expect(pane.getByText('Not sent yet')).toBeVisible();
    await expectNoSeriousViolations(page, label('offline with an unsent change'));
    await context.setOffline(false);
    await expect(page.getByText('All changes sent')).toBeVisible();

    await switchUser(page, portal, LEAD);
    await page.getByRole('tab', { name: 'Escalations' }).click();
    await expect(page.getByRole('region', { name: 'Escalations' })).toBeVisible();
    await expectNoSeriousViolations(page, label("lead's escalations"));
  });
}

test('"Same as the system" follows the system as it turns dark and light; a chosen theme stays put', async ({
  page,
  portal,
}) => {
  // colorNeutralBackground1 of Fluent's web light and dark themes, on the console's root.
  const light = 'rgb(255, 255, 255)';
  const dark = 'rgb(41, 41, 41)';
  const root = page.locator('.fui-FluentProvider').first();
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, portal, ENGINEER);
  await expect(root).toHaveCSS('background-color', light);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(root).toHaveCSS('background-color', dark);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(root).toHaveCSS('background-color', light);

  await chooseTheme(page, 'Dark');
  await expect(root).toHaveCSS('background-color', dark);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(root).toHaveCSS('background-color', dark);

  await chooseTheme(page, 'Same as the system');
  await expect(root).toHaveCSS('background-color', light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(root).toHaveCSS('background-color', dark);
});
