/** The portal's database schema as numbered steps for both engines, applied in order and tracked by the engine's version. */
import { z } from 'zod';
import { RemoteSession } from '../shared/domain/remote-session';
import { SessionIndex, type IndexedTicket } from './scheduling/session-index';
import type { SqlDatabase, SqlSession } from './storage/sql';

const TicketRow = z.object({ id: z.string(), number: z.string(), updated_at: z.string(), data: z.string() });

/**
 * A stored ticket's sessions, read leniently: a record whose JSON fails its schema fails where it is
 * read (pull, push), not in the migration, which leaves it without bookings.
 */
function storedSessions(row: z.infer<typeof TicketRow>): IndexedTicket {
  const json: unknown = JSON.parse(row.data);
  const sessions = z.object({ remoteSessions: z.array(RemoteSession) }).safeParse(json);
  return {
    id: row.id,
    number: row.number,
    updatedAt: row.updated_at,
    remoteSessions: sessions.success ? sessions.data.remoteSessions : [],
  };
}

/**
 * A step: SQL both engines run, SQL per engine where they differ, or code for what SQL cannot do
 * portably (filling a table from the tickets' JSON, hashing).
 */
export type MigrationStep = string | { sqlite: string; postgres: string } | ((session: SqlSession) => Promise<void>);

/**
 * The histories of the change sequence: the server begins one each time it opens the database, at the
 * change after the last. A cursor belongs to the history its change was made in (the latest to begin
 * at or before it), so a cursor from a history this database no longer has - it was restored from a
 * backup, or lost the tail of its log - is recognised even once the sequence has grown past it again.
 * The first history begins at change 1, so changes made before histories existed belong to it.
 */
const changeHistories = (seqColumn: string) => `
  CREATE TABLE change_histories (
    ${seqColumn},
    id        TEXT NOT NULL UNIQUE,
    first_seq INTEGER NOT NULL
  );
  CREATE INDEX change_histories_first_seq ON change_histories (first_seq, seq);
`;

/**
 * Step N brings the schema from version N to N + 1. Steps are only ever appended: a database in the
 * field has run the earlier ones. The SQL stays plain (TEXT timestamps in ISO-8601 UTC, no SQLite-only
 * types), so both engines run the same steps; the few where they differ say each engine's words.
 */
