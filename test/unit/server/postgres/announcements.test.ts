// Server processes on one PostgreSQL database hear each other's changes, and not their own: a process
// tells its own change streams at commit, so its own announcement coming back would be a second pull
// for every console connected to it.
import { afterEach, describe, expect, it } from 'vitest';
import { type PostgresDatabase, openPostgres } from '../../../../server/storage/postgres';
import { newPostgresDatabase } from '../../../support/test-database';

/** A process's database, counting the announcements it hears from the others. */
async function listening(url: string) {
  const database = await openPostgres(url);
  const heard = { count: 0, waiting: [] as { count: number; done: () => void }[] };
  await database.onChangesElsewhere(() => {
    heard.count += 1;
    for (const waiter of heard.waiting.filter((candidate) => candidate.count <= heard.count)) waiter.done();
  });
  const hearing = (count: number) =>
    new Promise<void>((done) => {
      if (heard.count >= count) done();
      else heard.waiting.push({ count, done });
    });
  const announce = () => database.transaction(async (session) => session.run(session.dialect.announceChanges ?? ''));
  return { database, heard, hearing, announce };
}

describe('announcing changes between processes', () => {
  const opened: PostgresDatabase[] = [];
  let drop = () => Promise.resolve();
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.close()));
    await drop();
  });

  it("hears every other process's announcements and none of its own", async () => {
    const made = await newPostgresDatabase();
    drop = made.drop;
    const a = await listening(made.url);
    const b = await listening(made.url);
    opened.push(a.database, b.database);

    for (let i = 0; i < 3; i++) await a.announce();
    await b.announce();
    // PostgreSQL delivers them in commit order: A's own three come back before B's, so once A has heard
    // B's there is nothing more for it to hear; the pause only gives an echo heard as news time to show.
    await Promise.all([a.hearing(1), b.hearing(3)]);
    await new Promise((settle) => setTimeout(settle, 100));
    expect(a.heard.count).toBe(1);
    expect(b.heard.count).toBe(3);
  });
});
