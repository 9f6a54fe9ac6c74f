// Starting on a PostgreSQL database that cannot be used says what is wrong in an operator's words,
// never showing the password; a database left at an older schema version is brought up to date.
import { describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../../../server/db';
import { migrations, runStep } from '../../../../server/migrations';
import { PostgresDatabase, openPostgres } from '../../../../server/storage/postgres';
import { TEST_POSTGRES_URL, newPostgresDatabase } from '../../../support/test-database';

describe('opening a PostgreSQL database', () => {
  it('says the password was refused, with the password hidden', async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.password = 'not-the-s3cret';
    const refusal = await openPostgresDatabase(url.href).then(
      () => null,
      (error: unknown) => (error as Error).message,
    );
    expect(refusal).toMatch(/^cannot reach the PostgreSQL database postgres:\/\/\w+:\*\*\*@/);
    expect(refusal).toContain('PostgreSQL refused the password of user');
    expect(refusal).not.toContain('not-the-s3cret');
  });

  it('says the database does not exist, and to create it', async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = '/portal_nobody_made_this';
    await expect(openPostgresDatabase(url.href)).rejects.toThrow(
      'there is no database portal_nobody_made_this there: create it (createdb), or correct its name',
    );
  });

  it('brings a database left at an older schema version up to date, keeping its data', async () => {
    const { url, drop } = await newPostgresDatabase();
    const older = await openPostgres(url);
    await older.transaction(async (session) => {
      await older.lockSchema(session);
      for (const step of migrations.slice(0, 4)) await runStep(session, step);
      await older.setSchemaVersion(session, 4);
      await session.exec(`
        INSERT INTO teams (id, name) VALUES ('tm-test', 'Test');
        INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
          VALUES ('tk-high', 'CSS-999999', 'tm-test', NULL, 'validation', 'new', 'high', 1, 1, '-', '{}');
        UPDATE change_sequence SET value = 1;
      `);
    });
    await older.close();

    const db = await openPostgresDatabase(url);
    try {
      expect(db.database).toBeInstanceOf(PostgresDatabase);
      expect(await db.database.transaction((session) => db.database.schemaVersion(session))).toBe(migrations.length);
      expect(await db.nextTicketNumber()).toBe('CSS-1000000');
      expect(await db.historyOf(1)).not.toBeNull();
    } finally {
      await db.close();
      await drop();
    }
  });
});