export const migrations: readonly MigrationStep[] = [
  `
  CREATE TABLE teams (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );

  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('engineer', 'lead')),
    team_id       TEXT NOT NULL REFERENCES teams (id),
    time_zone     TEXT NOT NULL,
    password_hash TEXT NOT NULL
  );

  -- Only the SHA-256 of a bearer token is kept: a copy of the database does not let anyone sign in.
  CREATE TABLE auth_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX auth_tokens_by_expiry ON auth_tokens (expires_at);

  CREATE TABLE resellers (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );

  CREATE TABLE end_customers (
    tenant_domain TEXT PRIMARY KEY,
    company_name  TEXT NOT NULL,
    time_zone     TEXT NOT NULL
  );

  -- What a reseller's marketplace subscription entitles one end customer (by tenant) to.
  CREATE TABLE entitlements (
    reseller_id       TEXT NOT NULL REFERENCES resellers (id),
    tenant_domain     TEXT NOT NULL REFERENCES end_customers (tenant_domain),
    support_plan      TEXT NOT NULL CHECK (support_plan IN ('none', 'standard', 'advanced', 'premier')),
    active            INTEGER NOT NULL CHECK (active IN (0, 1)),
    on_premise_add_on INTEGER NOT NULL CHECK (on_premise_add_on IN (0, 1)),
    PRIMARY KEY (reseller_id, tenant_domain)
  );

  -- data holds the whole Ticket JSON; the other columns are copies of its fields that queries filter on.
  CREATE TABLE tickets (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    team_id     TEXT NOT NULL REFERENCES teams (id),
    assignee_id TEXT REFERENCES users (id),
    stage       TEXT NOT NULL,
    status      TEXT NOT NULL,
    priority    TEXT,
    version     INTEGER NOT NULL,
    server_seq  INTEGER NOT NULL UNIQUE,
    updated_at  TEXT NOT NULL,
    data        TEXT NOT NULL
  );
  CREATE INDEX tickets_by_team_seq ON tickets (team_id, server_seq);
  CREATE INDEX tickets_by_assignee_seq ON tickets (assignee_id, server_seq);

  -- A single-row counter rather than a database sequence: incrementing it inside the writing
  -- transaction makes change numbers commit in order, so a pull never sees N + 1 before N.
  CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT INTO change_sequence (id, value) VALUES (1, 0);

  -- Every pushed mutation, applied or refused, with its first result: the idempotency record.
  CREATE TABLE applied_mutations (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    client_id   TEXT NOT NULL,
    ticket_id   TEXT,
    name        TEXT NOT NULL,
    result      TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  `,
  `
  -- The lead's escalation list reads one team's tickets in one stage.
  CREATE INDEX tickets_by_team_stage ON tickets (team_id, stage);

  -- A team's follow-up cadence, set by its lead; a team without a row runs on the default cadence.
  CREATE TABLE follow_up_cadences (
    team_id                      TEXT PRIMARY KEY REFERENCES teams (id),
    critical_hours               INTEGER NOT NULL CHECK (critical_hours > 0),
    moderate_hours               INTEGER NOT NULL CHECK (moderate_hours > 0),
    minimal_hours                INTEGER NOT NULL CHECK (minimal_hours > 0),
    microsoft_silent_after_hours INTEGER NOT NULL CHECK (microsoft_silent_after_hours > 0),
    updated_at                   TEXT NOT NULL,
    updated_by                   TEXT NOT NULL REFERENCES users (id)
  );
  `,
  `
  -- Each time a ticket leaves its holder (the engineer it was assigned to, or its team's queue when it
  -- had no assignee), with the change that moved it: a pull names it to the users who could have held it.
  CREATE TABLE ticket_scope_exits (
    ticket_id   TEXT NOT NULL REFERENCES tickets (id),
    team_id     TEXT NOT NULL REFERENCES teams (id),
    assignee_id TEXT REFERENCES users (id),
    server_seq  INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, server_seq)
  );
  CREATE INDEX ticket_scope_exits_by_team_seq ON ticket_scope_exits (team_id, server_seq);

  -- Who held an assigned ticket before it is not known for changes made before this table. Each is
  -- recorded as leaving its team's queue at its last change: a console that has not pulled that change
  -- yet may hold it, and every engineer of the team is told, as the pulls before this table told them.
  INSERT INTO ticket_scope_exits (ticket_id, team_id, assignee_id, server_seq)
    SELECT id, team_id, NULL, server_seq FROM tickets WHERE assignee_id IS NOT NULL;
  `,
  `
  -- The SHA-256 of each pushed mutation's payload (name, args, createdAt), so that an id sent again with
  -- a different change is refused rather than answered with the first change's result. Mutations
  -- recorded before this column have none and are matched on their id alone, as they were then.
  ALTER TABLE applied_mutations ADD COLUMN payload_hash TEXT;
  `,
  `
  -- The last ticket number handed out, a single-row counter like change_sequence: numbers no longer
  -- come from the highest one stored, which as text stops at CSS-999999. It starts at the highest
  -- number stored, or at 100000 so that the first ticket is CSS-100001, as in the demo data.
  CREATE TABLE ticket_number_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT INTO ticket_number_sequence (id, value)
    SELECT 1, coalesce(max(CAST(substr(number, 5) AS INTEGER)), 100000) FROM tickets;
  `,
  `
  -- The time each confirmed remote session holds in its engineer's calendar, copied from the ticket JSON
  -- whenever a ticket is saved: a new booking is checked against the engineer's others without reading
  -- every ticket. Times are ISO-8601 UTC with milliseconds, so text order is time order. Like the links
  -- below, rows are derived from the tickets' JSON and rewritten with it, so they name tickets by id
  -- without a foreign key.
  -- Session ids are chosen by the console and unique per ticket only.
  CREATE TABLE session_bookings (
    ticket_id     TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    ticket_number TEXT NOT NULL,
    engineer_id   TEXT NOT NULL,
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, session_id)
  );
  -- A slot is checked against the bookings ending after it starts: only the engineer's later ones.
  CREATE INDEX session_bookings_by_engineer_end ON session_bookings (engineer_id, ends_at);

  -- The customer's scheduling links. Only the SHA-256 of a link's token is kept, as for bearer tokens:
  -- the page finds its session by the hash, and a token is registered for one session only.
  CREATE TABLE scheduling_links (
    token_hash    TEXT PRIMARY KEY,
    ticket_id     TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    registered_at TEXT NOT NULL
  );
  `,
  // The tickets stored before those tables: their bookings and links, read from their JSON.
  async (session) => {
    const index = new SessionIndex(session);
    const rows = await session.all('SELECT id, number, updated_at, data FROM tickets');
    for (const row of rows) await index.index(storedSessions(TicketRow.parse(row)));
  },
  {
    sqlite: changeHistories('seq INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: changeHistories('seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  {
    // SQLite's rowid orders the mutations as they were handled; PostgreSQL's rows have no such order.
    sqlite: '-- the rowid is the order',
    postgres: 'ALTER TABLE applied_mutations ADD COLUMN handled BIGINT GENERATED ALWAYS AS IDENTITY',
  },
  `
  -- The rate limits' open windows (see rate-limits.ts), shared by every server process on the database:
  -- each key's count, and when its window ends, in milliseconds since 1970 by the server's clock.
  CREATE TABLE rate_limit_windows (
    key     TEXT PRIMARY KEY,
    count   INTEGER NOT NULL,
    ends_ms BIGINT NOT NULL
  );
  CREATE INDEX rate_limit_windows_by_end ON rate_limit_windows (ends_ms);
  `,
];

/** Runs one step, without its version bump (migrate's job, or a test's building an older database). */
export async function runStep(session: SqlSession, step: MigrationStep): Promise<void> {
  if (typeof step === 'function') await step(session);
  else await session.exec(typeof step === 'string' ? step : step[session.dialect.name]);
}

/**
 * Runs the steps the database has not run yet, each with its version bump in one transaction. Servers
 * starting together on one database take turns: each step runs once.
 */
export async function migrate(database: SqlDatabase): Promise<void> {
  for (;;) {
    const ran = await database.transaction(async (session) => {
      await database.lockSchema(session);
      const applied = await database.schemaVersion(session);
      if (applied > migrations.length) {
        throw new Error(
          `the database is at schema version ${applied}, newer than this server (${migrations.length}): upgrade the server`,
        );
      }
      const step = migrations[applied];
      if (step === undefined) return false;
      await runStep(session, step);
      await database.setSchemaVersion(session, applied + 1);
      return true;
    });
    if (!ran) return;
  }
}
