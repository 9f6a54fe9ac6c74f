// The SQLite connection under a portal database, for what only SQLite does: copying it whole as an image.
import type Database from 'better-sqlite3';
import type { PortalDatabase } from '../../server/db';
import { SqliteDatabase } from '../../server/storage/sqlite';

export function sqliteOf(db: PortalDatabase): Database.Database {
  if (!(db.database instanceof SqliteDatabase)) throw new Error('this test needs the portal on SQLite');
  return db.database.sqlite;
}

/** The database as it is now, as a backup would copy it. */
export const imageOf = (db: PortalDatabase): Buffer => sqliteOf(db).serialize();
