/**
 * The storage interface on PostgreSQL (node-postgres), for several server processes on one database:
 * a pool of connections, each transaction on a connection of its own, run again when PostgreSQL finds
 * it in conflict with another process's.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Isolation, SqlDatabase, SqlDialect, SqlParams, SqlRow, SqlSession } from './sql';

/** The channel the server processes on one database announce their changes on. */
const CHANGES_CHANNEL = 'portal_changes';

/**
 * The dialect of one opened database: its announcements begin with a token of its own and a space, by
 * which it knows its own among those it hears (it announced those to its change streams already, at
 * commit); what follows is what the announcement says.
 */
function postgresDialect(announcer: string): SqlDialect {
  return {
    name: 'postgres',
    forUpdate: ' FOR UPDATE',
    utf8Bytes: (column) => `convert_to(${column}, 'UTF8')`,
    mutationOrder: 'handled',
    announceChanges: `SELECT pg_notify('${CHANGES_CHANNEL}', '${announcer} ' || CAST(? AS text))`,
  };
}

/** What a statement becomes for PostgreSQL: `?` and `@name` as $1, $2…, and the names in their order. */
interface Translated {
  text: string;
  names: string[] | null;
}

const translations = new Map<string, Translated>();

function translate(sql: string): Translated {
  let translated = translations.get(sql);
  if (translated === undefined) {
    const names: string[] = [];
    let position = 0;
    const text = sql
      .replace(/\?/g, () => `$${++position}`)
      .replace(/@(\w+)/g, (_match, name: string) => {
        const index = names.indexOf(name);
        if (index >= 0) return `$${index + 1}`;
        names.push(name);
        return `$${names.length}`;
      });
    translated = { text, names: names.length > 0 ? names : null };
    translations.set(sql, translated);
  }
  return translated;
}

function values(translated: Translated, params: SqlParams | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params;
  const named = params as Readonly<Record<string, unknown>>;
  return (translated.names ?? []).map((name) => {
    if (!(name in named)) throw new Error(`the statement needs @${name}, which was not given`);
    return named[name];
  });
}

/** Counts come back as bigint, which node-postgres reads as text: here they are numbers, as in SQLite. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, Number);

type Queryable = Pick<pg.ClientBase, 'query'>;

async function query(on: Queryable, sql: string, params: SqlParams | undefined): Promise<SqlRow[]> {
  const translated = translate(sql);
  const result = await on.query<SqlRow>(translated.text, values(translated, params));
  return result.rows;
}

/** Conflicts PostgreSQL resolves by failing one transaction, which succeeds when run again. */
const CONFLICTS = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: another process inserted the same key first (a mutation id, a link)
]);
const ATTEMPTS = 5;

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** The queries of a session, on the pool (any free connection) or on the one connection a transaction holds. */
abstract class PostgresSession {
  constructor(
    private readonly on: Queryable,
    readonly dialect: SqlDialect,
  ) {}

  all(sql: string, params?: SqlParams): Promise<SqlRow[]> {
    return query(this.on, sql, params);
  }

  async get(sql: string, params?: SqlParams): Promise<SqlRow | undefined> {
    return (await query(this.on, sql, params))[0];
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await query(this.on, sql, params);
  }

  async exec(script: string): Promise<void> {
    await this.on.query(script);
  }
}

/** The queries of one transaction, on the connection it holds; nested ones are savepoints. */
class PostgresTransaction extends PostgresSession implements SqlSession {
  private savepoints = 0;

