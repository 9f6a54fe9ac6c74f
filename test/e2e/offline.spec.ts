// Offline never loses a change: notes, a follow-up and a stage change made offline survive a reload without a
// network, reach the server exactly once when it returns, and a change the server refuses (someone
// else closed the ticket meanwhile) waits in "Needs attention" with the user's words intact.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, pushAs, serverScope, signIn, test } from './portal';
import { openTicket } from './ticket-flow';

const ENGINEER = 'giulia.rossi@css.example';
const LEAD = 'anna.moretti@css.example';

async function addNote(page: Page, number: string, body: string) {
  const pane = await openTicket(page, number);
  await pane.getByRole('textbox', { name: /Internal note/ }).fill(body);
  await pane.getByRole('button', { name: 'Add note' }).click();
  await expect(pane.getByRole('listitem', { name: 'Internal note' }).filter({ hasText: body })).toBeVisible();
  return pane;
}

/** Chromium's resource timing of a page under a service worker: where its static routes found the response. */
interface RoutedTiming extends PerformanceResourceTiming {
  workerFinalSourceType: string;
}

/** Waits until the console's service worker controls the page and has kept its files. */
async function filesKept(page: Page) {
  // Asked again until so: page.waitForFunction takes a promise for an answer, and would not ask again.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        if (navigator.serviceWorker.controller === null) return false;
        const names = await caches.keys();
        return names.length > 0 && (await (await caches.open(names[0]!)).keys()).length >= 2;
      }),
    )
    .toBe(true);
}

/** An event of a reload's trace, as far as it is read here: its name, and a script's address. */
const TraceEvent = z.object({
  name: z.string(),
  args: z
    .object({ data: z.object({ url: z.string() }).partial() })
    .partial()
    .optional(),
});

/** The console's scripts a reload of `page` ran, and those it compiled from their source (Chromium's trace of it). */
async function scriptsAtReload(page: Page, context: BrowserContext) {
  const cdp = await context.newCDPSession(page);
  try {
    const events: z.infer<typeof TraceEvent>[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => {
      // Events of other kinds may carry other data: only a script's events are read.
      for (const event of value) {
        const read = TraceEvent.safeParse(event);
        if (read.success) events.push(read.data);
      }
    });
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['v8'] } });
    await page.reload();
    await expect(page.getByRole('region', { name: 'Ticket queue' })).toBeVisible();
    await cdp.send('Tracing.end');
    await complete;
    const scripts = (eventName: string) =>
      events.flatMap(({ name, args }) => {
        const url = args?.data?.url ?? '';
        return name === eventName && url.includes('/assets/') ? [url.replace(/.*\//, '')] : [];
      });
    return { ran: scripts('v8.compileModule'), compiled: scripts('v8.parseOnBackground') };
  } finally {
    await cdp.detach();
  }
}

test('a later start runs the console from the code compiled at an earlier one', async ({ page, context, portal }) => {
  await signIn(page, portal, ENGINEER);
  await filesKept(page);
  // Chromium keeps a script's compiled code at its second run from the same kept copy, and uses it from the third.
  let reload = await scriptsAtReload(page, context);
  for (let reloads = 1; reload.compiled.length > 0 && reloads < 5; reloads += 1)
    reload = await scriptsAtReload(page, context);
  expect(reload.ran.length, 'the console ran its scripts').toBeGreaterThan(3);
  expect(reload.compiled, 'scripts compiled from their source at each of 5 reloads').toEqual([]);
});

/** The list of files at the head of a build's service worker (see vite.config.ts). */
const ShellFiles = z.object({ version: z.string(), hashed: z.array(z.string()), other: z.array(z.string()) });

