/**
 * The push figure of a console run: 1,000 changes queued offline, sent once the browser comes online,
 * against the same number posted with bare fetch.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { newEntry } from '../renderer/data/outbox-entry';
import { API_PREFIX, PUSH_BATCH_MAX } from '../shared/api';
import { AddNoteArgs, type Mutation } from '../shared/mutations';
import { LEAD } from './scale-data';
import { barePush, openTicketIds, outboxSentAfterOnline, queueOutbox } from './scale-page-push';
import type { RunFigures } from './scale-report';
import { leadToken } from './scale-services';

const QUEUED_CHANGES = 1000;

export interface PushRun {
  page: Page;
  context: BrowserContext;
  apiUrl: string;
  timeoutMs: number;
  /** Resolves once the console's files are kept by its service worker, for the reload offline. */
  shellKept(): Promise<void>;
  /** Reloads the console and resolves once its first row shows. */
  reload(): Promise<unknown>;
}

/**
 * 1,000 notes written into the outbox while offline, as the console's own writes leave them; the
 * console is reloaded offline (going online first would let the old page start sending), then the
 * time runs from the browser coming online to no entry pending. Baseline: 1,000 more notes posted
 * batch after batch with bare fetch.
 */
export async function measurePush(run: PushRun): Promise<RunFigures> {
  const { page, context } = run;
  const ticketIds = await page.evaluate(openTicketIds, QUEUED_CHANGES);
  // Reloaded offline below: from the service worker's files, as when measured after the offline first row.
  await run.shellKept();
  if (ticketIds.length === 0) throw new Error('the local copy has no open ticket to add notes to');
  const ticketFor = (index: number) => ticketIds[index % ticketIds.length] as string;
  const api = `${run.apiUrl}${API_PREFIX}`;
  const token = await leadToken(run.apiUrl);
  // A hundred notes sent first warm the server's push for both measurements alike: the console's push,
  // sent first, would otherwise pay the server's first push, and the bare one after it would not.
  const warmUp = Array.from({ length: 100 }, (_, index) => addNote(ticketFor(index), index));
  await page.evaluate(barePush, { api, token, batches: [warmUp] });
  const actor = { id: LEAD.id, name: LEAD.name, role: LEAD.role };
  const entries = Array.from({ length: QUEUED_CHANGES }, (_, index) =>
    newEntry(addNote(ticketFor(index), index), ticketFor(index), actor),
  );
  await context.setOffline(true);
  try {
    await page.evaluate(queueOutbox, entries);
    await run.reload();
  } finally {
    await context.setOffline(false);
  }
  const ms = await page.evaluate(outboxSentAfterOnline, run.timeoutMs);

  const mutations = Array.from({ length: QUEUED_CHANGES }, (_, index) => addNote(ticketFor(index), index));
  const batches = Array.from({ length: Math.ceil(mutations.length / PUSH_BATCH_MAX) }, (_, index) =>
    mutations.slice(index * PUSH_BATCH_MAX, (index + 1) * PUSH_BATCH_MAX),
  );
  const bare = await page.evaluate(barePush, { api, token, batches });
  const refused = QUEUED_CHANGES - bare.applied;
  return {
    push1000Ms: {
      value: ms,
      baseline: bare.ms,
      details: {},
      ...(refused > 0 ? { note: `the server refused ${refused} of the bare pushes` } : {}),
    },
  };
}

function addNote(ticketId: string, index: number): Mutation {
  return {
    id: randomUUID(),
    name: 'addNote',
    args: AddNoteArgs.parse({
      ticketId,
      noteId: randomUUID(),
      body: `Scale bench note ${index + 1}: the customer called back, the change is scheduled for tonight.`,
    }),
    createdAt: new Date().toISOString(),
  };
}