  constructor(
    private readonly client: pg.PoolClient,
    dialect: SqlDialect,
  ) {
    super(client, dialect);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const name = `s${++this.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(this);
      await this.client.query(`RELEASE ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO ${name}`);
      throw error;
    } finally {
      this.savepoints--;
    }
  }
}

/** The database behind a pool: queries outside a transaction take any free connection. */
export class PostgresDatabase extends PostgresSession implements SqlDatabase {
  /** Set once close is called: the pool ends once, and the connections it ends are not reported lost. */
  private ended: Promise<void> | null = null;
  /** The connection listening for the other processes' changes, once onChangesElsewhere is called. */
  private listening: pg.Client | null = null;

  constructor(
    private readonly pool: pg.Pool,
    /** The database for messages, its password hidden. */
    private readonly source: string,
    private readonly url: string,
    /** What this database's announcements carry, to tell them from the other processes'. */
    private readonly announcer = randomUUID(),
  ) {
    super(pool, postgresDialect(announcer));
    // A connection lost while idle is replaced at the next query; without a listener it would stop the server.
    // One PostgreSQL ended itself (a restart, an administrator's command, 57P01) is not worth a line.
    pool.on('error', (error) => {
      if (this.ended === null && codeOf(error) !== '57P01') {
        console.error(`the connection to ${source} was lost: ${error.message}`);
      }
    });
  }

  /**
   * `write` runs at READ COMMITTED: rows are held by FOR UPDATE and by writing them, so two processes'
   * changes to a ticket, or to the change counter, take turns. A conflict PostgreSQL breaks by failing one
   * transaction (a deadlock, a key inserted by the other first) runs the work again from the start.
   */
  async transaction<T>(work: (session: SqlSession) => Promise<T>, isolation: Isolation = 'write'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // A connection that cannot even roll back is broken: it is closed rather than given to the next query.
      let broken = false;
      try {
        await client.query(isolation === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await work(new PostgresTransaction(client, this.dialect));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        if (attempt >= ATTEMPTS || !CONFLICTS.has(codeOf(error) ?? '')) throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  async schemaVersion(session: SqlSession): Promise<number> {
    const row = await session.get('SELECT version FROM portal_schema WHERE id = 1');
    return Number(row?.version ?? 0);
  }

  setSchemaVersion(session: SqlSession, version: number): Promise<void> {
    return session.run('UPDATE portal_schema SET version = ? WHERE id = 1', [version]);
  }

  /** A lock of the whole database's, held to the end of the transaction; the version's table is made under it. */
  async lockSchema(session: SqlSession): Promise<void> {
    await session.get("SELECT pg_advisory_xact_lock(hashtext('portal_schema'))");
    await session.exec(`
      CREATE TABLE IF NOT EXISTS portal_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT INTO portal_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
    `);
  }

  /**
   * Listens on a connection of its own, outside the pool. A lost one is made again a second later;
   * meanwhile the consoles miss only the announcement, not the change: they pull at their interval too.
   */
  async onChangesElsewhere(listener: (announcement: string | null) => void): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types });
    client.on('notification', ({ payload = '' }) => {
      // A process of an earlier version announces its token alone.
      const space = payload.indexOf(' ');
      if ((space === -1 ? payload : payload.slice(0, space)) === this.announcer) return;
      listener(space === -1 ? null : payload.slice(space + 1));
    });
    client.on('error', (error) => {
      if (this.ended !== null) return;
      console.error(`the connection to ${this.source} that hears other processes' changes was lost: ${error.message}`);
      void client.end().catch(() => {});
      setTimeout(() => {
        if (this.ended === null) this.onChangesElsewhere(listener).catch(() => {});
      }, 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.listening = client;
  }

  close(): Promise<void> {
    this.ended ??= Promise.all([this.pool.end(), this.listening?.end()]).then(() => {});
    return this.ended;
  }
}

/** The URL as it may be shown: its password, if it has one, replaced by ***. */
export function withoutPassword(url: string): string {
  if (!URL.canParse(url)) return '(a URL that cannot be read)';
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/** Why the database could not be reached, in words an operator acts on. */
function unreachable(url: string, error: unknown): Error {
  const shown = withoutPassword(url);
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const where = parsed === null ? shown : `${parsed.hostname}:${parsed.port || '5432'}`;
  const reasons: Record<string, string> = {
    ECONNREFUSED: `nothing answers at ${where}: start PostgreSQL there, or correct the host and port`,
    ENOTFOUND: `there is no host ${parsed?.hostname ?? ''}: correct the host name`,
    EAI_AGAIN: `the host ${parsed?.hostname ?? ''} could not be looked up: check the name and the network`,
    ETIMEDOUT: `${where} did not answer in time: check the host, the port and the firewall`,
    '28P01': `PostgreSQL refused the password of user ${parsed?.username ?? ''}: correct the user or the password`,
    '28000': `PostgreSQL does not let user ${parsed?.username ?? ''} connect from here: see its pg_hba.conf`,
    '3D000': `there is no database ${parsed?.pathname.slice(1) ?? ''} there: create it (createdb), or correct its name`,
  };
  const reason = reasons[codeOf(error) ?? ''] ?? (error instanceof Error ? error.message : String(error));
  return new Error(`cannot reach the PostgreSQL database ${shown}: ${reason}`, { cause: error });
}

/** Connects to the database at `url` (postgres://user:password@host:5432/database), checking it answers. */
export async function openPostgres(url: string): Promise<PostgresDatabase> {
  const database = new PostgresDatabase(
    new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 10_000 }),
    withoutPassword(url),
    url,
  );
  try {
    await database.get('SELECT 1');
  } catch (error) {
    await database.close();
    throw unreachable(url, error);
  }
  return database;
}
