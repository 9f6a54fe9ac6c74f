// What must hold of the console and the portal after every step of a run, and once the run has settled.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { summarize } from '../../renderer/data/summary';
import type { PortalDatabase } from '../../server/db';
import { inScope } from '../../server/scope';
import { parseStoredTicket } from '../../server/stored-ticket';
import { MutationResult } from '../../shared/api';
import type { Ticket } from '../../shared/domain';
import { applyMutation, targetTicketId } from '../../shared/mutations';
import { takeContractViolations } from './contract';
import { DEVICES, type Device, type SyncWorld, USER, memberOf } from './sync-world';
import { allSummaries } from './local-copy';

const PushRecord = z.object({ id: z.string(), user_id: z.string(), received_at: z.string(), result: z.string() });

/** The server's idempotency log, in the order it handled the mutations. */
async function serverLog(db: PortalDatabase) {
  const { sql } = db;
  const rows = await sql.all(
    `SELECT id, user_id, received_at, result FROM applied_mutations ORDER BY ${sql.dialect.mutationOrder}`,
  );
  return rows.map((row) => {
    const record = PushRecord.parse(row);
    return {
      id: record.id,
      userId: record.user_id,
      receivedAt: record.received_at,
      result: MutationResult.parse(JSON.parse(record.result)),
    };
  });
}

type ServerLog = Awaited<ReturnType<typeof serverLog>>;
type ServerRecord = { log: ServerLog; tickets: Map<string, Ticket> };

/**
 * The log and the tickets it changed, read on one snapshot: a push the console sends in the background
 * may commit while the checks run, and must be seen in both or in neither.
 */
async function serverRecord(world: SyncWorld): Promise<ServerRecord> {
  return world.portal.db.readTransaction(async (db) => {
    const log = await serverLog(db);
    const ids = new Set(log.flatMap((record) => targetOf(world, record.id) ?? []));
    const tickets = new Map<string, Ticket>();
    for (const id of ids) {
      const ticket = await db.findTicket(id);
      if (ticket !== null) tickets.set(id, ticket);
    }
    return { log, tickets };
  });
}

function targetOf(world: SyncWorld, mutationId: string): string | undefined {
  const entry = world.ledger.get(mutationId);
  return entry === undefined ? undefined : (targetTicketId(entry.mutation) ?? undefined);
}

/** Refusals the server makes before the ticket's rules are consulted, so a replay of the rules cannot give them. */
const SCOPE_REFUSALS = new Set(['out_of_scope', 'ticket_not_found', 'forbidden']);

/**
 * Replays the server's log from the seeded tickets with the shared rules: every applied mutation must
 * apply, in that order, each bumping the version by one; every refusal must be the rules' refusal;
 * and the tickets must come out exactly as the server holds them.
 */
function checkServerReplays(world: SyncWorld, { log, tickets }: ServerRecord): void {
  const replayed = new Map<string, Ticket>();
  for (const record of log) {
    const entry = world.ledger.get(record.id);
    assert.ok(entry !== undefined, `the server holds change ${record.id}, which nobody made`);
    assert.equal(record.userId, entry.by.id, `change ${record.id} is recorded under another user`);
    const ticketId = targetTicketId(entry.mutation) ?? '';
    const before = replayed.get(ticketId) ?? world.portal.seededTickets.get(ticketId);
    assert.ok(before !== undefined, `change ${record.id} names a ticket that was never seeded`);
    const context = { now: record.receivedAt, actor: memberOf(entry.by), team: world.teamOf(entry.by) };
    const outcome = applyMutation(before, entry.mutation, context);
    if (record.result.status === 'applied') {
      assert.ok(outcome.ok, `the server applied ${entry.mutation.name} ${record.id}, the rules refuse it in replay`);
      assert.equal(record.result.version, before.version + 1, `${record.id} did not bump the version by one`);
      replayed.set(ticketId, { ...outcome.ticket, version: before.version + 1, updatedAt: record.receivedAt });
    } else if (SCOPE_REFUSALS.has(record.result.refusal.code)) {
      assert.equal(
        record.result.refusal.code,
        'out_of_scope',
        `${record.id} refused: ${record.result.refusal.message}`,
      );
      assert.ok(!inScope(entry.by, before), `${record.id} was refused as out of scope, but the ticket is in scope`);
    } else {
      assert.deepEqual(
        outcome,
        { ok: false, refusal: record.result.refusal },
        `${record.id}: another refusal in replay`,
      );
    }
  }
  for (const [ticketId, expected] of replayed) {
    const actual = tickets.get(ticketId);
    assert.ok(actual !== undefined, `ticket ${ticketId} vanished from the server`);
    // The change sequence is global (other tickets move it too): only its order matters, checked by pull.
    assert.deepEqual({ ...actual, serverSeq: 0 }, { ...expected, serverSeq: 0 }, `${actual.number} is not its replay`);
    const ids = actual.timeline.map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, `${actual.number} has a timeline entry twice`);
  }
}

