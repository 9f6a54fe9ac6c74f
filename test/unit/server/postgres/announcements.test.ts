// Server processes on one PostgreSQL database hear each other's changes, with what each says of them
// (who held the tickets), and not their own: a process tells its own change streams at commit, so its
// own announcement coming back would be a second pull for every console connected to it.
import { afterEach, describe, expect, it } from 'vitest';
import { type PostgresDatabase, openPostgres } from '../../../../server/storage/postgres';
import { newPostgresDatabase } from '../../../support/test-database';

/** A process's database, keeping what it hears announced by the others. */
async function listening(url: string) {
  const database = await openPostgres(url);
  const heard = { announcements: [] as (string | null)[], waiting: [] as { count: number; done: () => void }[] };
  await database.onChangesElsewhere((announcement) => {
    heard.announcements.push(announcement);
    const count = heard.announcements.length;
    for (const waiter of heard.waiting.filter((candidate) => candidate.count <= count)) waiter.done();
  });
  const hearing = (count: number) =>
    new Promise<void>((done) => {
      if (heard.announcements.length >= count) done();
      else heard.waiting.push({ count, done });
    });
  const announce = (announcement: string) =>
    database.transaction(async (session) => session.run(session.dialect.announceChanges ?? '', [announcement]));
  return { database, heard, hearing, announce };
}

describe('announcing changes between processes', () => {
  const opened: PostgresDatabase[] = [];
  let drop = () => Promise.resolve();
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.close()));
    await drop();
  });

  it("hears every other process's announcements, with what they say, and none of its own", async () => {
    const made = await newPostgresDatabase();
    drop = made.drop;
    const a = await listening(made.url);
    const b = await listening(made.url);
    opened.push(a.database, b.database);

    for (let i = 1; i <= 3; i++) await a.announce(`change ${i} through A`);
    await b.announce('a change through B');
    // PostgreSQL delivers them in commit order: A's own three come back before B's, so once A has heard
    // B's there is nothing more for it to hear; the pause only gives an echo heard as news time to show.
    await Promise.all([a.hearing(1), b.hearing(3)]);
    await new Promise((settle) => setTimeout(settle, 100));
    expect(a.heard.announcements).toEqual(['a change through B']);
    expect(b.heard.announcements).toEqual(['change 1 through A', 'change 2 through A', 'change 3 through A']);
  });

  it('hears a process of an earlier version, whose announcement is its token alone, as saying nothing', async () => {
    const made = await newPostgresDatabase();
    drop = made.drop;
    const a = await listening(made.url);
    opened.push(a.database);
    await a.database.run("NOTIFY portal_changes, '6f1c2a9e-earlier-version'");
    await a.hearing(1);
    expect(a.heard.announcements).toEqual([null]);
  });
});