test.describe(() => {
  test.use({ consoleCopy: true });

  test('a console left open keeps working when a new build of it is installed meanwhile', async ({ page, portal }) => {
    await signIn(page, portal, ENGINEER);
    await filesKept(page);
    // Triage is opened now and then, so its code is loaded when first used: not yet.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(
      loaded.filter((url) => url.includes('/TriageView-')),
      'triage loaded at start',
    ).toEqual([]);

    // A new build is put on the server in place of this one: its files, without this one's.
    const workerFile = join(portal.consoleDir, 'offline-shell.js');
    const [, list = '', code = ''] =
      /^const SHELL_FILES = (.*);\n([\s\S]*)$/.exec(await readFile(workerFile, 'utf8')) ?? [];
    const build = ShellFiles.parse(JSON.parse(list));
    const triage = build.hashed.find((path) => /\/TriageView-[^/]*\.js$/.test(path));
    if (triage === undefined) throw new Error('the build has no file of its own for the triage view');
    const next = { ...build, version: `${build.version}-next`, hashed: build.hashed.filter((path) => path !== triage) };
    await writeFile(workerFile, `const SHELL_FILES = ${JSON.stringify(next)};\n${code}`);
    await rm(join(portal.consoleDir, triage));

    // The browser looks for a new build now and then; here, at once. It takes over the open console.
    await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.update()));
    await expect
      .poll(
        () =>
          page.evaluate(async (version) => {
            const registration = await navigator.serviceWorker.ready;
            return (
              (await caches.keys()).includes(`css-console-shell-${version}`) &&
              registration.installing === null &&
              registration.waiting === null &&
              registration.active?.state === 'activated' &&
              navigator.serviceWorker.controller === registration.active
            );
          }, next.version),
        { message: 'the new build took over the open console' },
      )
      .toBe(true);

    await page.getByRole('tab', { name: 'Triage' }).click();
    await expect(page.getByRole('region', { name: 'Triage' })).toBeVisible();
  });

  test('a view whose code is nowhere to be found says so in its place, and the rest of the console works on', async ({
    page,
    portal,
  }) => {
    await signIn(page, portal, LEAD);
    await filesKept(page);
    // The lead's escalations view is loaded when first opened; its file is lost, kept copy and all.
    const file = (await readdir(join(portal.consoleDir, 'assets'))).find((name) => /^LeadView-.*\.js$/.test(name));
    if (file === undefined) throw new Error('the build has no file of its own for the escalations view');
    await rm(join(portal.consoleDir, 'assets', file));
    const forgotten = await page.evaluate(async (name) => {
      let deleted = 0;
      for (const cache of await caches.keys())
        if (await (await caches.open(cache)).delete(new URL(`assets/${name}`, document.baseURI).href)) deleted += 1;
      return deleted;
    }, file);
    expect(forgotten, 'kept copies of the file forgotten').toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Escalations' }).click();
    const problem = page.getByText('The escalations view could not be shown.');
    await expect(problem).toBeVisible();
    await expect(page.getByText(/The console's code for it could not be loaded\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload the console' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/view-not-loaded.png' });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: 'test-results/screenshots/view-not-loaded-1024.png' });
    await page.getByRole('tab', { name: 'Ticket queue' }).click();
    await expect(page.getByRole('region', { name: 'Ticket queue' })).toBeVisible();
    await expect(problem).toBeHidden();
  });
});