/**
 * Nothing lost, at any moment: each change the user made is still in the outbox, or the server
 * applied it and the local copy already includes it; an outbox entry marked applied or refused says
 * what the server said. The console is read before the server, so a sync in flight cannot make a
 * change look lost. Cheap enough to run at every request.
 */
export async function checkChanges(world: SyncWorld): Promise<ServerRecord> {
  const copies = new Map(
    await Promise.all(
      DEVICES.map(async (device) => {
        const { db } = world.consoles[device];
        const outbox = new Map((await db.outbox.toArray()).map((entry) => [entry.mutation.id, entry]));
        // The user changes only hot tickets: those are the copies to read.
        const held = await db.tickets.bulkGet([...world.hot]);
        const local = new Map(held.flatMap((ticket) => (ticket === undefined ? [] : [[ticket.id, ticket] as const])));
        return [device, { outbox, local }] as const;
      }),
    ),
  );
  const record = await serverRecord(world);
  const onServer = new Map(record.log.map((entry) => [entry.id, entry.result]));

  for (const [device, { outbox }] of copies) {
    for (const id of outbox.keys()) {
      const made = world.ledger.get(id);
      assert.ok(made?.by.id === USER.id && made.on === device, `the ${device}'s outbox holds ${id}, not made there`);
    }
  }
  for (const [id, { mutation, by, on, fate }] of world.ledger) {
    const result = onServer.get(id);
    const what = `${by.name}'s ${mutation.name} ${id} (${fate}${on === undefined ? '' : `, on the ${on}`})`;
    if (by.id !== USER.id || on === undefined) {
      if (fate === 'lostWithServer') continue;
      assert.ok(result !== undefined, `${what} was pushed and answered, but the server has no record of it`);
      continue;
    }
    const copy = copies.get(on);
    assert.ok(copy !== undefined, `${what} was made on a console the run does not have`);
    const entry = copy.outbox.get(id);
    // The server lost the record the console was told of in a restore: the change must still be in the
    // outbox, to go again. A request on its way during the restore may since have recorded it anew, at
    // another version: either way the console holds what the server last told it, until it learns of
    // the restore (checkSettled holds it to the server's record in the end).
    const lostByServer = world.lostByServer.has(id);
    if (fate === 'refusedLocally') {
      assert.ok(entry === undefined && result === undefined, `${what} was refused by the console, yet it was sent`);
    } else if (fate === 'discarded' || fate === 'retried') {
      assert.ok(entry === undefined, `${what} is still in the outbox`);
      if (!lostByServer) {
        assert.equal(result?.status, 'refused', `${what} was dropped by the user, but the server did not refuse it`);
      }
    } else if (entry === undefined) {
      assert.ok(result !== undefined, `${what} is LOST: not in the outbox, not on the server`);
      assert.equal(result.status, 'applied', `${what} left the outbox, but the server refused it`);
      // A ticket no longer in the local copy left the user's scope (a pull said so): nothing to include.
      const held = result.status === 'applied' ? copy.local.get(result.ticketId) : undefined;
      if (result.status === 'applied' && held !== undefined) {
        assert.ok(held.version >= result.version, `${what} left the outbox before the local copy included it`);
      }
    } else if (lostByServer) {
      // Marked as the server last said, until the console learns of the restore and sends it again.
    } else if (entry.state === 'applied') {
      assert.ok(result?.status === 'applied', `${what} is marked applied, the server says ${result?.status}`);
      const version = result.status === 'applied' ? result.version : null;
      assert.equal(entry.appliedVersion, version, `${what} is marked applied at another version than the server's`);
    } else if (entry.state === 'refused') {
      assert.deepEqual(result, { id, status: 'refused', refusal: entry.refusal }, `${what}: refusal mismatch`);
    }
  }
  return record;
}

