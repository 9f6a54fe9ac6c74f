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
