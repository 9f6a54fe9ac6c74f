/** The one storage interface the portal's queries run on, whichever engine holds the data. */

/** Values bound to a statement: positional (`?`) as an array, named (`@name`) as an object. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** A row as an engine returns it: column name to value, parsed by the caller with its schema. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** What differs between the engines in the text of a query; everything else is written once. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Appended to a SELECT that reads a row the transaction is about to change: holds it until the end. */
  readonly forUpdate: string;
  /** A TEXT column as its UTF-8 bytes, read as a Buffer. */
  utf8Bytes(column: string): string;
  /** What orders applied_mutations as the server handled them. */
  readonly mutationOrder: string;
  /**
   * The statement that tells every other process on the database, once the transaction commits, that
   * changes were stored, and what its one parameter says of them (see SqlDatabase.onChangesElsewhere);
   * null where one process holds the database.
   */
  readonly announceChanges: string | null;
}

/** A connection to the portal's database, or one transaction on it. */
export interface SqlSession {
  readonly dialect: SqlDialect;
  all(sql: string, params?: SqlParams): Promise<SqlRow[]>;
  /** The first row, or undefined when there is none. */
  get(sql: string, params?: SqlParams): Promise<SqlRow | undefined>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Statements without parameters, separated by semicolons: a migration step. */
  exec(script: string): Promise<void>;
  /**
   * Runs `work` on a session of its own whose writes all commit together, or none do; inside another
   * transaction it is a savepoint of it. Every query of the work goes through the session it is given.
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>, isolation?: Isolation): Promise<T>;
}

/**
 * `write`: the engine's default, where each statement sees what is committed when it runs, and rows
 * are locked as they are written (or read FOR UPDATE); `snapshot`: reads only, all of the same moment.
 */
export type Isolation = 'write' | 'snapshot';

/** The database an engine opened: its schema version, kept by the engine, and the closing. */
export interface SqlDatabase extends SqlSession {
  /** The schema version migrate brought the database to; 0 for a new one. Read in a transaction. */
  schemaVersion(session: SqlSession): Promise<number>;
  setSchemaVersion(session: SqlSession, version: number): Promise<void>;
  /**
   * Holds every other process's migration back until the transaction of `session` ends, so that two
   * servers starting together run each step once.
   */
  lockSchema(session: SqlSession): Promise<void>;
  /**
   * Calls `listener` each time another process on the database announces changes, with what it said of
   * them (null: a process that says nothing of them); see SqlDialect.announceChanges.
   */
  onChangesElsewhere(listener: (announcement: string | null) => void): Promise<void>;
  close(): Promise<void>;
}
