/**
 * The storage interface on SQLite (better-sqlite3): statements prepared once, and transactions taking
 * the one connection in turn, since their work now awaits between statements.
 */
import type Database from 'better-sqlite3';
import type { SqlDatabase, SqlDialect, SqlParams, SqlRow, SqlSession } from './sql';

const SQLITE: SqlDialect = {
  name: 'sqlite',
  forUpdate: '',
  utf8Bytes: (column) => `CAST(${column} AS BLOB)`,
  mutationOrder: 'rowid',
  announceChanges: null,
};

type Statement = Database.Statement<unknown[], unknown>;

/** Statements by their text, prepared at their first run. */
class Statements {
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  of(sql: string): Statement {
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}

const bind = (params: SqlParams | undefined): unknown[] =>
  params === undefined ? [] : Array.isArray(params) ? params : [params];

/** The queries of one transaction, run straight on the connection it holds; nested ones are savepoints. */
class SqliteTransaction implements SqlSession {
  readonly dialect = SQLITE;
  private savepoints = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly statements: Statements,
  ) {}

  all(sql: string, params?: SqlParams): Promise<SqlRow[]> {
    return Promise.resolve(this.statements.of(sql).all(...bind(params)) as SqlRow[]);
  }

  get(sql: string, params?: SqlParams): Promise<SqlRow | undefined> {
    return Promise.resolve(this.statements.of(sql).get(...bind(params)) as SqlRow | undefined);
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    this.statements.of(sql).run(...bind(params));
    return Promise.resolve();
  }

  exec(script: string): Promise<void> {
    this.sqlite.exec(script);
    return Promise.resolve();
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const name = `s${++this.savepoints}`;
    this.sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(this);
      this.sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    } finally {
      this.savepoints--;
    }
  }
}

/**
 * The connection: a query outside a transaction waits for the transaction holding the connection to
 * end, then runs at once; transactions take the connection one after the other. The wait is checked
 * and the work begun in the same turn of the event loop, so nothing can take the connection between.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = SQLITE;
  private readonly statements: Statements;
  private readonly inTransaction: SqliteTransaction;
  /** Settles when the transaction holding the connection ends; null when none does. */
  private held: Promise<void> | null = null;

  constructor(readonly sqlite: Database.Database) {
    this.statements = new Statements(sqlite);
    this.inTransaction = new SqliteTransaction(sqlite, this.statements);
  }

  async all(sql: string, params?: SqlParams): Promise<SqlRow[]> {
    while (this.held !== null) await this.held;
    return this.inTransaction.all(sql, params);
  }

  async get(sql: string, params?: SqlParams): Promise<SqlRow | undefined> {
    while (this.held !== null) await this.held;
    return this.inTransaction.get(sql, params);
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    while (this.held !== null) await this.held;
    return this.inTransaction.run(sql, params);
  }

  async exec(script: string): Promise<void> {
    while (this.held !== null) await this.held;
    return this.inTransaction.exec(script);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    while (this.held !== null) await this.held;
    let end = () => {};
    this.held = new Promise((resolve) => (end = resolve));
    try {
      this.sqlite.exec('BEGIN');
      try {
        const result = await work(this.inTransaction);
        this.sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.held = null;
      end();
    }
  }

  schemaVersion(): Promise<number> {
    return Promise.resolve(this.sqlite.pragma('user_version', { simple: true }) as number);
  }

  setSchemaVersion(_session: SqlSession, version: number): Promise<void> {
    this.sqlite.pragma(`user_version = ${version}`);
    return Promise.resolve();
  }

  /** One process opens a file: there is no other migration to hold back. */
  lockSchema(): Promise<void> {
    return Promise.resolve();
  }

  /** One process opens a file: nobody else writes to it. */
  onChangesElsewhere(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    while (this.held !== null) await this.held;
    this.sqlite.close();
  }
}
