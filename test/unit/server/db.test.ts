// The database: migrations tracked by user_version, records read back through their schemas.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db';
import { DamagedDatabaseError } from '../../../server/integrity';
import { migrations, runStep } from '../../../server/migrations';
import { SqliteDatabase } from '../../../server/storage/sqlite';
import { sqliteOf } from '../../support/sqlite-image';
import { allTickets, damageMiddlePage, seededPortal, writeSeededDatabase } from './fixtures';

describe('portal database', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-db-'));
    dirs.push(dir);
    return join(dir, 'portal.sqlite');
  };

  it('migrates a new file to the latest version, in WAL mode with foreign keys on, and reopens it as is', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    const sqlite = sqliteOf(db);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // FULL (2): each commit is on disk before the push it belongs to is answered.
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await db.directory.insertTeam({ id: 'tm-test', name: 'Test' });
    await db.close();

    const reopened = await openDatabase(file);
    expect(await reopened.sql.all('SELECT name FROM teams')).toEqual([{ name: 'Test' }]);
    await reopened.close();
  });

  it('refuses a database written by a newer server', async () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    await expect(openDatabase(file)).rejects.toThrow(/newer than this server/);
  });

  it('refuses a file with a damaged page, naming it, what SQLite found, and to restore it from a backup', async () => {
    const file = tempFile();
    await writeSeededDatabase(file);
    await (await openDatabase(file)).close();
    damageMiddlePage(file);

    const refusal = await openDatabase(file).then(
      (db) => db.close().then(() => null),
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DamagedDatabaseError);
    // What SQLite found is quoted between the file's name and what to do.
    expect((refusal as Error).message).toMatch(
      /^the database \S+ is damaged \(.+\), so the server does not start on it: .+ restore the file from your latest backup/,
    );
    expect((refusal as Error).message).toContain(`the database ${file} is damaged`);
  });

  it('refuses a file that is not a database at all in the same words', async () => {
    const file = tempFile();
    writeFileSync(file, 'ticket,title\nCSS-100001,Mail bounces\n'.repeat(200));
    await expect(openDatabase(file)).rejects.toThrow(
      `the database ${file} is damaged (file is not a database), so the server does not start on it`,
    );
  });

  it('from version 5 on, numbers tickets from a counter that starts after the highest number stored', async () => {
    const file = tempFile();
    const older = new Database(file);
    for (const step of migrations.slice(0, 3)) await runStep(new SqliteDatabase(older), step);
    older.pragma('user_version = 3');
    older.exec(`
      INSERT INTO teams (id, name) VALUES ('tm-test', 'Test');
      INSERT INTO users (id, email, name, role, team_id, time_zone, password_hash)
        VALUES ('us-ada', 'ada@css.example', 'Ada', 'engineer', 'tm-test', 'UTC', '-');
      INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
        VALUES ('tk-high', 'CSS-999999', 'tm-test', NULL, 'validation', 'new', 'high', 1, 1, '-', '{}'),
               ('tk-low', 'CSS-100001', 'tm-test', NULL, 'validation', 'new', 'high', 1, 2, '-', '{}');
      INSERT INTO applied_mutations (id, user_id, client_id, ticket_id, name, result, received_at)
        VALUES ('m-old', 'us-ada', 'c-1', 'tk-high', 'addNote', '{"id":"7a3f1c52-0f6e-4a43-9a4e-2f1b4c6d8e90","status":"applied","ticketId":"7a3f1c52-0f6e-4a43-9a4e-2f1b4c6d8e91","version":2}', '-');
    `);
    older.close();

    const db = await openDatabase(file);
    expect(await db.nextTicketNumber()).toBe('CSS-1000000');
    expect(await db.nextTicketNumber()).toBe('CSS-1000001');
    // Recorded before payload hashes: matched on its id alone (see push).
    expect((await db.mutations.find('m-old'))?.payloadHash).toBeNull();
    await db.close();

    const empty = await openDatabase(':memory:');
    expect(await empty.nextTicketNumber()).toBe('CSS-100001');
    await empty.close();
  });

  it('has the indexes the pull queries use', async () => {
    const db = await openDatabase(':memory:');
    const indexes = sqliteOf(db)
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL")
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['tickets_by_team_seq', 'tickets_by_assignee_seq']));
    await db.close();
  });

  it('counts, from version 3 on, every ticket assigned before as having left its team queue at its last change', async () => {
    const file = tempFile();
    const older = new Database(file);
    for (const step of migrations.slice(0, 2)) await runStep(new SqliteDatabase(older), step);
    older.pragma('user_version = 2');
    older.exec(`
      INSERT INTO teams (id, name) VALUES ('tm-test', 'Test');
      INSERT INTO users (id, email, name, role, team_id, time_zone, password_hash) VALUES
        ('us-ada', 'ada@css.example', 'Ada', 'engineer', 'tm-test', 'UTC', '-'),
        ('us-bo', 'bo@css.example', 'Bo', 'engineer', 'tm-test', 'UTC', '-');
      INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
        VALUES ('tk-assigned', 'CSS-100001', 'tm-test', 'us-bo', 'investigation', 'in_progress', 'high', 2, 7, '-', '{}'),
               ('tk-queued', 'CSS-100002', 'tm-test', NULL, 'validation', 'new', 'high', 1, 8, '-', '{}');
      UPDATE change_sequence SET value = 8;
    `);
    older.close();

    const db = await openDatabase(file);
    const engineer = (id: string) => ({
      id,
      email: `${id}@css.example`,
      name: id,
      role: 'engineer' as const,
      teamId: 'tm-test',
      teamName: 'Test',
      timeZone: 'UTC',
    });
    // Ada's console may hold it from the queue until it pulls change 7; Bo holds it still.
    expect(await db.leftScope(engineer('us-ada'), 6, 8)).toEqual(['tk-assigned']);
    expect(await db.leftScope(engineer('us-ada'), 7, 8)).toEqual([]);
    expect(await db.leftScope(engineer('us-bo'), 0, 8)).toEqual([]);
    await db.close();
  });

  it('reads a ticket back through the Ticket schema, so a corrupt record fails loudly', async () => {
    const portal = await seededPortal();
    const ticket = (await allTickets(portal.db))[0];
    if (ticket === undefined) throw new Error('no ticket');
    expect(await portal.db.findTicket(ticket.id)).toEqual(ticket);
    await portal.db.sql.run('UPDATE tickets SET data = ? WHERE id = ?', [
      JSON.stringify({ ...ticket, stage: 'archived' }),
      ticket.id,
    ]);
    await expect(portal.db.findTicket(ticket.id)).rejects.toThrow(/stage/);
    await portal.close();
  });

  it('refuses a ticket that breaks its schema before writing it', async () => {
    const portal = await seededPortal();
    const ticket = (await allTickets(portal.db))[0];
    if (ticket === undefined) throw new Error('no ticket');
    await expect(portal.db.saveTicket({ ...ticket, number: 'TICKET-1' })).rejects.toThrow(/CSS-104233/);
    expect(await portal.db.findTicket(ticket.id)).toEqual(ticket);
    await portal.close();
  });
});
