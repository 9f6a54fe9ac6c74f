// Remote sessions end to end: two times proposed offline, sent once online; the customer opens their
// link and books one in their own zone; the console shows it confirmed in both zones, in the header
// and the agenda; the .ics carries the right UTC start; the session is moved, its reminder comes once,
// and it is completed with notes. Server and console share a clock starting on a fixed Tuesday morning,
// so nothing depends on today's date.
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { format } from 'date-fns';
import { mkdir, readFile } from 'node:fs/promises';
import { slotInZone, type SessionSlot } from '../../shared/domain/remote-session';
import { expect, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
/** The engineer's machine: every time they type and read first is in this zone. */
const ENGINEER_ZONE = 'Europe/Rome';
/** Tuesday 1 December 2026, 09:00 in Rome: where the server's and the console's clocks start. */
const START = new Date('2026-12-01T08:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TEAMS_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e%40thread.v2/0';

test.use({ portalStart: START, timezoneId: ENGINEER_ZONE });

const hourSlot = (startMs: number): SessionSlot => ({
  start: new Date(startMs).toISOString(),
  end: new Date(startMs + HOUR).toISOString(),
});

/** What the engineer types in the start field for an instant: the wall-clock minute in their zone. */
const typed = (instant: string): string => format(new TZDate(Date.parse(instant), ENGINEER_ZONE), "yyyy-MM-dd'T'HH:mm");

/** "20261201T130000Z": an instant as a UTC date-time in an .ics file. */
const icsUtc = (instant: string): string => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The UTC offset of a zone at START, in minutes, to pick the customer farthest from the engineer. */
const offsetAtStart = (zone: string): number => -new TZDate(START.getTime(), zone).getTimezoneOffset();

/**
 * Playwright's clock, with a Date that can be subclassed: its fake Date constructor returns a plain
 * Date, so a subclass (@date-fns/tz's TZDate, which the console uses for the customer's zone) would
 * silently lose its zone and show the engineer's wall time.
 */
async function installClock(page: Page, time: Date): Promise<void> {
  await page.clock.install({ time });
  await page.addInitScript(() => {
    const clocked = Date;
    const native = (Object.getPrototypeOf(new clocked(0)) as { constructor: DateConstructor }).constructor;
    if (native === clocked) return;
    const subclassable = function (...args: unknown[]) {
      if (new.target === undefined) return new native(clocked.now()).toString();
      const date = args.length === 0 ? new native(clocked.now()) : new native(...(args as [number]));
      Object.setPrototypeOf(date, (new.target as { prototype: object }).prototype);
      return date;
    } as unknown as DateConstructor;
    Object.defineProperties(subclassable, {
      now: { value: () => clocked.now() },
      parse: { value: native.parse.bind(native) },
      UTC: { value: native.UTC.bind(native) },
      prototype: { value: native.prototype },
    });
    window.Date = subclassable;
  });
}

/** Desktop notifications the console shows, recorded instead of shown (the web host uses the Notification API). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.assign(window, { Notification: RecordedNotification, shownNotifications: shown });
  });
}

const notificationTitles = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map((n) => n.title),
  );

/** Moves the server's and the console's clocks forward together. */
async function passTime(page: Page, advance: (ms: number) => void, ms: number): Promise<void> {
  advance(ms);
  await page.clock.fastForward(ms);
}

/**
 * A screenshot under test-results/screenshots, with `shown` scrolled to the top of its pane; with
 * SESSION_SHOTS=<folder>, at 1024×700 and 1920×1080 into that folder instead (to look at both sizes).
 */
async function shoot(page: Page, name: string, shown?: Locator): Promise<void> {
  const show = () => shown?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const folder = process.env.SESSION_SHOTS;
  if (folder === undefined || folder === '') {
    await show();
    await page.screenshot({ path: `test-results/screenshots/sessions-${name}.png` });
    return;
  }
  await mkdir(folder, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await show();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${folder}/${name}-${width}x${height}.png` });
  }
  if (before !== null) await page.setViewportSize(before);
}

test('an engineer proposes times offline, the customer books one and the session is moved and completed', async ({
  page,
  context,
  portal,
}) => {
  test.setTimeout(120_000);
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const candidates = tickets.filter(
    (t) => t.stage === 'investigation' && t.assignee?.id === user.id && t.remoteSessions.length === 0,
  );
  const distance = (zone: string) => Math.abs(offsetAtStart(zone) - offsetAtStart(ENGINEER_ZONE));
  const ticket = candidates.sort((a, b) => distance(b.endCustomer.timeZone) - distance(a.endCustomer.timeZone))[0];
  if (ticket === undefined) throw new Error('the demo data gives Giulia no ticket in investigation without sessions');
  const zone = ticket.endCustomer.timeZone;
  expect(distance(zone), `the customer's zone ${zone} differs from the engineer's`).toBeGreaterThan(0);

  const offered = [hourSlot(START.getTime() + 3 * HOUR), hourSlot(START.getTime() + 5 * HOUR)] as const;
  const booked = offered[1];
  const moved = hourSlot(START.getTime() + 7 * HOUR);
  // 03:00 tomorrow for the customer: a time the dialog must flag.
  const night = hourSlot(new TZDate(2026, 11, 2, 3, 0, zone).getTime());

  await installClock(page, START);
  await recordNotifications(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, portal, ENGINEER);
  await expect(page.getByText('All changes sent')).toBeVisible();

  // Offline, two times are proposed; the dialog shows each in the customer's zone and flags their night.
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  const pane = await openTicket(page, ticket.number);
  const panel = pane.getByRole('region', { name: 'Remote sessions' });
  await panel.getByRole('button', { name: 'Propose a session…' }).click();
  const dialog = page.getByRole('dialog');
  const first = dialog.getByRole('group', { name: 'Time 1' });
  await first.getByLabel(/^Start/).fill(typed(night.start));
  await expect(first).toContainText(`For the customer: ${slotInZone(night, zone)}`);
  await expect(first.getByText(/Outside the customer's working hours/)).toBeVisible();
  await shoot(page, 'propose-dialog');
  await first.getByLabel(/^Start/).fill(typed(offered[0].start));
  await dialog.getByRole('button', { name: 'Add another time' }).click();
  await dialog
    .getByRole('group', { name: 'Time 2' })
    .getByLabel(/^Start/)
    .fill(typed(offered[1].start));
  const link = dialog.getByLabel('Meeting link or remote-assistance code');
  await link.fill('teams.microsoft.com/l/meetup-join/19');
  await expect(dialog.getByText(/must start with https:\/\//)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Propose 2 times' })).toBeDisabled();
  await link.fill(TEAMS_LINK);
  await dialog.getByRole('button', { name: 'Propose 2 times' }).click();
  await expect(dialog).toBeHidden();

  const proposal = panel.getByRole('article', { name: 'Proposed session' });
  for (const slot of offered) {
    await expect(proposal).toContainText(`You: ${slotInZone(slot, ENGINEER_ZONE)}`);
    await expect(proposal).toContainText(`Customer: ${slotInZone(slot, zone)}`);
  }
  await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to be sent');
  await page.getByRole('tab', { name: 'Agenda' }).click();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('button', { name: new RegExp(ticket.number) })).toHaveCount(2);
  await expect(agenda.getByRole('button', { name: new RegExp(ticket.number) }).first()).toContainText('Tentative');
  await page.getByRole('tab', { name: 'Ticket queue' }).click();

  // Online: the proposal reaches the server, and the customer's link opens their page.
  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveText('All changes sent');
  await proposal.getByRole('button', { name: "Copy the customer's link" }).click();
  const schedulingUrl = await proposal.getByRole('link', { name: /\/sessions\// }).getAttribute('href');
  if (schedulingUrl === null) throw new Error("the proposal shows no customer's link");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(schedulingUrl);
  expect(schedulingUrl.startsWith(portal.apiUrl)).toBe(true);
  await shoot(page, 'panel-proposed', panel);

  const customer = await context.newPage();
  await customer.goto(schedulingUrl);
  await expect(customer.getByRole('heading', { name: 'Choose a time for your remote session' })).toBeVisible();
  await customer
    .getByRole('listitem')
    .filter({ hasText: slotInZone(booked, zone) })
    .getByRole('button', { name: 'Book this time' })
    .click();
  await expect(customer.getByRole('heading', { name: 'Your remote session is booked' })).toBeVisible();
  await expect(customer.getByText(slotInZone(booked, zone))).toBeVisible();
  await customer.close();

  // The console learns of it with the next sync: booked by the customer, in both zones.
  await page.getByRole('button', { name: 'Sync now' }).click();
  const confirmed = panel.getByRole('article', { name: 'Confirmed session' });
  await expect(confirmed).toContainText('booked by the customer on the scheduling page');
  await expect(confirmed).toContainText(`You: ${slotInZone(booked, ENGINEER_ZONE)}`);
  await expect(confirmed).toContainText(`Customer: ${slotInZone(booked, zone)}`);
  await expect(confirmed.getByRole('link', { name: TEAMS_LINK })).toBeVisible();
  const bookedLocal = format(new TZDate(Date.parse(booked.start), ENGINEER_ZONE), 'HH:mm');
  await expect(page.locator(`[role="row"][data-ticket-number="${ticket.number}"]`)).toContainText(
    `Session ${bookedLocal}`,
  );
  await expect(page.getByRole('button', { name: /^(Next session: |Session now: )/ })).toBeVisible();
  await shoot(page, 'panel-confirmed', panel);

  // Another proposal at the booked time is flagged, and needs a reason before it can be sent.
  await panel.getByRole('button', { name: 'Propose a session…' }).click();
  const overlapping = page.getByRole('dialog');
  await overlapping
    .getByRole('group', { name: 'Time 1' })
    .getByLabel(/^Start/)
    .fill(typed(booked.start));
  await expect(overlapping.getByText(`Overlaps your confirmed session on ${ticket.number}`)).toBeVisible();
  await expect(overlapping.getByRole('button', { name: 'Propose this time' })).toBeDisabled();
  await overlapping.getByLabel('Why book it although it overlaps another session').fill('Short follow-up call.');
  await expect(overlapping.getByRole('button', { name: 'Propose this time' })).toBeEnabled();
  await overlapping.getByRole('button', { name: 'Cancel' }).click();
  await expect(overlapping).toBeHidden();

  await page.getByRole('tab', { name: 'Agenda' }).click();
  const entry = agenda.getByRole('button', { name: new RegExp(ticket.number) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Confirmed');
  await expect(entry).toContainText(`${bookedLocal}–`);
  await expect(entry).toContainText(slotInZone(booked, zone));
  await expect(agenda.getByRole('region', { name: /^Today · / })).toContainText(ticket.number);
  await shoot(page, 'agenda');
  await entry.click();
  await expect(pane.getByRole('region', { name: 'Remote sessions' })).toBeVisible();

  // The calendar invite, saved as a download in the browser: the booked time in UTC.
  const downloading = page.waitForEvent('download');
  await confirmed.getByRole('button', { name: 'Export .ics' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${ticket.number} session .*\\.ics$`));
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics).toContain(`DTSTART:${icsUtc(booked.start)}`);
  expect(ics).toContain(`DTEND:${icsUtc(booked.end)}`);
  expect(ics).toContain(ticket.number);

  // Moved two hours later, agreed with the customer.
  await confirmed.getByRole('button', { name: 'Reschedule…' }).click();
  const moving = page.getByRole('dialog');
  await moving
    .getByRole('group', { name: 'New time' })
    .getByLabel(/^Start/)
    .fill(typed(moved.start));
  await expect(moving).toContainText(`For the customer: ${slotInZone(moved, zone)}`);
  await moving.getByLabel('Why it moves (sent to the customer)').fill('A maintenance window overlaps the first time.');
  await moving.getByRole('button', { name: 'Move the session' }).click();
  await expect(moving).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Rescheduled session' })).toContainText(
    slotInZone(moved, ENGINEER_ZONE),
  );
  const current = panel.getByRole('article', { name: 'Confirmed session' });
  await expect(current).toContainText(`You: ${slotInZone(moved, ENGINEER_ZONE)}`);
  await expect(current).toContainText(`the session of ${slotInZone(booked, ENGINEER_ZONE)}`);
  await expect(current.getByRole('button', { name: 'Complete…' })).toBeDisabled();
  await expect(page.getByText('All changes sent')).toBeVisible();

  // Eight minutes before the new time the reminder comes (ten minutes ahead by default), once.
  const untilReminder = Date.parse(moved.start) - 8 * MINUTE - (await page.evaluate(() => Date.now()));
  await passTime(page, portal.advance, untilReminder);
  await expect
    .poll(async () => (await notificationTitles(page)).filter((t) => t.includes(ticket.number)))
    .toEqual([`Remote session starts in 8 minutes: ${ticket.number}`]);
  await passTime(page, portal.advance, MINUTE);
  await passTime(page, portal.advance, 9 * MINUTE);

  // Under way: it can be completed, with what was found.
  const notes = 'Found a stale transport rule; removed it with the customer and mail flow recovered.';
  await current.getByRole('button', { name: 'Complete…' }).click();
  await page.getByRole('dialog').getByLabel('Outcome notes').fill(notes);
  await page.getByRole('dialog').getByRole('button', { name: 'Record the outcome' }).click();
  const completed = panel.getByRole('article', { name: 'Completed session' });
  await expect(completed).toContainText(notes);
  await expect(page.getByText('All changes sent')).toBeVisible();
  expect((await notificationTitles(page)).filter((t) => t.includes(ticket.number))).toHaveLength(1);

  const onServer = (await serverScope(portal, ENGINEER)).tickets.find((t) => t.id === ticket.id);
  const sessions = onServer?.remoteSessions ?? [];
  expect(sessions.map((s) => s.status).sort()).toEqual(['completed', 'rescheduled']);
  const done = sessions.find((s) => s.status === 'completed');
  expect(done?.confirmedSlot).toEqual(moved);
  expect(done?.outcomeNotes).toBe(notes);
  expect(done?.replaces).toBe(sessions.find((s) => s.status === 'rescheduled')?.id);
  expect(sessions.find((s) => s.status === 'rescheduled')?.confirmedBy).toBe('customer');
});
