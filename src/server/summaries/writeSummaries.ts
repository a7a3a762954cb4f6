/**
 * Writes summary rows: additions from ingest (increments, so concurrent
 * writers add exactly what they stored), inside the caller's transaction,
 * with the raw rows they summarise. The table
 * descriptions below serve both ingest writers (Kysely and SQLite's
 * prepared statements).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SummaryRows } from './contribution.ts';

const CELL = ['round_id', 'audience', 'unit_key', 'answered_by', 'release_no', 'flagged'] as const;

export interface SummaryTable {
  readonly table: 'summary_cells' | 'summary_themes' | 'summary_values' | 'summary_comments';
  readonly key: readonly string[];
  /** Columns that add up. */
  readonly sums: readonly string[];
  readonly rows: (rows: SummaryRows) => readonly object[];
}

export const SUMMARY_TABLES: readonly SummaryTable[] = [
  { table: 'summary_cells', key: CELL, sums: ['responses', 'same_answer', 'pair_answered', 'pair_bad'], rows: (r) => r.cells },
  { table: 'summary_themes', key: [...CELL, 'theme'], sums: ['responses', 'mean_sum'], rows: (r) => r.themes },
  { table: 'summary_values', key: [...CELL, 'question_id', 'value'], sums: ['n'], rows: (r) => r.values },
  { table: 'summary_comments', key: [...CELL, 'comment_key'], sums: ['n'], rows: (r) => r.comments },
];

/** Rows per statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

/** Rows in key order: concurrent writers (server processes on PostgreSQL) then lock them in one order and never deadlock. */
function inKeyOrder(rows: readonly object[], key: readonly string[]): object[] {
  const valueOf = (row: object, column: string) => (row as Record<string, string | number>)[column]!;
  return [...rows].sort((a, b) => {
    for (const column of key) {
      const x = valueOf(a, column);
      const y = valueOf(b, column);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

export async function addSummaries(trx: Kysely<Database>, rows: SummaryRows): Promise<void> {
  for (const { table, key, sums, rows: of } of SUMMARY_TABLES) {
    const all = inKeyOrder(of(rows), key);
    for (let i = 0; i < all.length; i += CHUNK) {
      const increments = Object.fromEntries(sums.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));
      await trx
        .insertInto(table)
        .values(all.slice(i, i + CHUNK) as never)
        .onConflict((oc) => oc.columns(key as never).doUpdateSet(increments as never))
        .execute();
    }
  }
}
