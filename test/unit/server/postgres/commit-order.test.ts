// A change number is taken where the change is written, and the next is handed out only once it commits:
// a pull in between, from another process, stops before it, and so can never step over a change that is
// committed after a later one. Two databases opened on one PostgreSQL database stand for two processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/domain/people';
import type { Ticket } from '../../../../shared/domain/ticket';
import { PullResponse } from '../../../../shared/api/sync';
import { type PortalDatabase, openPostgresDatabase } from '../../../../server/db';
import { pullChanges } from '../../../../server/pull';
import { seedDemoData } from '../../../../server/seed';
import { newPostgresDatabase } from '../../../support/test-database';
import { NOW, allTickets, giulia } from '../fixtures';

describe('change numbers across processes on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let first: PortalDatabase;
  let second: PortalDatabase;
  beforeEach(async () => {
    ({ url, drop } = await newPostgresDatabase());
    first = await openPostgresDatabase(url);
    await seedDemoData(first, { clock: () => NOW });
    second = await openPostgresDatabase(url);
  });
  afterEach(async () => {
    await Promise.all([first.close(), second.close()]);
    await drop();
  });

  /** Whether a transaction on the database is waiting for a lock another holds. */
  async function someoneWaits(): Promise<boolean> {
    const waiting = await first.sql.get(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return waiting?.n !== 0;
  }

  /** A change to `ticket` on `db`, in a transaction that stays open until `commit` settles. */
  function change(db: PortalDatabase, ticket: Ticket, commit: Promise<void>, numbered: (seq: number) => void) {
    return db.transaction(async (tx) => {
      const seq = await tx.nextSeq();
      numbered(seq);
      await tx.saveTicket({
        ...ticket,
        title: `${ticket.title} (change ${seq})`,
        version: ticket.version + 1,
        serverSeq: seq,
      });
      await commit;
      return seq;
    });
  }

  const pulled = async (db: PortalDatabase, user: User, cursor: number) =>
    PullResponse.parse(JSON.parse((await pullChanges(db, user, { cursor: String(cursor), limit: 2000 })).toString()));

  it('hands the next number out only once the one before is committed, and a pull between stops before both', async () => {
    const user = (await first.directory.findAccountByEmail(giulia.email))?.user as User;
    const [one, two] = (await allTickets(first)).filter((t) => t.assignee?.id === giulia.id && t.stage !== 'closed');
    if (one === undefined || two === undefined) throw new Error('the demo data gives Giulia two open tickets');
    const start = await first.currentSeq();

    let commitFirst = () => {};
    const firstCommits = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstSeq = 0;
    const firstChange = change(first, one, firstCommits, (seq) => (firstSeq = seq));
    while (firstSeq === 0) await new Promise((resolve) => setImmediate(resolve));

    // The other process's change waits for the number after it, rather than taking it and committing first.
    let secondSeq = 0;
    const secondChange = change(second, two, Promise.resolve(), (seq) => (secondSeq = seq));
    while (!(await someoneWaits())) await new Promise((resolve) => setImmediate(resolve));
    expect(secondSeq).toBe(0);

    const between = await pulled(second, user, start);
    expect(between.cursor).toBe(String(start));
    expect(between.tickets).toEqual([]);

    commitFirst();
    expect(await firstChange).toBe(start + 1);
    expect(await secondChange).toBe(start + 2);
    const after = await pulled(second, user, start);
    expect(after.tickets.map((ticket) => ticket.id)).toEqual([one.id, two.id]);
    expect(after.cursor).toBe(String(start + 2));
  });
});
