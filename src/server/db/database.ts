/**
 * Opens the one database the server uses: an SQLite file under DATA_DIR by
 * default, PostgreSQL when DATABASE_URL is set. Everything above this file
 * writes the same Kysely queries for both.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for the start-up message (no password). */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * The better-sqlite3 handle behind an SQLite Kysely instance, for ingest's
 * hot path only (cached prepared statements; see src/server/ingest/writeSqlite.ts).
 */
const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/** For the few statements that differ (row locks): a transaction answers the same as its database. */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// PostgreSQL returns bigint (count(*)) as a string; our counts fit in a number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export interface OpenOptions {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Told when the database drops a connection (the server logs it); the process carries on. */
  readonly onConnectionLost?: (error: Error) => void;
}

export function openDatabase(options: OpenOptions): Db {
  if (options.databaseUrl) {
    const lost = options.onConnectionLost ?? ((error: Error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
    // A connection dropped by the database (a restart, a failover, pg_terminate_backend) must not
    // crash the server. Idle ones are reported on the pool; one lent to a request reports on itself,
    // between its queries too, so every connection gets a listener for its whole life. The query
    // that was running fails (that request answers 500 and the tablet retries), and the pool
    // replaces the broken connection instead of lending it again.
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      kysely,
      dialect: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  // Readable by the server's user only: a folder it creates 0700, the file 0600 also when it
  // exists already (SQLite gives its -wal and -shm files the database file's mode).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, 'min-stemme-teller.sqlite');
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL makes every committed response survive a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteHandles.set(kysely, sqlite);
  return { kysely, dialect: 'sqlite', location: file, close: () => kysely.destroy() };
}
