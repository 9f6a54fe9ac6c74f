/**
 * The sync figures of a console run: a first sync from empty, against the bare pages (fetched, parsed
 * and put in a scratch database) and the bare pages with their queue rows.
 */
import type { Page } from '@playwright/test';
import { API_PREFIX, PULL_LIMIT_MAX } from '../shared/api';
import { bareSync } from './scale-page-sync';
import type { RunFigures } from './scale-report';
import { leadToken } from './scale-services';

export interface SyncRun {
  page: Page;
  appUrl: string;
  apiUrl: string;
  tickets: number;
  progress(message: string): void;
  /** Signs in from the empty profile; resolves with the seconds until the local copy's cursor is the server's. */
  signInAndSync(): Promise<number>;
  /** Resolves once the console has settled after its sync. */
  settled(): Promise<void>;
}

/**
 * Sign-in to "the local copy's cursor is the server's", against fetch+parse of every page plus a bare
 * put; then, once the console has settled, the same bare pages with each ticket's queue row put beside
 * it (the console's layout: two records a ticket), the floor of that layout on this machine.
 */
export async function measureSync(run: SyncRun): Promise<RunFigures> {
  const { page } = run;
  const pull = { api: `${run.apiUrl}${API_PREFIX}`, token: await leadToken(run.apiUrl), limit: PULL_LIMIT_MAX };
  // The bare pages first, on the console's origin while it waits at its sign-in: after its sync they
  // would share the machine with the search index it is still building.
  await page.goto(run.appUrl);
  const bare = await page.evaluate(bareSync, { ...pull, queueRows: false });
  if (bare.tickets !== run.tickets)
    throw new Error(`the bare pull brought ${bare.tickets} tickets, not ${run.tickets}`);
  run.progress(`    bare pages: ${((bare.fetchMs + bare.putMs) / 1000).toFixed(2)} s; now the console`);
  const seconds = await run.signInAndSync();
  await run.settled();
  const layout = await page.evaluate(bareSync, { ...pull, queueRows: true });
  const bareSeconds = (bare.fetchMs + bare.putMs) / 1000;
  const layoutSeconds = (layout.fetchMs + layout.putMs) / 1000;
  run.progress(`    bare pages with their queue rows: ${layoutSeconds.toFixed(2)} s`);
  return {
    syncTicketsPerSecond: {
      value: run.tickets / seconds,
      baseline: run.tickets / bareSeconds,
      details: { seconds, fetchSeconds: bare.fetchMs / 1000, putSeconds: bare.putMs / 1000 },
    },
    syncVsBaseline: {
      value: seconds / bareSeconds,
      baseline: null,
      details: { layoutVsBare: layoutSeconds / bareSeconds, syncVsLayout: seconds / layoutSeconds },
    },
  };
}