test('changes made offline survive a reload and reach the server exactly once', async ({ page, context, portal }) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const [first, second] = tickets.filter((t) => t.stage === 'investigation' && t.assignee?.id === user.id);
  if (first === undefined || second === undefined)
    throw new Error('the demo data gives Giulia too few tickets in investigation');
  const escalated = tickets.find(
    (t) => t.stage === 'escalated' && t.escalation?.status !== 'closed' && t.assignee?.id === user.id,
  );
  if (escalated === undefined) throw new Error('the demo data gives Giulia no open escalation');

  await signIn(page, portal, ENGINEER);
  await expect(page.getByText('All changes sent')).toBeVisible();
  // The console's files are kept by its service worker before the network goes.
  await filesKept(page);

  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  const noteOnFirst = `Offline on the train: customer confirmed the DKIM records are published (${Date.now()}).`;
  const noteOnSecond = `Offline: asked the customer for a fresh HAR trace (${Date.now()}).`;
  const pane = await addNote(page, first.number, noteOnFirst);
  await pane.getByRole('button', { name: 'Ask the customer to confirm…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
  await expect(pane.getByRole('group', { name: 'Stage' })).toHaveText('Resolution');
  await addNote(page, second.number, noteOnSecond);
  const followUp = `Offline: chased Microsoft by phone, they will call back (${Date.now()}).`;
  const escalatedPane = await openTicket(page, escalated.number);
  const escalationPanel = escalatedPane.getByRole('region', { name: 'Microsoft escalation' });
  await escalatedPane.getByRole('button', { name: 'Log follow-up…' }).click();
  await page.getByRole('dialog').getByLabel('Summary').fill(followUp);
  await page.getByRole('dialog').getByRole('button', { name: 'Log follow-up' }).click();
  await expect(escalationPanel.getByText(followUp)).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveText('4 changes waiting to be sent');

  // Meanwhile the team lead closes the second ticket.
  const lead = await pushAs(portal, LEAD, [
    {
      id: randomUUID(),
      name: 'requestConfirmation',
      args: { ticketId: second.id, replyId: randomUUID(), eventId: randomUUID(), body: 'Is it fixed?' },
      createdAt: new Date().toISOString(),
    },
    {
      id: randomUUID(),
      name: 'recordCustomerAnswer',
      args: {
        ticketId: second.id,
        entryId: randomUUID(),
        eventId: randomUUID(),
        answer: 'confirmed',
        replyId: randomUUID(),
        closingReply: 'Thanks, closing.',
      },
      createdAt: new Date().toISOString(),
    },
  ]);
  expect(lead.results.map((result) => result.status)).toEqual(['applied', 'applied']);

  await page.reload();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  // The browser answered the console's scripts from their kept copies itself, without running the worker.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .flatMap((entry) => (entry.name.endsWith('.js') ? [(entry as RoutedTiming).workerFinalSourceType] : [])),
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set(['cache']));
  await expect(page.getByTestId('pending-count')).toHaveText('4 changes waiting to be sent');
  const reloaded = await openTicket(page, first.number);
  await expect(reloaded.getByRole('group', { name: 'Stage' })).toHaveText('Resolution');
  await expect(
    reloaded.getByRole('listitem', { name: 'Internal note' }).filter({ hasText: noteOnFirst }),
  ).toContainText('Not sent yet');
  await page.screenshot({ path: 'test-results/screenshots/offline-pending.png' });

  await context.setOffline(false);
  await expect(page.getByText('Online', { exact: true })).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveText('All changes sent');
  await page.getByRole('button', { name: '1 needs attention' }).click();
  const refused = page.getByRole('article', { name: `Refused change on ${second.number}` });
  await expect(refused).toContainText('is closed');
  await expect(refused.getByRole('textbox')).toHaveValue(noteOnSecond);
  await page.screenshot({ path: 'test-results/screenshots/offline-needs-attention.png' });

  const onServer = (await serverScope(portal, ENGINEER)).tickets;
  const firstNow = onServer.find((t) => t.id === first.id);
  const secondNow = onServer.find((t) => t.id === second.id);
  expect(firstNow?.stage).toBe('resolution');
  expect(firstNow?.timeline.filter((e) => e.kind === 'internal_note' && e.body === noteOnFirst)).toHaveLength(1);
  expect(secondNow?.stage).toBe('closed');
  const escalatedNow = onServer.find((t) => t.id === escalated.id);
  expect(escalatedNow?.escalation?.followUps.filter((f) => f.summary === followUp)).toHaveLength(1);
  expect(secondNow?.timeline.some((e) => e.kind === 'internal_note' && e.body === noteOnSecond)).toBe(false);
});

test('a damaged record in the local copy is set aside and the console still starts', async ({ page, portal }) => {
  const { user, tickets } = await serverScope(portal, ENGINEER);
  const victim = tickets[0];
  if (victim === undefined) throw new Error('the demo data gives Giulia no ticket');
  await signIn(page, portal, ENGINEER);
  await expect(page.getByText('All changes sent')).toBeVisible();

  await page.evaluate(
    async ({ name, id }) => {
      const request = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      const write = db.transaction(['tickets', 'meta'], 'readwrite');
      write.objectStore('tickets').put({ id, stage: 'lost in transit' });
      // As if the last background check of every ticket were more than a day old: it runs at start.
      write.objectStore('meta').delete('ticketsCheckedAt');
      await new Promise((resolve) => {
        write.oncomplete = resolve;
      });
      db.close();
    },
    { name: `css-console:${new URL(portal.apiUrl).host}:${user.id}`, id: victim.id },
  );

  await page.reload();
  await expect(page.getByText(/1 damaged ticket was found in the local copy and set aside/)).toBeVisible();
  const open = tickets.filter((ticket) => ticket.stage !== 'closed').length;
  await expect(page.getByRole('tab', { name: `All (${open})` })).toBeVisible();
  const pane = await openTicket(page, victim.number);
  await expect(pane.getByRole('heading', { name: victim.title })).toBeVisible();
});