/** After every step: nothing lost (above), nothing applied twice or out of the rules, every redelivery answered alike. */
export async function checkAlways(world: SyncWorld): Promise<void> {
  checkServerReplays(world, await checkChanges(world));
  for (const { request, first, second } of world.schedule.redeliveries) {
    assert.deepEqual(second, first, `a push delivered twice got two answers (${request.mutations.length} changes)`);
  }
  assert.deepEqual(world.errors, [], 'a sync failed where nobody would see it');
  assert.deepEqual(takeContractViolations(), [], 'the portal answered outside its documented contract');
}

/**
 * Once settled: every change the user made is on the server exactly once or refused with its reason
 * in "Needs attention"; the local copy is the server's record of the user's scope, ticket for
 * ticket, with no change laid over it; the queue shows those records; the cursor is the server's.
 */
export async function checkSettled(world: SyncWorld): Promise<void> {
  for (const device of DEVICES) await checkSettledOn(world, device);
}

async function checkSettledOn(world: SyncWorld, device: Device): Promise<void> {
  const { db, store } = world.consoles[device];
  const { status } = world.devices[device];
  const refused = new Map((await store.refusedEntries()).map((entry) => [entry.mutation.id, entry]));
  assert.equal(
    await db.outbox.where('state').equals('pending').count(),
    0,
    `the ${device}'s outbox holds unsent changes`,
  );
  const log = new Map((await serverLog(world.portal.db)).map((record) => [record.id, record.result]));
  for (const [id, { mutation, by, on, fate }] of world.ledger) {
    if (by.id !== USER.id || on !== device || fate !== 'made') continue;
    const result = log.get(id);
    // A refusal the server lost in a restore stays final: the user still reads it under Needs attention.
    if (result === undefined && world.lostByServer.has(id) && refused.has(id)) continue;
    assert.ok(result !== undefined, `${mutation.name} ${id} never reached the server`);
    if (result.status === 'refused') {
      assert.deepEqual(refused.get(id)?.refusal, result.refusal, `${id} was refused but the user is not told why`);
    }
  }

  const scope = (await world.portal.db.storedChangesInScope(USER, 0, 100_000))
    .map((stored) => parseStoredTicket(stored.json))
    .sort((a, b) => a.id.localeCompare(b.id));
  const local = (await db.tickets.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(
    local.map((ticket) => ticket.number),
    scope.map((ticket) => ticket.number),
    'the local copy holds other tickets than the user’s scope',
  );
  const server = new Map(scope.map((ticket) => [ticket.id, ticket]));
  const summaries = await allSummaries(store);
  for (const [index, ticket] of local.entries()) {
    const expected = scope[index] as Ticket;
    assert.deepEqual(ticket, expected, `${expected.number}: the local copy is not the server's record`);
  }
  for (const summary of summaries) {
    const ticket = server.get(summary.id);
    assert.deepEqual(summary, ticket && summarize(ticket, 0), `${summary.number}: the queue shows a stale summary`);
  }
  assert.equal(summaries.length, scope.length, 'the queue does not show every ticket of the scope');
  // The tabs' counts at start-up are a tally kept with every write to the rows: it is the rows'.
  const tabs = (rows: typeof summaries) => ({
    all: rows.length,
    mine: rows.filter((row) => row.assigneeId === USER.id).length,
    unassigned: rows.filter((row) => row.assigneeId === null).length,
  });
  assert.deepEqual(
    await store.scopeCounts(USER.id),
    { all: tabs(summaries), open: tabs(summaries.filter((row) => row.stage !== 'closed')) },
    `the ${device}'s tabs count other tickets than its queue holds`,
  );
  // Only tickets the user changed can have changes laid over them; the view is what the console shows.
  for (const ticketId of new Set([...refused.values()].map((entry) => entry.ticketId))) {
    const view = await store.ticketView(ticketId);
    if (!server.has(ticketId)) continue; // out of scope: checked above to be gone from the copy
    assert.ok(view !== null, `${ticketId}, changed by the user, is missing from the local copy`);
    assert.deepEqual(view.pending, [], `${ticketId} still has changes laid over it`);
    assert.deepEqual(
      view.ticket,
      server.get(ticketId),
      `${ticketId}: the console shows another ticket than the server's`,
    );
  }
  assert.equal(await store.cursor(), String(await world.portal.db.currentSeq()), 'the cursor is not the server’s');
  assert.equal(status.lastError, null, `the ${device}'s last sync reported an error`);
  assert.equal(status.pending, 0, `the ${device}'s status bar counts pending changes that are not there`);
}
