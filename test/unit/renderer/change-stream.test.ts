// The console hears the server's change stream: a sync starts when a change is stored, and again after
// the server comes back; nothing is heard once the console stops listening.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchChanges } from '../../../renderer/data/change-stream';
import type { Connectivity } from '../../../renderer/data/connectivity';
import { backupOf } from '../../support/test-database';
import { type Portal, addNote, allTickets, giulia, listen, push, seededPortal, signIn } from '../server/fixtures';

const online: Connectivity = { isOnline: () => true, watch: () => () => undefined };

/** Resolves once `count()` reaches `at`, polling; rejects after a while with what it was. */
async function reaches(count: () => number, at: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (count() >= at) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`heard ${count()} changes, expected ${at}`);
}

describe('watchChanges', () => {
  let portal: Portal;
  let serverUrl: string;
  let stop: () => void = () => undefined;
  beforeEach(async () => {
    portal = await seededPortal();
    serverUrl = await listen(portal);
  });
  afterEach(async () => {
    stop();
    await portal.close();
  });

  it('asks for a sync when it connects and each time the server stores a change', async () => {
    const token = await signIn(portal.app, giulia.email);
    let heard = 0;
    stop = watchChanges({ serverUrl, token, connectivity: online, onChange: () => (heard += 1) });
    await reaches(() => heard, 1);
    const ticket = (await allTickets(portal.db)).find((t) => t.assignee?.id === giulia.id && t.stage !== 'closed');
    if (ticket === undefined) throw new Error('the demo data has no open ticket of Giulia');
    await push(portal.app, token, [addNote(ticket.id)]);
    await reaches(() => heard, 2);
    stop();
    await push(portal.app, token, [addNote(ticket.id, 'A second note, after the console stopped listening.')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toBe(2);
  });

  it('connects again after the server went away, and asks for a sync then', async () => {
    const token = await signIn(portal.app, giulia.email);
    let heard = 0;
    stop = watchChanges({ serverUrl, token, connectivity: online, onChange: () => (heard += 1), minRetryMs: 50 });
    await reaches(() => heard, 1);
    const { port } = new URL(serverUrl);
    const backup = await backupOf(portal.db);
    await portal.close();
    portal = await seededPortal(backup);
    await portal.app.listen({ host: '127.0.0.1', port: Number(port) });
    await reaches(() => heard, 2);
  });
});
