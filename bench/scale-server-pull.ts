/** The server's side of a first sync: the lead's whole pull over HTTP against a raw SELECT of the same rows. */
import { z } from 'zod';
import { API_PREFIX, PULL_LIMIT_MAX } from '../shared/api';
import { TEAM, openReadOnly } from './scale-data';
import type { Measurement } from './scale-report';
import { leadToken } from './scale-services';

/** Only what paging needs: the tickets themselves are counted, not checked (the console's parse is not the server's cost). */
const PullPage = z.object({ tickets: z.array(z.unknown()), cursor: z.string(), hasMore: z.boolean() });

/** serverPullVsSelect: the pull's time (request to last byte of every page, largest page allowed) ÷ the SELECT's. */
export async function measureServerPull(apiUrl: string, dataDir: string, expected: number): Promise<Measurement> {
  const db = openReadOnly(dataDir);
  let selectMs: number;
  try {
    const select = db.prepare('SELECT data FROM tickets WHERE team_id = ? ORDER BY server_seq').pluck();
    const started = performance.now();
    const rows = select.all(TEAM).length;
    selectMs = performance.now() - started;
    if (rows !== expected) throw new Error(`the raw SELECT found ${rows} tickets, not ${expected}`);
  } finally {
    db.close();
  }

  const token = await leadToken(apiUrl);
  let cursor = '0';
  let tickets = 0;
  let pullMs = 0;
  for (;;) {
    // From the request to the last byte of each page; reading the page's cursor is off the clock.
    const started = performance.now();
    const response = await fetch(`${apiUrl}${API_PREFIX}/sync/pull?cursor=${cursor}&limit=${PULL_LIMIT_MAX}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    pullMs += performance.now() - started;
    if (!response.ok) throw new Error(`the pull was refused (${response.status}): ${body.slice(0, 200)}`);
    const page = PullPage.parse(JSON.parse(body));
    tickets += page.tickets.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  if (tickets !== expected) throw new Error(`the pull sent ${tickets} tickets, not ${expected}`);
  return {
    value: pullMs / selectMs,
    baseline: selectMs / 1000,
    details: { pullSeconds: pullMs / 1000, pageSize: PULL_LIMIT_MAX, ticketsPerSecond: expected / (pullMs / 1000) },
  };
}
