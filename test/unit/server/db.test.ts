// The database: migrations tracked by user_version, records read back through their schemas.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db';
import { migrations } from '../../../server/migrations';
import { allTickets, seededPortal } from './fixtures';

describe('portal database', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-db-'));
    dirs.push(dir);
    return join(dir, 'portal.sqlite');
  };

  it('migrates a new file to the latest version, in WAL mode with foreign keys on, and reopens it as is', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    db.insertTeam({ id: 'tm-test', name: 'Test' });
    db.close();

    const reopened = openDatabase(file);
    expect(reopened.sqlite.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Test']);
    reopened.close();
  });

  it('refuses a database written by a newer server', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(/newer than this server/);
  });

  it('has the indexes the pull queries use', () => {
    const db = openDatabase(':memory:');
    const indexes = db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL")
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['tickets_by_team_seq', 'tickets_by_assignee_seq']));
    db.close();
  });

  it('counts, from version 3 on, every ticket assigned before as having left its team queue at its last change', () => {
    const file = tempFile();
    const older = new Database(file);
    migrations.slice(0, 2).forEach((step) => older.exec(step));
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

    const db = openDatabase(file);
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
    expect(db.leftScope(engineer('us-ada'), 6, 8)).toEqual(['tk-assigned']);
    expect(db.leftScope(engineer('us-ada'), 7, 8)).toEqual([]);
    expect(db.leftScope(engineer('us-bo'), 0, 8)).toEqual([]);
    db.close();
  });

  it('reads a ticket back through the Ticket schema, so a corrupt record fails loudly', async () => {
    const portal = await seededPortal();
    const ticket = allTickets(portal.db)[0];
    if (ticket === undefined) throw new Error('no ticket');
    expect(portal.db.findTicket(ticket.id)).toEqual(ticket);
    portal.db.sqlite
      .prepare("UPDATE tickets SET data = json_set(data, '$.stage', 'archived') WHERE id = ?")
      .run(ticket.id);
    expect(() => portal.db.findTicket(ticket.id)).toThrow(/stage/);
    await portal.close();
  });

  it('refuses a ticket that breaks its schema before writing it', async () => {
    const portal = await seededPortal();
    const ticket = allTickets(portal.db)[0];
    if (ticket === undefined) throw new Error('no ticket');
    expect(() => portal.db.saveTicket({ ...ticket, number: 'TICKET-1' })).toThrow(/CSS-104233/);
    expect(portal.db.findTicket(ticket.id)).toEqual(ticket);
    await portal.close();
  });
});
