/**
 * Ingest's group write on SQLite, with better-sqlite3's prepared
 * statements kept for the life of the connection: one synchronous
 * transaction per group, taken while Kysely's connection lock is held so
 * no other query interleaves. Same steps and rows as the Kysely writer
 * (writeKysely.ts), which PostgreSQL uses.
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { summarise } from '../summaries/contribution.ts';
import { SUMMARY_TABLES } from '../summaries/writeSummaries.ts';
import { ConflictingIds, type GroupWriter } from './groupWriter.ts';
import { storedResponse, type PreparedResponse } from './preparedResponse.ts';

const RESPONSE_COLUMNS = [
  'id',
  'round_id',
  'unit_id',
  'questionnaire_id',
  'questionnaire_version',
  'audience',
  'language',
  'answered_by',
  'completion',
  'completed_on',
  'body_hash',
  'release_no',
] as const;
const ANSWER_COLUMNS = ['response_id', 'question_id', 'theme', 'value', 'score'] as const;
const COMMENT_COLUMNS = ['response_id', 'comment_key', 'body'] as const;
/** Rows per multi-row statement: statements are cached per row count, so chunks are this size plus one remainder. */
const ROWS = 64;

type Value = string | number | null;

class Statements {
  private readonly cache = new Map<string, SQLite.Statement>();

  constructor(private readonly sqlite: SQLite.Database) {}

  get(key: string, text: () => string): SQLite.Statement {
    let statement = this.cache.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(text());
      this.cache.set(key, statement);
    }
    return statement;
  }

  /** Inserts `rows` (values in `columns` order), many per statement; `suffix` is an ON CONFLICT clause. */
  insertMany(table: string, columns: readonly string[], rows: readonly Value[][], suffix = ''): void {
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += ROWS) {
      const chunk = rows.slice(i, i + ROWS);
      const statement = this.get(`${table}|${chunk.length}|${suffix}`, () => `insert into ${table} (${columns.join(', ')}) values ${Array(chunk.length).fill(placeholders).join(', ')} ${suffix}`);
      statement.run(chunk.flat());
    }
  }
}

function valuesOf(row: object, columns: readonly string[]): Value[] {
  const record = row as Record<string, Value | undefined>;
  return columns.map((c) => record[c] ?? null);
}

export function sqliteWriter(sqlite: SQLite.Database): GroupWriter {
  const statements = new Statements(sqlite);
  const insertResponse = statements.get('response', () => `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values (${RESPONSE_COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`);
  const storedHash = statements.get('hash', () => 'select body_hash from responses where id = ?');
  const nextRelease = statements.get('release', () => 'select coalesce(max(number), 0) + 1 as n from result_releases where round_id = ?');

  const write = sqlite.transaction((items: readonly PreparedResponse[]) => {
    // Step 3 (see groupCommit.ts): each response counts in its round's next release.
    const releaseOf = new Map<number, number>();
    for (const item of items) {
      const round = item.response.round_id;
      if (!releaseOf.has(round)) releaseOf.set(round, (nextRelease.get(round) as { n: number }).n);
    }
    const fresh: PreparedResponse[] = [];
    const conflicting: string[] = [];
    for (const item of items) {
      const row = { ...item.response, release_no: releaseOf.get(item.response.round_id)! };
      if (insertResponse.run(valuesOf(row, RESPONSE_COLUMNS)).changes === 1) fresh.push(item);
      else if ((storedHash.get(item.response.id) as { body_hash: string }).body_hash !== item.response.body_hash) conflicting.push(item.response.id);
    }
    if (conflicting.length > 0) throw new ConflictingIds(conflicting);
    // Step 4.
    statements.insertMany('answers', ANSWER_COLUMNS, fresh.flatMap((i) => i.answers.map((a) => valuesOf(a, ANSWER_COLUMNS))));
    statements.insertMany('comments', COMMENT_COLUMNS, fresh.flatMap((i) => i.comments.map((c) => valuesOf(c, COMMENT_COLUMNS))));
    // Step 5.
    const summary = summarise(fresh.map((item) => storedResponse(item, releaseOf.get(item.response.round_id)!)));
    for (const { table, key, sums, rows } of SUMMARY_TABLES) {
      const columns = [...key, ...sums];
      const upsert = `on conflict (${key.join(', ')}) do update set ${sums.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
      statements.insertMany(table, columns, rows(summary).map((row) => valuesOf(row, columns)), upsert);
    }
  });

  // Kysely's lock on the one connection: no other query runs inside this transaction.
  return (db: Kysely<Database>, items) => db.connection().execute(async () => write(items));
}
