/**
 * Opens the one database the server uses: an SQLite file under DATA_DIR by
 * default, PostgreSQL when DATABASE_URL is set. Everything above this file
 * writes the same Kysely queries for both.
 */
import { mkdirSync } from 'node:fs';
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

export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the database (a restart, a failover) must not crash the
    // server: the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      kysely,
      dialect: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'min-stemme-teller.sqlite');
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
