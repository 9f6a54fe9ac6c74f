// A ticket escalated in its first minute: the escalate dialog proposes the current minute as the time the
// Microsoft case was opened, which is before the second the ticket arrived; the console and the server
// accept it (the same minute), and a follow-up logged in that minute too. The server's clock starts at a
// fixed instant and the console's stands still at the ticket's arrival, so the minute never runs out.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { minuteStart } from '../../shared/domain/time';
import { expect, serverScope, signIn, test } from './portal';
import { entitledAccount, openTicket, submitWebForm } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const LEAD = 'anna.moretti@css.example';
/** Half a minute into the minute, so the ticket arrives well after the minute the dialog proposes. */
const START = new Date('2026-03-10T09:00:30.000Z');
/** The engineer's machine: the dialog shows its times in this zone. */
const ENGINEER_ZONE = 'Europe/Rome';

test.use({ portalStart: START, timezoneId: ENGINEER_ZONE });

test('a ticket is escalated to Microsoft in the minute it was received', async ({ page, context, portal }) => {
  const account = entitledAccount((await serverScope(portal, LEAD)).tickets);
  const number = await submitWebForm(await context.newPage(), portal, {
    ...account,
    contactName: 'Chiara Lombardi',
    contactEmail: 'chiara.lombardi@nuvoladigitale.example',
    priority: 'high',
    scope: 'exchange_online',
    subject: 'Mail to one partner domain bounces',
    description: 'Since this morning every message to the partner domain contoso.example bounces with 550 5.7.1.',
  });
  const received = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.number === number);
  if (received === undefined) throw new Error(`${number} is not in Giulia's scope`);
  // The console's clock reads the second the ticket arrived, whatever the test's own pace.
  await page.clock.setFixedTime(new Date(received.createdAt));

  await signIn(page, portal, ENGINEER);
  const pane = await openTicket(page, number);
  await pane.getByRole('button', { name: 'Take' }).click();
  await pane.getByRole('button', { name: 'Run validation' }).click();
  await pane.getByRole('button', { name: 'Pass validation' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Investigation');

  await pane.getByRole('button', { name: 'Escalate to Microsoft…' }).click();
  const dialog = page.getByRole('dialog');
  const firstMinute = minuteStart(received.createdAt);
  await expect(dialog.getByLabel('Opened at Microsoft')).toHaveValue(
    format(new TZDate(firstMinute.getTime(), ENGINEER_ZONE), "yyyy-MM-dd'T'HH:mm"),
  );
  await dialog.getByLabel('Microsoft case number').fill('260310090000123');
  await dialog.getByLabel(/^Microsoft engineer\W*$/).fill('Alex Wilber');
  await dialog.getByLabel('Support topic').fill('Mail flow');
  await dialog.getByLabel('Product').fill('Exchange Online');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog).toBeHidden();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Escalated to Microsoft');
  // One status control on an escalated ticket: the Microsoft case's, which sets the ticket's too.
  await expect(pane.getByRole('combobox', { name: /status/i })).toHaveCount(1);

  const panel = pane.getByRole('region', { name: 'Microsoft escalation' });
  await pane.getByRole('button', { name: 'Log follow-up…' }).click();
  await page.getByRole('dialog').getByLabel('Summary').fill('Opened the case by phone; engineer assigned.');
  await page.getByRole('dialog').getByRole('button', { name: 'Log follow-up' }).click();
  await expect(panel.getByRole('list', { name: 'Follow-ups with Microsoft' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('All changes sent')).toBeVisible();

  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.number === number);
  expect(onServer?.stage).toBe('escalated');
  expect(onServer?.escalation?.openedAt).toBe(firstMinute.toISOString());
  expect(onServer?.escalation?.followUps.map((followUp) => followUp.at)).toEqual([firstMinute.toISOString()]);
});
